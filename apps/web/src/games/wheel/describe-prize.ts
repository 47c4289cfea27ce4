import type { TWheelPrize } from '@playloop/shared';
import type { I18n } from '../../i18n/i18n-context';

/** "100 points", "1 extra spin", or the segment's own label for a miss, in the reader's language. */
export function describePrize(
  prize: TWheelPrize,
  label: string,
  t: I18n['t'],
  locale: I18n['locale'],
): string {
  const amount = new Intl.NumberFormat(locale === 'it' ? 'it-IT' : 'en-GB').format(prize.amount);
  if (prize.kind === 'points')
    return t(prize.amount === 1 ? 'wheel.prizePoint' : 'wheel.prizePoints', { amount });
  if (prize.kind === 'spins')
    return t(prize.amount === 1 ? 'wheel.prizeSpin' : 'wheel.prizeSpins', { amount });
  return label;
}
