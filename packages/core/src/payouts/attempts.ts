import type { TFailureCategory, TPayoutStatus } from '@playloop/shared';
import { withTransaction, type Pool, type Queryable } from '../db/pool.js';
import type { Logger } from '../logging/logger.js';
import { recordPayoutException } from './exceptions.js';
import { recordPayoutStatus } from './status-history.js';

export interface PayoutForAttempt {
  id: string;
  user_id: string;
  email: string;
  status: TPayoutStatus;
  provider: string;
  idempotency_key: string;
  amount_cents: number;
  currency: string;
  sku: string;
  player_segment: string;
  device: string;
  age_ms: number;
  last_outcome: string | null;
}

export async function loadPayoutForAttempt(
  db: Queryable,
  payoutId: string,
): Promise<PayoutForAttempt | undefined> {
  const { rows } = await db.query<PayoutForAttempt>(
    `select p.id, p.user_id, u.email, p.status, p.provider, p.idempotency_key, p.amount_cents, p.currency, p.sku,
            p.player_segment, p.device, (extract(epoch from now() - p.window_started_at) * 1000)::bigint::float8 as age_ms,
            (select a.outcome from payout_attempts a where a.payout_id = p.id order by a.attempt_no desc limit 1) as last_outcome
     from payouts p join users u on u.id = p.user_id where p.id = $1`,
    [payoutId],
  );
  return rows[0];
}

export interface ClaimedAttempt {
  attemptNo: number;
  countedAttempts: number;
  previous: TPayoutStatus;
  probe: boolean;
}

/**
 * Claims the next attempt before the provider is called: the payout goes to `processing` and an
 * attempt row is written and committed, so a worker that dies during the call leaves a trace.
 * Attempts left unfinished by such a worker are closed as `interrupted` (outcome unknown, like a
 * timeout) and recorded as exceptions. Probes and status checks of a pending order do not count
 * toward maxAttempts.
 */
export async function claimAttempt(
  pool: Pool,
  logger: Logger,
  p: PayoutForAttempt,
  provider: string,
  opts: { probe: boolean; counted: boolean },
): Promise<ClaimedAttempt | null> {
  return withTransaction(pool, async (tx) => {
    const { rows } = await tx.query<{
      previous: TPayoutStatus;
      attempts: number;
      counted_attempts: number;
    }>(
      `with prev as (select status from payouts where id = $1 for update)
       update payouts p set status = 'processing', attempts = p.attempts + 1, counted_attempts = p.counted_attempts + $3,
         provider = $2, next_attempt_at = null, updated_at = now()
       from prev where p.id = $1 and prev.status in ('requested', 'processing')
       returning prev.status as previous, p.attempts, p.counted_attempts`,
      [p.id, provider, opts.counted ? 1 : 0],
    );
    const row = rows[0];
    if (!row) return null;
    const interrupted = await tx.query<{ attempt_no: number; provider: string }>(
      `update payout_attempts set finished_at = now(), outcome = 'interrupted', category = 'network_timeout', code = 'WORKER_INTERRUPTED',
         detail = 'the worker stopped during the call; outcome unknown', duration_ms = (extract(epoch from now() - started_at) * 1000)::int
       where payout_id = $1 and finished_at is null returning attempt_no, provider`,
      [p.id],
    );
    for (const a of interrupted.rows) {
      await recordPayoutException(tx, logger, {
        payoutId: p.id,
        attemptNo: a.attempt_no,
        provider: a.provider,
        category: 'network_timeout',
        code: 'WORKER_INTERRUPTED',
        detail: 'the worker stopped during the provider call',
        playerSegment: p.player_segment,
        device: p.device,
      });
    }
    await tx.query(
      'insert into payout_attempts (payout_id, attempt_no, provider, probe) values ($1, $2, $3, $4)',
      [p.id, row.attempts, provider, opts.probe],
    );
    if (row.previous === 'requested')
      await recordPayoutStatus(tx, p.id, 'requested', 'processing', `sent to ${provider}`);
    return {
      attemptNo: row.attempts,
      countedAttempts: row.counted_attempts,
      previous: row.previous,
      probe: opts.probe,
    };
  });
}

export interface AttemptOutcome {
  outcome: 'fulfilled' | 'pending' | 'failed';
  category?: TFailureCategory | null;
  code?: string | null;
  httpStatus?: number | null;
  detail?: string | null;
  durationMs: number;
}

export async function finishAttempt(
  db: Queryable,
  payoutId: string,
  attemptNo: number,
  o: AttemptOutcome,
): Promise<void> {
  await db.query(
    `update payout_attempts set finished_at = now(), outcome = $3, category = $4, code = $5, http_status = $6, detail = $7, duration_ms = $8
     where payout_id = $1 and attempt_no = $2`,
    [
      payoutId,
      attemptNo,
      o.outcome,
      o.category ?? null,
      o.code ?? null,
      o.httpStatus ?? null,
      o.detail?.slice(0, 1000) ?? null,
      o.durationMs,
    ],
  );
}

/**
 * True when an earlier call to `provider` may have gone through without our knowing (a timeout, a
 * 5xx other than 503, an interrupted or pending call): then switching to another provider could
 * pay twice, so failover waits for the first provider instead.
 */
export async function hasAmbiguousAttempt(
  db: Queryable,
  payoutId: string,
  provider: string,
): Promise<boolean> {
  const { rows } = await db.query<{ ambiguous: boolean }>(
    `select exists (
       select 1 from payout_attempts where payout_id = $1 and provider = $2 and (
         outcome is null or outcome in ('interrupted', 'pending') or category = 'network_timeout'
         or (category = 'server_error' and coalesce(http_status, 0) <> 503))
     ) as ambiguous`,
    [payoutId, provider],
  );
  return rows[0]?.ambiguous ?? true;
}
