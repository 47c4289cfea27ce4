import { useAdminText } from '../i18n/use-admin-text';
import { BarList } from '../ui/bar-list';
import type { DashboardFigures } from './use-live-dashboard';

const STEPS = ['linkClicks', 'landingViews', 'signups', 'qualified', 'rewarded'] as const;

/** Link clicks → landing views → sign-ups → qualified → rewarded, each with its step conversion. */
export function FunnelCard({ figures }: { figures: DashboardFigures }) {
  const { at, formatNumber } = useAdminText();
  const bars = STEPS.map((step, i) => {
    const value = figures[step];
    const previous = i > 0 ? figures[STEPS[i - 1] as (typeof STEPS)[number]] : null;
    return {
      label: at(`funnel.${step}`),
      value,
      display: formatNumber(value),
      ...(previous
        ? { note: at('funnel.ofPrevious', { pct: ((value / previous) * 100).toFixed(1) }) }
        : {}),
    };
  });
  return (
    <section className="card admin-card--wide" aria-labelledby="funnel-title">
      <h2 id="funnel-title" className="card__title">
        {at('funnel.title')}
      </h2>
      <BarList bars={bars} caption={at('funnel.title')} testId="funnel" />
    </section>
  );
}
