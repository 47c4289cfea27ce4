import { describe, expect, it } from 'vitest';
import { newId, zId } from './ids.js';

describe('newId', () => {
  it('mints distinct, well-formed ids across many refills of its random pool', () => {
    const ids = Array.from({ length: 10_000 }, () => newId('req'));
    expect(new Set(ids).size).toBe(ids.length);
    const schema = zId('req');
    for (const id of ids) expect(schema.safeParse(id).success).toBe(true);
  });

  it('uses the whole alphabet, not a few characters of it', () => {
    const seen = new Set(
      Array.from({ length: 500 }, () => newId('usr').slice(4))
        .join('')
        .split(''),
    );
    // digits, lower case without l, upper case without I and O
    expect(seen.size).toBe(59);
  });
});
