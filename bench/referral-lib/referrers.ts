// Referrers with invite links, made without password hashing (a bench measures links, not argon2).
import { getOrCreateInviteCode, issueAccessToken, type Pool } from '@playloop/core';
import { insertTestUser } from '@playloop/core/testing';
import { ZMyLink } from '@playloop/shared';

export interface Referrer {
  id: string;
  displayName: string;
  code: string;
  token: string;
}

export const tokenConfig = (secret: string) => ({
  secret,
  issuer: 'playloop',
  audience: 'playloop',
  ttlSeconds: 900,
});

/**
 * `count` players with a link each. With `apiBase`, the link comes from `GET /api/referrals/link`
 * as the SPA asks for it (which also warms the invite cache); without, straight from core.
 */
export async function createReferrers(
  pool: Pool,
  opts: { count: number; campaignId: string; jwtSecret: string; apiBase?: string },
): Promise<Referrer[]> {
  const made: Referrer[] = [];
  for (let i = 0; i < opts.count; i += 20) {
    const batch = Array.from({ length: Math.min(20, opts.count - i) }, async (_, j) => {
      const displayName = `Referrer ${i + j + 1}`;
      const { id } = await insertTestUser(pool, { displayName });
      const token = issueAccessToken(tokenConfig(opts.jwtSecret), { id, role: 'player' }).token;
      let code: string;
      if (opts.apiBase) {
        const res = await fetch(
          `${opts.apiBase}/api/referrals/link?campaignId=${opts.campaignId}`,
          { headers: { authorization: `Bearer ${token}` } },
        );
        if (!res.ok)
          throw new Error(`GET /api/referrals/link answered ${res.status}: ${await res.text()}`);
        code = ZMyLink.parse(await res.json()).code;
      } else {
        code = await getOrCreateInviteCode(pool, id, opts.campaignId);
      }
      return { id, displayName, code, token };
    });
    made.push(...(await Promise.all(batch)));
  }
  return made;
}
