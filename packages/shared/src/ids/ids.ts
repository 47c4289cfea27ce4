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

/** A new random public id: prefix, underscore, 20 base-58 characters (~117 bits). */
export function newId<P extends IdPrefix>(prefix: P): `${P}_${string}` {
  const bytes = new Uint8Array(ID_BODY_LENGTH);
  globalThis.crypto.getRandomValues(bytes);
  let body = '';
  // 256 % 58 bias is acceptable for identifiers (not secrets).
  for (const b of bytes) body += ALPHABET[b % ALPHABET.length];
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
