import { createHmac, sign, type KeyObject } from 'node:crypto';

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * Hand-rolled JWTs for attack tests: a library would refuse to produce most of them
 * (`alg: none`, a header that lies about its algorithm, a tampered signature).
 */
export function craftJwt(opts: {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  sign: (signingInput: string) => Buffer | string;
}): string {
  const signingInput = `${b64url(JSON.stringify(opts.header))}.${b64url(JSON.stringify(opts.payload))}`;
  const signature = opts.sign(signingInput);
  return `${signingInput}.${typeof signature === 'string' ? signature : b64url(signature)}`;
}

export const hmac = (algorithm: 'sha256' | 'sha512', secret: string) => (input: string) =>
  createHmac(algorithm, secret).update(input).digest();
export const rsaSha256 = (privateKey: KeyObject) => (input: string) =>
  sign('sha256', Buffer.from(input), privateKey);

/** Standard claims of a Playloop access token, valid for 15 minutes from now. */
export function playloopClaims(
  userId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: userId,
    role: 'player',
    iss: 'playloop',
    aud: 'playloop',
    iat: now,
    exp: now + 900,
    ...overrides,
  };
}

/** Flips one character in the middle of the signature, so the decoded bytes really change. */
export function tamperSignature(token: string): string {
  const [header, payload, signature = ''] = token.split('.');
  const i = Math.floor(signature.length / 2);
  const flipped = signature[i] === 'A' ? 'B' : 'A';
  return `${header}.${payload}.${signature.slice(0, i)}${flipped}${signature.slice(i + 1)}`;
}
