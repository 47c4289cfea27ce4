// Friends who signed up, inserted in bulk: distinct devices, addresses and browsers, so the fraud
// rules see ordinary sign-ups (a bench of flagged referrals would measure the review queue).
import { randomBytes } from 'node:crypto';
import type { Pool } from '@playloop/core';
import { newId } from '@playloop/shared';

// The users table wants an argon2id-shaped hash; nobody logs in as these players.
const FAKE_HASH = '$argon2id$v=19$m=19456,t=2,p=1$ZmFrZXNhbHQ$ZmFrZWhhc2g';

export async function insertReferees(pool: Pool, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 2000) {
    const n = Math.min(2000, count - start);
    const batch = Array.from({ length: n }, (_, j) => {
      const i = start + j;
      return {
        id: newId('usr'),
        email: `friend-${i}-${randomBytes(4).toString('hex')}@example.com`,
        name: `Friend ${i + 1}`,
        device: randomBytes(8).toString('hex'),
        ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        ua: `BenchBrowser/${i}`,
      };
    });
    await pool.query(
      `with u as (
         insert into users (id, email, display_name, password_hash)
         select * from unnest($1::text[], $2::text[], $3::text[], $4::text[]) returning id, email
       )
       insert into user_signals (user_id, email_canonical, device_id, ip, user_agent)
       select u.id, u.email, s.device, s.ip::inet, s.ua
       from u join unnest($1::text[], $5::text[], $6::text[], $7::text[]) as s(id, device, ip, ua) on s.id = u.id`,
      [
        batch.map((b) => b.id),
        batch.map((b) => b.email),
        batch.map((b) => b.name),
        batch.map(() => FAKE_HASH),
        batch.map((b) => b.device),
        batch.map((b) => b.ip),
        batch.map((b) => b.ua),
      ],
    );
    ids.push(...batch.map((b) => b.id));
  }
  return ids;
}
