import {
  DEFAULT_PAYOUT_POLICY,
  ZPayoutPolicy,
  type TPayoutPolicy,
  type TPayoutPolicyDocument,
} from '@playloop/shared';
import { withTransaction, type Pool, type Queryable } from '../db/pool.js';
import type { Logger } from '../logging/logger.js';

/** The policy in force (highest stored version), or the built-in default as version 0. */
export async function readPayoutPolicy(
  db: Queryable,
  logger?: Logger,
): Promise<TPayoutPolicyDocument> {
  const { rows } = await db.query<{
    version: number;
    policy: unknown;
    updated_at: Date;
    updated_by: string | null;
  }>(
    'select version, policy, updated_at, updated_by from payout_policies order by version desc limit 1',
  );
  const row = rows[0];
  if (!row) return { policy: DEFAULT_PAYOUT_POLICY, version: 0, updatedAt: null, updatedBy: null };
  const parsed = ZPayoutPolicy.safeParse(row.policy);
  if (!parsed.success) {
    // Stored by an older schema: keep paying out under the default rather than stop, and say so loudly.
    logger?.error(
      { version: row.version, issues: parsed.error.issues },
      'stored payout policy no longer valid; using the default',
    );
    return { policy: DEFAULT_PAYOUT_POLICY, version: 0, updatedAt: null, updatedBy: null };
  }
  return {
    policy: parsed.data,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by,
  };
}

/** Stores a new version (already validated against the shared schema) and returns it. */
export async function replacePayoutPolicy(
  pool: Pool,
  policy: TPayoutPolicy,
  actorId: string | null,
): Promise<TPayoutPolicyDocument> {
  const valid = ZPayoutPolicy.parse(policy);
  return withTransaction(pool, async (tx) => {
    // Two admins saving at once get consecutive versions, never the same one.
    await tx.query('lock table payout_policies in share row exclusive mode');
    const { rows } = await tx.query<{ version: number; updated_at: Date }>(
      `insert into payout_policies (version, policy, updated_by)
       select coalesce(max(version), 0) + 1, $1, $2 from payout_policies returning version, updated_at`,
      [JSON.stringify(valid), actorId],
    );
    const row = rows[0] as { version: number; updated_at: Date };
    return {
      policy: valid,
      version: row.version,
      updatedAt: row.updated_at.toISOString(),
      updatedBy: actorId,
    };
  });
}

export interface PolicySource {
  current(): Promise<TPayoutPolicy>;
}

/** Reads the policy at most once per `cacheMs`, so a replaced policy reaches every worker within that time. */
export function createPolicySource(
  db: Queryable,
  opts: { cacheMs?: number; logger?: Logger } = {},
): PolicySource {
  const cacheMs = opts.cacheMs ?? 2_000;
  let cached: { policy: TPayoutPolicy; at: number } | null = null;
  let inflight: Promise<TPayoutPolicy> | null = null;
  return {
    async current() {
      if (cached && Date.now() - cached.at < cacheMs) return cached.policy;
      inflight ??= readPayoutPolicy(db, opts.logger)
        .then((doc) => {
          cached = { policy: doc.policy, at: Date.now() };
          return doc.policy;
        })
        .finally(() => {
          inflight = null;
        });
      return inflight;
    },
  };
}
