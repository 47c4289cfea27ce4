import { describe, expect, it } from 'vitest';
import { signPayload, verifySignature } from './signature.js';

const secret = 'a-callback-secret-of-some-length';

describe('HMAC signatures', () => {
  it('verifies what it signed, and nothing else', () => {
    const body = '{"id":"evt_1"}';
    const header = signPayload(secret, body);
    expect(verifySignature(secret, header, body)).toBe(true);
    expect(verifySignature(secret, header, `${body} `)).toBe(false);
    expect(verifySignature('another-secret-of-some-length', header, body)).toBe(false);
    expect(verifySignature(secret, undefined, body)).toBe(false);
    expect(verifySignature(secret, 'garbage', body)).toBe(false);
    expect(verifySignature(secret, header.replace(/t=\d+/, 't=1'), body)).toBe(false);
  });

  it('refuses a signature older (or newer) than the tolerance', () => {
    const body = '{}';
    const now = Date.now();
    expect(
      verifySignature(secret, signPayload(secret, body, now - 299_000), body, { nowMs: now }),
    ).toBe(true);
    expect(
      verifySignature(secret, signPayload(secret, body, now - 301_000), body, { nowMs: now }),
    ).toBe(false);
    expect(
      verifySignature(secret, signPayload(secret, body, now + 301_000), body, { nowMs: now }),
    ).toBe(false);
  });
});
