import { ZReferralCode } from '@playloop/shared';
import type { ClientErrorCode } from '../api/api-error';

/**
 * The invite a visitor arrived with, kept in this browser until they sign up. The server's
 * first-touch cookie from `/r/<code>` is the primary record; this copy covers visitors who opened
 * `/invite/<code>` directly, and the Supabase sign-up path, which cannot carry the cookie.
 */
export interface StoredInvite {
  code: string;
  referrerName: string;
  storedAt: number;
}

const KEY = 'playloop.invite';
// Past the longest attribution window a campaign may set; the server still checks the real one.
const MAX_AGE_MS = 365 * 86_400_000;

/** Codes after which the stored invite is useless: keeping it would block every sign-up attempt. */
const DEAD_INVITE_CODES = new Set<ClientErrorCode>([
  'INVITE_NOT_FOUND',
  'INVITE_EXPIRED',
  'CAMPAIGN_NOT_ACTIVE',
  'SELF_REFERRAL',
  'REFERRAL_ALREADY_ATTRIBUTED',
]);

export function isDeadInviteError(code: ClientErrorCode): boolean {
  return DEAD_INVITE_CODES.has(code);
}

export function rememberInvite(code: string, referrerName: string): void {
  const value: StoredInvite = { code, referrerName, storedAt: Date.now() };
  try {
    localStorage.setItem(KEY, JSON.stringify(value));
  } catch {
    // Storage disabled: the first-touch cookie still carries the invite.
  }
}

/** The stored invite, if it is well-formed and not ancient; anything else is dropped. */
export function readInvite(): StoredInvite | null {
  let raw: string | null;
  try {
    raw = localStorage.getItem(KEY);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredInvite>;
    const code = ZReferralCode.safeParse(value.code);
    if (
      code.success &&
      typeof value.referrerName === 'string' &&
      typeof value.storedAt === 'number' &&
      Date.now() - value.storedAt < MAX_AGE_MS
    )
      return { code: code.data, referrerName: value.referrerName, storedAt: value.storedAt };
  } catch {
    // Not ours or corrupted: fall through and forget it.
  }
  forgetInvite();
  return null;
}

export function forgetInvite(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing stored anyway.
  }
}
