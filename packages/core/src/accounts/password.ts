import { hash, verify, type Options } from '@node-rs/argon2';

/**
 * OWASP Password Storage Cheat Sheet, argon2id minimum: m = 19 MiB, t = 2, p = 1.
 * Hashing runs on libuv's thread pool, so the event loop keeps serving while it works.
 * `@node-rs/argon2` (RustCrypto's argon2) hashes these parameters in about 13–16 ms on the bench
 * VM, where `argon2`'s prebuilt binary took about 46 ms; the PHC strings are the same, so hashes
 * stored by either verify with the other (docs/PERFORMANCE.md).
 */
export const ARGON2_OWASP: Options = {
  // Algorithm.Argon2id, an ambient const enum that isolated modules cannot read.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OWASP);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

// A hash of a random string, verified against when the email is unknown, so that the
// response time does not reveal whether an account exists.
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(`decoy-${Math.random()}`);
  return decoyHash;
}
