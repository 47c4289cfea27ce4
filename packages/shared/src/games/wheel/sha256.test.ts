import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hmacSha256, sha256, toHex, utf8 } from './sha256.js';

const subtle = globalThis.crypto.subtle;
// Web Crypto wants ArrayBuffer-backed views; a copy gives one whatever the source was.
const own = (bytes: Uint8Array) => new Uint8Array(bytes);
const webSha256 = async (data: Uint8Array) =>
  toHex(new Uint8Array(await subtle.digest('SHA-256', own(data))));
async function webHmac(key: Uint8Array, message: Uint8Array): Promise<string> {
  // Web Crypto refuses an empty HMAC key; RFC 2104 allows it, so those cases use the NIST vectors.
  const k = await subtle.importKey('raw', own(key), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  return toHex(new Uint8Array(await subtle.sign('HMAC', k, own(message))));
}

describe('SHA-256', () => {
  it('matches the FIPS 180-4 example vectors', () => {
    expect(toHex(sha256(utf8('')))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(toHex(sha256(utf8('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(toHex(sha256(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(toHex(sha256(new Uint8Array(1_000_000).fill(0x61)))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('agrees with Web Crypto on arbitrary input, across every padding boundary', async () => {
    for (let length = 0; length <= 130; length++) {
      const data = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 0xff);
      expect(toHex(sha256(data))).toBe(await webSha256(data));
    }
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (data) => {
        expect(toHex(sha256(data))).toBe(await webSha256(data));
      }),
      { numRuns: 200 },
    );
  });
});

describe('HMAC-SHA256', () => {
  it('matches RFC 4231 test cases 2 and 6 (short key, key longer than a block)', () => {
    expect(toHex(hmacSha256(utf8('Jefe'), utf8('what do ya want for nothing?')))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    const longKey = new Uint8Array(131).fill(0xaa);
    const message = utf8('Test Using Larger Than Block-Size Key - Hash Key First');
    expect(toHex(hmacSha256(longKey, message))).toBe(
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    );
  });

  it('agrees with Web Crypto for any key and message', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 200 }),
        fc.uint8Array({ maxLength: 300 }),
        async (key, message) => {
          expect(toHex(hmacSha256(key, message))).toBe(await webHmac(key, message));
        },
      ),
      { numRuns: 200 },
    );
  });
});
