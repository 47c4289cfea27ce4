import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/pool.js';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 10 characters from a 56-symbol unambiguous alphabet: ~58 bits, short enough to type. */
export function generateInviteCode(length = 10): string {
  const bytes = randomBytes(length * 2);
  let out = '';
  for (let i = 0; out.length < length && i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b < 224) out += ALPHABET[b % ALPHABET.length]; // 224 = 4·56: rejection keeps it uniform
  }
  return out.length === length ? out : generateInviteCode(length);
}

/** The player's code for a campaign, made on first request (unique per player and campaign). */
export async function getOrCreateInviteCode(
  db: Queryable,
  userId: string,
  campaignId: string,
): Promise<string> {
  const existing = await db.query<{ code: string }>(
    'select code from referral_codes where user_id = $1 and campaign_id = $2',
    [userId, campaignId],
  );
  if (existing.rows[0]) return existing.rows[0].code;
  for (let attempt = 0; attempt < 5; attempt++) {
    const { rows } = await db.query<{ code: string }>(
      `insert into referral_codes (code, user_id, campaign_id) values ($1, $2, $3)
       on conflict do nothing returning code`,
      [generateInviteCode(), userId, campaignId],
    );
    if (rows[0]) return rows[0].code;
    const raced = await db.query<{ code: string }>(
      'select code from referral_codes where user_id = $1 and campaign_id = $2',
      [userId, campaignId],
    );
    if (raced.rows[0]) return raced.rows[0].code;
  }
  throw new Error('could not allocate an invite code');
}
