import { hmacSha256, sha256, toHex, utf8 } from './sha256.js';

/**
 * The provably fair wheel draw, run identically by the server (to spin) and by the browser's
 * verification page (to check). Published so anyone can re-implement it:
 *
 * 1. `serverSeedHash = hex(SHA-256(utf8(serverSeed)))` is shown before any spin with that seed.
 * 2. `digest = HMAC-SHA256(key = utf8(serverSeed), message = utf8(clientSeed + ":" + nonce))`,
 *    nonce in decimal (0, 1, 2…; the last ":" separates it, a nonce has no colon).
 * 3. `r` = the first 52 bits of `digest` (big-endian) as an integer, so `r / 2^52` is uniform in [0, 1).
 * 4. `target = floor(r * totalWeight / 2^52)`, computed exactly in integers.
 * 5. The segment is the first index whose cumulative weight exceeds `target`.
 */
export const WHEEL_DRAW_ALGORITHM = 'hmac-sha256/52-bit/cumulative-weights/v1';

const TWO_POW_52 = 2n ** 52n;

/** What the player sees before spinning: the commitment to the (still secret) server seed. */
export function hashServerSeed(serverSeed: string): string {
  return toHex(sha256(utf8(serverSeed)));
}

/** The HMAC the draw is taken from, as hex (shown on the verification page). */
export function drawDigestHex(serverSeed: string, clientSeed: string, nonce: number): string {
  return toHex(digest(serverSeed, clientSeed, nonce));
}

function digest(serverSeed: string, clientSeed: string, nonce: number): Uint8Array {
  if (!Number.isSafeInteger(nonce) || nonce < 0)
    throw new RangeError('nonce must be a non-negative integer');
  return hmacSha256(utf8(serverSeed), utf8(`${clientSeed}:${nonce}`));
}

/** The first 52 bits of a digest, big-endian. */
function first52Bits(bytes: Uint8Array): bigint {
  let value = 0n;
  for (let i = 0; i < 7; i++) value = (value << 8n) | BigInt(bytes[i] ?? 0);
  return value >> 4n; // 56 bits read, keep the top 52
}

/** The uniform number in [0, 1) behind a draw; exact (52 bits fit a double's mantissa). */
export function drawUnitFloat(serverSeed: string, clientSeed: string, nonce: number): number {
  return Number(first52Bits(digest(serverSeed, clientSeed, nonce))) / 2 ** 52;
}

/** Checks that weights are a non-empty list of positive safe integers; returns their sum. */
export function totalWeight(weights: readonly number[]): number {
  if (weights.length === 0) throw new RangeError('weights must not be empty');
  let total = 0;
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w <= 0)
      throw new RangeError('weights must be positive integers');
    total += w;
  }
  if (!Number.isSafeInteger(total)) throw new RangeError('total weight is too large');
  return total;
}

/** The index chosen by the 52-bit value `r` over cumulative integer weights. */
export function pickByWeights(r: bigint, weights: readonly number[]): number {
  const total = totalWeight(weights);
  const target = (r * BigInt(total)) / TWO_POW_52;
  let cumulative = 0n;
  for (let i = 0; i < weights.length; i++) {
    cumulative += BigInt(weights[i] ?? 0);
    if (target < cumulative) return i;
  }
  return weights.length - 1; // unreachable: target < total
}

/** The segment index for one spin. Throws `RangeError` on malformed input. */
export function drawSegment(
  serverSeed: string,
  clientSeed: string,
  nonce: number,
  weights: readonly number[],
): number {
  return pickByWeights(first52Bits(digest(serverSeed, clientSeed, nonce)), weights);
}

export interface SpinToVerify {
  serverSeed: string;
  serverSeedHash: string;
  clientSeed: string;
  nonce: number;
  weights: readonly number[];
  /** The index the server says it drew (before any stock or budget fallback). */
  segmentIndex: number;
}

export type SpinVerification =
  | { valid: true; computedIndex: number; digest: string }
  | {
      valid: false;
      reason: 'seed_hash_mismatch' | 'segment_mismatch' | 'invalid_input';
      computedIndex: number | null;
      digest: string | null;
    };

/**
 * Re-derives a spin: the revealed seed must hash to the commitment shown before the spin, and the
 * draw over the published weights must give the recorded segment.
 */
export function verifySpin(spin: SpinToVerify): SpinVerification {
  let computedIndex: number;
  let digestHex: string;
  try {
    computedIndex = drawSegment(spin.serverSeed, spin.clientSeed, spin.nonce, spin.weights);
    digestHex = drawDigestHex(spin.serverSeed, spin.clientSeed, spin.nonce);
  } catch {
    return { valid: false, reason: 'invalid_input', computedIndex: null, digest: null };
  }
  if (hashServerSeed(spin.serverSeed) !== spin.serverSeedHash.toLowerCase())
    return { valid: false, reason: 'seed_hash_mismatch', computedIndex, digest: digestHex };
  if (computedIndex !== spin.segmentIndex)
    return { valid: false, reason: 'segment_mismatch', computedIndex, digest: digestHex };
  return { valid: true, computedIndex, digest: digestHex };
}
