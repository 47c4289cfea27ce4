import { useEffect, useRef } from 'react';
import type { TWheelSpinResult } from '@playloop/shared';
import { useI18n } from '../../i18n/i18n-context';
import { Link } from 'react-router';
import { describePrize } from './describe-prize';

/**
 * The result, in a native modal `<dialog>`: the browser traps focus inside it, makes the page
 * behind inert, and closes it on Escape. Opening moves focus to the primary action; closing
 * hands focus back through `onClose`. The announcement itself goes through the page's live region.
 */
// A twelve-point star, drawn rather than an emoji so it looks the same on every device.
const BURST =
  Array.from({ length: 24 }, (_, i) => {
    const r = i % 2 === 0 ? 48 : 30;
    const a = (i * Math.PI) / 12;
    return `${i === 0 ? 'M' : 'L'} ${(r * Math.sin(a)).toFixed(2)} ${(-r * Math.cos(a)).toFixed(2)}`;
  }).join(' ') + ' Z';

export function PrizeDialog(props: {
  result: TWheelSpinResult | null;
  labels: string[];
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const primary = useRef<HTMLButtonElement>(null);
  const { result } = props;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (result && !dialog.open) {
      dialog.showModal();
      primary.current?.focus();
    } else if (!result && dialog.open) dialog.close();
  }, [result]);

  const won = result !== null && result.prize.kind !== 'none';
  return (
    <dialog
      ref={ref}
      className="prize-dialog"
      aria-labelledby="prize-title"
      aria-describedby="prize-body"
      onClose={props.onClose}
    >
      {result && (
        <>
          <svg
            className={`prize-dialog__burst${won ? '' : ' prize-dialog__burst--miss'}`}
            viewBox="-50 -50 100 100"
            aria-hidden="true"
          >
            <path d={BURST} />
            <circle r="16" />
          </svg>
          <h2 id="prize-title" className="prize-dialog__title">
            {won ? t('wheel.wonTitle') : t('wheel.missTitle')}
          </h2>
          <p id="prize-body" className="prize-dialog__prize">
            {describePrize(result.prize, props.labels[result.awardedIndex] ?? '', t, locale)}
          </p>
          {result.fallbackReason && (
            <p className="notice notice--info">
              {t(
                result.fallbackReason === 'out_of_stock'
                  ? 'wheel.fallbackOutOfStock'
                  : 'wheel.fallbackOverBudget',
                {
                  drawn: props.labels[result.drawnIndex] ?? '',
                },
              )}
            </p>
          )}
          <div className="prize-dialog__actions">
            <button
              ref={primary}
              type="button"
              className="button button--primary"
              onClick={() => ref.current?.close()}
            >
              {t('wheel.continue')}
            </button>
            <Link className="button button--ghost" to={`/verify/wheel/${result.spinId}`}>
              {t('wheel.verifyThisSpin')}
            </Link>
          </div>
        </>
      )}
    </dialog>
  );
}
