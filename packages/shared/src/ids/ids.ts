import { z } from 'zod';

/** Public id prefixes: an id says what it names (`usr_…` is a user, `cmp_…` a campaign). */
export const IdPrefix = {
  user: 'usr',
  campaign: 'cmp',
  notification: 'ntf',
  refreshFamily: 'rtf',
  request: 'req',
  referral: 'ref',
  ledgerTransaction: 'ltx',
  wheelSpin: 'spn',
  quizQuestion: 'qzq',
  quizSchedule: 'qzc',
  quizSession: 'qzs',
  quizSoloRun: 'qzr',
  variant: 'var',
  rewardItem: 'rwd',
  payout: 'pay',
  webhookEndpoint: 'whk',
  webhookDelivery: 'whd',
  webhookEvent: 'wev',
} as const;
export type IdPrefix = (typeof IdPrefix)[keyof typeof IdPrefix];

const ALPHABET = '0123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const ID_BODY_LENGTH = 20;

// Random bytes drawn 4 KiB at a time: one `getRandomValues` call (a syscall in Node) per ~200 ids
// instead of one per id, which a hot path minting request ids felt. Still the CSPRNG's bytes,
// each used once.
const pool = new Uint8Array(4096);
let poolOffset = pool.length;

/** A new random public id: prefix, underscore, 20 characters of a 59-letter alphabet (~117 bits). */
export function newId<P extends IdPrefix>(prefix: P): `${P}_${string}` {
  if (poolOffset + ID_BODY_LENGTH > pool.length) {
    globalThis.crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  let body = '';
  // 256 % 58 bias is acceptable for identifiers (not secrets).
  for (let i = poolOffset; i < poolOffset + ID_BODY_LENGTH; i++)
    body += ALPHABET[(pool[i] as number) % ALPHABET.length];
  poolOffset += ID_BODY_LENGTH;
  return `${prefix}_${body}`;
}

const BODY = `[${ALPHABET}]{${ID_BODY_LENGTH}}`;

/** A zod schema accepting only ids of the given prefix. */
export function zId<P extends IdPrefix>(prefix: P) {
  return z
    .string()
    .regex(new RegExp(`^${prefix}_${BODY}$`), `must be an id starting with ${prefix}_`)
    .transform((v) => v as `${P}_${string}`);
}

export function isId(prefix: IdPrefix, value: unknown): boolean {
  return typeof value === 'string' && new RegExp(`^${prefix}_${BODY}$`).test(value);
}
