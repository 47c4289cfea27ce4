import type {
  TLoginBody,
  TPasswordChangeBody,
  TPasswordResetBody,
  TSignupBody,
  TUser,
} from '@playloop/shared';

/** What a signed-in tab holds: the access token (in memory only) and who it belongs to. */
export interface ActiveSession {
  accessToken: string;
  user: TUser;
}

/**
 * One way of signing in: Playloop's own auth (refresh cookie) or Supabase Auth. Both hand back an
 * access token the api and the realtime server accept, so the rest of the SPA does not care which.
 * Failures reject with `ApiError`.
 */
export interface AuthBackend {
  kind: 'playloop' | 'supabase';
  /** Picks up an existing session after a reload; null when there is none. */
  resume(): Promise<ActiveSession | null>;
  /** `confirm-email`: the account exists but must be confirmed before anyone can sign in. */
  signUp(body: TSignupBody): Promise<ActiveSession | 'confirm-email'>;
  logIn(body: TLoginBody): Promise<ActiveSession>;
  /** A new access token; null when the session is over (sign in again). Network trouble rejects. */
  refresh(): Promise<ActiveSession | null>;
  logOut(): Promise<void>;
  /**
   * Passwords kept by Playloop: forgotten (a mailed single-use link) and changed. Only Playloop's
   * own auth has them; with Supabase Auth, passwords are Supabase's and this is absent (the SPA
   * hides the reset link and the change form).
   */
  passwords?: {
    requestReset(email: string): Promise<void>;
    /** Spends the link's token on the new password and signs in. */
    reset(body: TPasswordResetBody): Promise<ActiveSession>;
    /** The signed-in player's new password; other sessions end, this one goes on. */
    change(body: TPasswordChangeBody): Promise<ActiveSession>;
  };
}
