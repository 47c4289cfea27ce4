import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.js';

// Made by the `argon2` package (node-argon2 0.44) that stored the passwords before
// `@node-rs/argon2`: accounts created then must still log in.
const STORED_BY_NODE_ARGON2 =
  '$argon2id$v=19$m=19456,t=2,p=1$37urOUG5m5lYU4Xyr3d32w$WAqaibJ9Ls3uIZQmuSbr4haTsVNHiENhyMFSu1BfmbM';

describe('password hashing (argon2id, OWASP parameters)', () => {
  it('hashes to a PHC string with the OWASP parameters and verifies only the right password', async () => {
    const hashed = await hashPassword('pässword');
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hashed, 'pässword')).toBe(true);
    expect(await verifyPassword(hashed, 'passwörd')).toBe(false);
  });

  it('verifies a hash stored by the previous library', async () => {
    expect(await verifyPassword(STORED_BY_NODE_ARGON2, 'pässword')).toBe(true);
    expect(await verifyPassword(STORED_BY_NODE_ARGON2, 'password')).toBe(false);
  });

  it('answers false, not an error, for a malformed stored hash', async () => {
    expect(await verifyPassword('not-a-phc-string', 'pässword')).toBe(false);
  });
});
