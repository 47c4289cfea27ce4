import type {
  TPayoutAttempt,
  TPayoutException,
  TSupportPayout,
  TSupportPayoutContext,
} from '@playloop/shared';
import type { Queryable } from '../db/pool.js';
import { PAYOUT_VIEW_COLUMNS, toPayoutView, type PayoutViewRow } from '../rewards/payout-view.js';
import { hasAmbiguousAttempt } from './attempts.js';

interface SupportRow extends PayoutViewRow {
  user_id: string;
  email: string;
  provider: string | null;
  primary_provider: string | null;
  idempotency_key: string;
  attempts: number;
  provider_reference: string | null;
  escalation_reason: string | null;
  last_error_category: TSupportPayout['lastErrorCategory'];
  next_attempt_at: Date | null;
  player_segment: string;
  device: string;
  redemption_tx_id: string;
}

const SUPPORT_COLUMNS = `${PAYOUT_VIEW_COLUMNS}, p.user_id, u.email, p.provider, p.primary_provider, p.idempotency_key, p.attempts,
  p.provider_reference, p.escalation_reason, p.last_error_category, p.next_attempt_at, p.player_segment, p.device, p.redemption_tx_id`;

const toSupportPayout = (r: SupportRow): TSupportPayout => ({
  ...toPayoutView(r),
  // Support sees the code whatever the status: it may need it to settle a dispute.
  code: r.reward_code,
  userId: r.user_id,
  userEmail: r.email,
  provider: r.provider,
  primaryProvider: r.primary_provider,
  idempotencyKey: r.idempotency_key,
  attempts: r.attempts,
  providerReference: r.provider_reference,
  escalationReason: r.escalation_reason,
  lastErrorCategory: r.last_error_category,
  nextAttemptAt: r.next_attempt_at?.toISOString() ?? null,
  playerSegment: r.player_segment,
  device: r.device,
});

/** The support queue: payouts in one status, oldest first (the longest-waiting player first). */
export async function listSupportQueue(
  db: Queryable,
  status: string,
  limit = 200,
): Promise<TSupportPayout[]> {
  const { rows } = await db.query<SupportRow>(
    `select ${SUPPORT_COLUMNS} from payouts p join users u on u.id = p.user_id where p.status = $1 order by p.updated_at asc limit $2`,
    [status, limit],
  );
  return rows.map(toSupportPayout);
}

/** Everything about one payout: attempts, classified exceptions, history, callbacks, ledger, and what to beware of. */
export async function getSupportContext(
  db: Queryable,
  payoutId: string,
  configuredProviders: readonly string[],
): Promise<TSupportPayoutContext | null> {
  const { rows } = await db.query<SupportRow>(
    `select ${SUPPORT_COLUMNS} from payouts p join users u on u.id = p.user_id where p.id = $1`,
    [payoutId],
  );
  const row = rows[0];
  if (!row) return null;
  const [attempts, exceptions, history, callbacks, ledger] = await Promise.all([
    db.query(
      `select attempt_no, provider, probe, started_at, finished_at, outcome, category, code, http_status, detail, duration_ms
              from payout_attempts where payout_id = $1 order by attempt_no`,
      [payoutId],
    ),
    db.query(
      `select id, occurred_at, code, category, provider, payout_id, player_segment, device, transient, detail, resolved_at, resolution
              from payout_exceptions where payout_id = $1 order by id`,
      [payoutId],
    ),
    db.query(
      `select from_status, to_status, reason, actor, at from payout_status_changes where payout_id = $1 order by id`,
      [payoutId],
    ),
    db.query(
      `select event_id, event_type, received_at, applied, note from payout_provider_callbacks where payout_id = $1 order by id`,
      [payoutId],
    ),
    db.query(
      `select t.id, t.kind, e.amount, t.created_at from ledger_transactions t
              join ledger_entries e on e.transaction_id = t.id join ledger_accounts a on a.id = e.account_id and a.kind = 'player'
              where t.id in ($1, coalesce($2, '')) order by t.created_at`,
      [row.redemption_tx_id, row.refund_tx_id],
    ),
  ]);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const escalated = row.status === 'escalated';
  const others = configuredProviders.filter((name) => name !== row.provider);
  return {
    payout: toSupportPayout(row),
    attempts: attempts.rows.map((a): TPayoutAttempt => ({
      attemptNo: a.attempt_no,
      provider: a.provider,
      probe: a.probe,
      startedAt: a.started_at.toISOString(),
      finishedAt: iso(a.finished_at),
      outcome: a.outcome,
      category: a.category,
      code: a.code,
      httpStatus: a.http_status,
      detail: a.detail,
      durationMs: a.duration_ms,
    })),
    exceptions: exceptions.rows.map((x): TPayoutException => ({
      id: Number(x.id),
      occurredAt: x.occurred_at.toISOString(),
      code: x.code,
      category: x.category,
      provider: x.provider,
      payoutId: x.payout_id,
      playerSegment: x.player_segment,
      device: x.device,
      transient: x.transient,
      detail: x.detail,
      resolvedAt: iso(x.resolved_at),
      resolution: x.resolution,
    })),
    history: history.rows.map((h) => ({
      from: h.from_status,
      to: h.to_status,
      reason: h.reason,
      actor: h.actor,
      at: h.at.toISOString(),
    })),
    callbacks: callbacks.rows.map((c) => ({
      eventId: c.event_id,
      type: c.event_type,
      receivedAt: c.received_at.toISOString(),
      applied: c.applied,
      note: c.note,
    })),
    ledger: ledger.rows.map((l) => ({
      transactionId: l.id,
      kind: l.kind,
      points: Number(l.amount),
      at: l.created_at.toISOString(),
    })),
    allowedActions: escalated
      ? row.kind === 'coupon' || others.length === 0
        ? ['retry', 'refund']
        : ['retry', 'switch_provider', 'refund']
      : [],
    providers: escalated && row.kind !== 'coupon' ? others : [],
    warnings: await warningsFor(db, row),
  };
}

async function warningsFor(db: Queryable, row: SupportRow): Promise<string[]> {
  const warnings: string[] = [];
  if (row.provider && (await hasAmbiguousAttempt(db, row.id, row.provider))) {
    warnings.push(
      `A call to ${row.provider} may have gone through without an answer (timeout, 5xx or interrupted): check ${row.provider}'s records for idempotency key ${row.idempotency_key} before switching provider or refunding, or the player may be paid twice.`,
    );
  }
  if (row.last_error_category === 'amount_mismatch')
    warnings.push(
      `${row.provider} recorded a different amount than ${row.amount_cents} ${row.currency}: settle it with ${row.provider} before retrying.`,
    );
  if (row.last_error_category === 'authentication')
    warnings.push(`${row.provider} refused our credentials: fix the API key before retrying.`);
  return warnings;
}
