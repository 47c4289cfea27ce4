import { createHash, randomBytes } from 'node:crypto';
import { hashPassword, issueAccessToken } from '@playloop/core';
import pg from 'pg';

export const DEMO_CAMPAIGN = 'cmp_demo0000000000000000';
export const BENCH_PASSWORD = 'launch day bench passphrase';
const FAKE_HASH = '$argon2id$v=19$m=19456,t=2,p=1$ZmFrZXNhbHQ$ZmFrZWhhc2g';

export interface BenchUser {
  id: string;
  email: string;
  /** A fake client address, sent as X-Forwarded-For (the api trusts one proxy hop in the bench). */
  ip: string;
}

const ipFor = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255 || 1}`;

/**
 * Inserts `count` players in one statement (`group` keeps sets apart). With `realPasswords` they
 * share one argon2id hash of BENCH_PASSWORD at the OWASP parameters, so a login costs what a real
 * one does; otherwise the hash is a placeholder nobody can log in with.
 */
export async function insertUsers(
  databaseUrl: string,
  group: string,
  count: number,
  opts: { realPasswords?: boolean; role?: string } = {},
): Promise<BenchUser[]> {
  const hash = opts.realPasswords ? await hashPassword(BENCH_PASSWORD) : FAKE_HASH;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `insert into users (id, email, display_name, role, password_hash)
       select 'usr_' || $1 || lpad(i::text, 20 - length($1), '0'), $1 || '-' || i || '@bench.test', 'Bench ' || i, $3, $2
       from generate_series(1, $4) as i`,
      [group, hash, opts.role ?? 'player', count],
    );
  } finally {
    await client.end();
  }
  return Array.from({ length: count }, (_, k) => {
    const i = k + 1;
    return {
      id: `usr_${group}${String(i).padStart(20 - group.length, '0')}`,
      email: `${group}-${i}@bench.test`,
      ip: ipFor(i + group.length * 65_536),
    };
  });
}

/** Access tokens minted with the platform's secret (15 minutes, as the api issues them). */
export function accessTokens(
  secret: string,
  users: BenchUser[],
  role: 'player' | 'admin' = 'player',
): string[] {
  const cfg = { secret, issuer: 'playloop', audience: 'playloop', ttlSeconds: 900 };
  return users.map((u) => issueAccessToken(cfg, { id: u.id, role }).token);
}

let familySeq = 0;

/** One live refresh token per user, stored as the api stores them (SHA-256 only). */
export async function insertRefreshTokens(
  databaseUrl: string,
  users: BenchUser[],
): Promise<string[]> {
  const tokens = users.map(() => randomBytes(32).toString('base64url'));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let start = 0; start < users.length; start += 5000) {
      const slice = users.slice(start, start + 5000);
      await client.query(
        `insert into refresh_tokens (token_hash, family_id, user_id, expires_at)
         select h, 'rtf_' || lpad(n::text, 20, '0'), u, now() + interval '1 day'
         from unnest($1::text[], $2::text[], $3::int[]) as t(h, u, n)`,
        [
          slice.map((_, i) =>
            createHash('sha256')
              .update(tokens[start + i] as string)
              .digest('hex'),
          ),
          slice.map((u) => u.id),
          slice.map(() => ++familySeq),
        ],
      );
    }
  } finally {
    await client.end();
  }
  return tokens;
}
