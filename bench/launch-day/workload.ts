import { DEMO_CAMPAIGN, type BenchUser } from './fixtures.js';
import type { RequestSpec } from './http-load.js';

/**
 * The mixed player workload: what a signed-in player's screens ask for, weighted by how often.
 * Database reads (me, wallet, notifications, referrals, invite link) and the cheap paths
 * (leaderboard from Redis, campaigns and config from memory).
 */
export const PLAYER_MIX: Array<{ weight: number; path: string }> = [
  { weight: 20, path: '/api/me' },
  { weight: 15, path: '/api/wallet' },
  { weight: 15, path: '/api/notifications' },
  { weight: 10, path: '/api/referrals' },
  { weight: 5, path: `/api/referrals/link?campaignId=${DEMO_CAMPAIGN}` },
  { weight: 15, path: `/api/leaderboards/${DEMO_CAMPAIGN}` },
  { weight: 15, path: '/api/campaigns' },
  { weight: 5, path: '/api/config' },
];

export function playerWorkload(users: BenchUser[], tokens: string[]): () => RequestSpec {
  const table: string[] = [];
  for (const entry of PLAYER_MIX) for (let i = 0; i < entry.weight; i++) table.push(entry.path);
  let n = 0;
  return () => {
    const user = (n * 7919) % users.length;
    const path = table[n % table.length] as string;
    n += 1;
    const u = users[user] as BenchUser;
    return {
      method: 'GET',
      path,
      user,
      headers: {
        authorization: `Bearer ${tokens[user]}`,
        'x-forwarded-for': u.ip,
        accept: 'application/json',
      },
    };
  };
}
