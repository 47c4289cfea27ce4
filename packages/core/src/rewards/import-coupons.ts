import type { TCouponImportResult } from '@playloop/shared';
import { withTransaction, type Pool } from '../db/pool.js';
import { AppError } from '../errors/app-error.js';

const CODE = /^[A-Za-z0-9_-]{4,64}$/;
const MAX_CODES = 100_000;

/** Splits a CSV into candidate codes: the first column, quotes stripped, a `code` header skipped. */
export function parseCouponCsv(csv: string): {
  codes: Array<{ line: number; code: string }>;
  invalid: Array<{ line: number; reason: string }>;
} {
  const codes: Array<{ line: number; code: string }> = [];
  const invalid: Array<{ line: number; reason: string }> = [];
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const first = (raw.split(/[,;\t]/)[0] ?? '')
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim();
    if (first === '') return;
    if (line === 1 && /^code$/i.test(first)) return;
    if (!CODE.test(first)) invalid.push({ line, reason: 'a code is 4–64 letters, digits, - or _' });
    else codes.push({ line, code: first });
  });
  return { codes, invalid };
}

/**
 * Adds codes to a coupon reward's bank. Codes already in the bank (or twice in the file) are
 * counted as duplicates, never stored twice; the item's stock grows by the codes really added,
 * in the same transaction, so stock always equals the free codes.
 */
export async function importCouponCodes(
  pool: Pool,
  itemId: string,
  csv: string,
): Promise<TCouponImportResult> {
  const { codes, invalid } = parseCouponCsv(csv);
  if (codes.length > MAX_CODES)
    throw new AppError('PAYLOAD_TOO_LARGE', { message: `At most ${MAX_CODES} codes per import.` });
  return withTransaction(pool, async (tx) => {
    const { rows } = await tx.query<{ kind: string }>(
      'select kind from reward_items where id = $1 for update',
      [itemId],
    );
    if (!rows[0]) throw new AppError('NOT_FOUND', { message: 'No such reward.' });
    if (rows[0].kind !== 'coupon')
      throw new AppError('CONFLICT', { message: 'Only coupon rewards have a code bank.' });
    const inserted = await tx.query<{ n: string }>(
      `with added as (
         insert into reward_coupon_codes (item_id, code) select $1, unnest($2::text[])
         on conflict on constraint reward_coupon_codes_unique do nothing returning 1
       ) select count(*) as n from added`,
      [itemId, codes.map((c) => c.code)],
    );
    const imported = Number(inserted.rows[0]?.n ?? 0);
    const updated = await tx.query<{ stock: number }>(
      'update reward_items set stock = stock + $2, updated_at = now() where id = $1 returning stock',
      [itemId, imported],
    );
    return {
      imported,
      duplicates: codes.length - imported,
      invalid: invalid.slice(0, 100),
      stock: updated.rows[0]?.stock ?? 0,
    };
  });
}
