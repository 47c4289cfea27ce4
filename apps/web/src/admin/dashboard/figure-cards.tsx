import { useAdminText } from '../i18n/use-admin-text';
import { BarList } from '../ui/bar-list';
import type { DashboardFigures } from './use-live-dashboard';

/** The headline numbers: virality, speed, audience and money. */
export function KpiTiles({ figures }: { figures: DashboardFigures }) {
  const { at, formatNumber } = useAdminText();
  const tiles = [
    {
      key: 'kFactor',
      label: at('kpi.kFactor'),
      value: formatNumber(figures.kFactor),
      hint: at('kpi.kFactorHint'),
    },
    {
      key: 'viralCycle',
      label: at('kpi.viralCycle'),
      value:
        figures.viralCycleHours === null
          ? '—'
          : at('kpi.hours', { n: formatNumber(figures.viralCycleHours) }),
      hint: at('kpi.viralCycleHint'),
    },
    {
      key: 'playersOnline',
      label: at('kpi.playersOnline'),
      value: figures.playersOnline === undefined ? '—' : formatNumber(figures.playersOnline),
      hint: at('kpi.playersOnlineHint'),
    },
    {
      key: 'pointsIssued',
      label: at('kpi.pointsIssued'),
      value: formatNumber(figures.pointsIssued),
      hint: at('kpi.pointsIssuedHint'),
    },
  ];
  return (
    <dl className="admin-kpis">
      {tiles.map((t) => (
        <div key={t.key} className="admin-kpi" data-testid={`kpi-${t.key}`}>
          <dt>{t.label}</dt>
          <dd className="admin-kpi__value">{t.value}</dd>
          <dd className="admin-kpi__hint">{t.hint}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Points issued in the range against what is left of the budget. */
export function BudgetCard({ figures }: { figures: DashboardFigures }) {
  const { at, formatNumber } = useAdminText();
  const total = figures.pointsIssued + figures.budgetRemaining;
  const share = total > 0 ? figures.pointsIssued / total : 0;
  return (
    <section className="card" aria-labelledby="budget-title">
      <h2 id="budget-title" className="card__title">
        {at('budget.title')}
      </h2>
      <svg
        className="admin-meter"
        viewBox="0 0 100 8"
        preserveAspectRatio="none"
        aria-hidden="true"
        focusable="false"
      >
        <rect width="100" height="8" rx="4" className="bar-list__track" />
        <rect width={share * 100} height="8" rx="4" className="bar-list__fill" />
      </svg>
      <p data-testid="budget-summary">
        {at('budget.summary', {
          issued: formatNumber(figures.pointsIssued),
          remaining: formatNumber(figures.budgetRemaining),
        })}
      </p>
    </section>
  );
}

export function TopReferrersCard({ figures }: { figures: DashboardFigures }) {
  const { at } = useAdminText();
  return (
    <section className="card" aria-labelledby="top-title">
      <h2 id="top-title" className="card__title">
        {at('top.title')}
      </h2>
      {figures.topReferrers.length === 0 ? (
        <p className="muted">{at('top.none')}</p>
      ) : (
        <BarList
          caption={at('top.title')}
          bars={figures.topReferrers.map((r) => ({ label: r.displayName, value: r.rewarded }))}
        />
      )}
    </section>
  );
}

/** Each variant's exposures and conversions, and the server's plain-language verdict. */
export function AbCard({ figures }: { figures: DashboardFigures }) {
  const { at, formatNumber } = useAdminText();
  if (figures.variants.length === 0) return null;
  const bars = figures.variants.map((v) => {
    const rate = v.exposures > 0 ? v.conversions / v.exposures : 0;
    return {
      label: v.name,
      value: rate,
      display: `${(rate * 100).toFixed(1)}%`,
      note: at('ab.counts', {
        conversions: formatNumber(v.conversions),
        exposures: formatNumber(v.exposures),
      }),
    };
  });
  return (
    <section className="card" aria-labelledby="ab-title">
      <h2 id="ab-title" className="card__title">
        {at('ab.title')}
      </h2>
      <BarList caption={at('ab.title')} bars={bars} />
      {figures.abVerdict && (
        <p className="admin-verdict" data-testid="ab-verdict">
          {figures.abVerdict}
        </p>
      )}
    </section>
  );
}
