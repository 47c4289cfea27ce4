import { computePayoutKpis, type Pool } from '@playloop/core';
import type { TPayoutKpis } from '@playloop/shared';
import { Gauge, type Registry } from 'prom-client';
import type { PayoutApiContext } from './context.js';

const WINDOW_HOURS = 24;
const CACHE_MS = 10_000;

/**
 * Payout KPIs on /metrics (24 h window), read from Postgres and Redis at scrape time and cached
 * for 10 s so a busy scraper cannot turn into load. Every pod reports the same fleet-wide figures.
 */
export function registerPayoutMetrics(ctx: PayoutApiContext, registry: Registry): void {
  let cached: {
    at: number;
    kpis: Promise<TPayoutKpis | null>;
    drift: Promise<number | null>;
  } | null = null;
  // A database or Redis outage must not take /metrics down with it: the payout series are left
  // out of that scrape (and the failure logged) while every other metric is still served.
  const soft = <T>(work: Promise<T>): Promise<T | null> =>
    work.catch((err: unknown) => {
      ctx.deps.logger.warn({ err }, 'payout metrics unavailable for this scrape');
      cached = null;
      return null;
    });
  const snapshot = () => {
    if (!cached || Date.now() - cached.at > CACHE_MS) {
      cached = {
        at: Date.now(),
        kpis: soft(
          computePayoutKpis(ctx.deps.pool, ctx.breaker, {
            windowHours: WINDOW_HOURS,
            providers: [...ctx.providerNames],
          }),
        ),
        drift: soft(latestDrift(ctx.deps.pool)),
      };
    }
    return cached;
  };
  const perProvider = (
    name: string,
    help: string,
    pick: (k: TPayoutKpis, provider: string | null) => number | null,
  ) =>
    new Gauge({
      name,
      help,
      labelNames: ['provider'] as const,
      registers: [registry],
      async collect() {
        const kpis = await snapshot().kpis;
        this.reset();
        if (!kpis) return;
        const all = pick(kpis, null);
        if (all !== null) this.set({ provider: 'all' }, all);
        for (const p of kpis.providers) {
          const v = pick(kpis, p.provider);
          if (v !== null) this.set({ provider: p.provider }, v);
        }
      },
    });
  const of = (k: TPayoutKpis, provider: string | null) =>
    k.providers.find((p) => p.provider === provider);

  perProvider(
    'playloop_payout_exceptions_resolved_within_5m_ratio',
    'Share of payout exceptions resolved within 5 minutes (24 h window; target 0.85)',
    (k, p) => (p === null ? k.exceptions.share : (of(k, p)?.resolvedWithin5mShare ?? null)),
  );
  perProvider(
    'playloop_payout_escalation_rate',
    'Payouts that reached the support queue / provider payouts (24 h window)',
    (k, p) => (p === null ? k.escalationRate : (of(k, p)?.escalationRate ?? null)),
  );
  perProvider(
    'playloop_payout_success_rate',
    'Fulfilled / settled provider payouts (24 h window)',
    (k, p) => (p === null ? k.successRate : (of(k, p)?.successRate ?? null)),
  );
  perProvider('playloop_payout_exceptions', 'Payout exceptions in the 24 h window', (k, p) =>
    p === null ? k.exceptions.total : (of(k, p)?.exceptions ?? null),
  );
  new Gauge({
    name: 'playloop_payout_breaker_open',
    help: '1 while a provider breaker is open or half-open',
    labelNames: ['provider', 'state'] as const,
    registers: [registry],
    async collect() {
      const kpis = await snapshot().kpis;
      this.reset();
      if (!kpis) return;
      for (const p of kpis.providers)
        this.set(
          { provider: p.provider, state: p.breaker.state },
          p.breaker.state === 'closed' ? 0 : 1,
        );
    },
  });
  new Gauge({
    name: 'playloop_payouts',
    help: 'Provider payouts requested in the 24 h window, by current status',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const kpis = await snapshot().kpis;
      this.reset();
      if (!kpis) return;
      for (const [status, n] of Object.entries(kpis.payouts))
        if (status !== 'total') this.set({ status }, n);
    },
  });
  new Gauge({
    name: 'playloop_payout_reconciliation_drift',
    help: 'Drift items in the latest reconciliation report',
    registers: [registry],
    async collect() {
      const drift = await snapshot().drift;
      this.reset();
      if (drift !== null) this.set(drift);
    },
  });
}

async function latestDrift(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ drift_count: number }>(
    'select drift_count from payout_reconciliation_reports order by ran_at desc limit 1',
  );
  return rows[0]?.drift_count ?? 0;
}
