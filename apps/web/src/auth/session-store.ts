import { useEffect, useState, useSyncExternalStore } from 'react';
import {
  routes,
  type TAccountDeleteBody,
  type TLoginBody,
  type TPasswordChangeBody,
  type TPasswordResetBody,
  type TSignupBody,
  type TUser,
} from '@playloop/shared';
import { ApiError } from '../api/api-error';
import { apiFetch } from '../api/api-fetch';
import { getPublicConfig } from '../api/public-config';
import { setTokenSource } from '../api/token-source';
import type { ActiveSession, AuthBackend } from './auth-backend';
import { playloopBackend } from './playloop-backend';
import { hasSessionHint, setSessionHint } from './session-hint';

export type SignedOutReason = 'logout' | 'expired' | 'deleted';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; reason: SignedOutReason | null }
  | { status: 'signed-in'; user: TUser };

// The access token lives here, in memory only: never in localStorage, where any injected script could read it.
let accessToken: string | null = null;
let state: SessionState = { status: 'loading' };
const listeners = new Set<() => void>();

function setState(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

function applySession(session: ActiveSession): void {
  accessToken = session.accessToken;
  setSessionHint(true);
  const current = state;
  // Keep the same user object when nothing changed, so a token refresh does not re-render the app.
  const sameUser =
    current.status === 'signed-in' && JSON.stringify(current.user) === JSON.stringify(session.user);
  if (!sameUser) setState({ status: 'signed-in', user: session.user });
}

function clearSession(reason: SignedOutReason | null, opts: { keepHint?: boolean } = {}): void {
  accessToken = null;
  if (!opts.keepHint) setSessionHint(false);
  if (state.status !== 'signed-out' || state.reason !== reason)
    setState({ status: 'signed-out', reason });
}

let backendPromise: Promise<AuthBackend> | null = null;

/** Supabase Auth when the api's config names a project (loaded on demand), else Playloop's own. */
function getBackend(): Promise<AuthBackend> {
  if (!backendPromise) {
    backendPromise = getPublicConfig()
      .then(async (config) => {
        if (!config.supabase) return playloopBackend;
        const { createSupabaseBackend } = await import('./supabase');
        return createSupabaseBackend(config.supabase, (token) => {
          if (token) accessToken = token;
          else if (state.status === 'signed-in' && !isLoggingOut) clearSession('expired');
        });
      })
      .catch((err: unknown) => {
        backendPromise = null;
        throw err;
      });
  }
  return backendPromise;
}

let refreshInFlight: Promise<string | null> | null = null;

/**
 * A new access token, single-flight: however many calls and sockets ask at once, one refresh goes
 * out (two would race the refresh-token rotation and trip its reuse detection). A refused refresh
 * signs the tab out; a network failure leaves the session alone and yields null.
 */
export function refreshAccessToken(): Promise<string | null> {
  if (!refreshInFlight) {
    refreshInFlight = (async () => {
      try {
        const session = await (await getBackend()).refresh();
        if (!session) {
          clearSession('expired');
          return null;
        }
        applySession(session);
        return session.accessToken;
      } catch {
        return null;
      } finally {
        refreshInFlight = null;
      }
    })();
  }
  return refreshInFlight;
}

setTokenSource({ getAccessToken: () => accessToken, refreshAccessToken });

let started: Promise<void> | null = null;

/**
 * Resumes a session silently on page load. Once per page (not per effect run), so React's
 * development double-mount cannot send two refreshes.
 */
export function startSession(): Promise<void> {
  started ??= (async () => {
    try {
      const backend = await getBackend();
      // A visitor who never signed in has no cookie: skip the request that would only answer 401.
      if (backend.kind === 'playloop' && !hasSessionHint()) return clearSession(null);
      const session = await backend.resume();
      if (session) applySession(session);
      else clearSession(null);
    } catch {
      // The api is unreachable: show the signed-out pages (a reload or signing in tries again).
      clearSession(null, { keepHint: true });
    }
  })();
  return started;
}

export async function signUp(body: TSignupBody): Promise<'signed-in' | 'confirm-email'> {
  const result = await (await getBackend()).signUp(body);
  if (result === 'confirm-email') return result;
  applySession(result);
  return 'signed-in';
}

export async function logIn(body: TLoginBody): Promise<void> {
  applySession(await (await getBackend()).logIn(body));
}

async function passwords() {
  const found = (await getBackend()).passwords;
  if (!found) throw new Error('passwords are kept by this sign-in provider, not by Playloop');
  return found;
}

/** Mails a reset link if the address has an account; the answer is the same either way. */
export async function requestPasswordReset(email: string): Promise<void> {
  await (await passwords()).requestReset(email);
}

/** Spends a reset link on a new password; the tab is signed in, every other session ended. */
export async function resetPassword(body: TPasswordResetBody): Promise<void> {
  applySession(await (await passwords()).reset(body));
}

/** A new password for the signed-in player; this tab stays signed in, every other session ends. */
export async function changePassword(body: TPasswordChangeBody): Promise<void> {
  applySession(await (await passwords()).change(body));
}

/**
 * Erases the signed-in player's account. The api ends every session; this tab and the others forget
 * theirs. A 404 means the account is gone already (an earlier try whose answer was lost, another
 * tab), which is what was asked. With Supabase Auth the provider's own session is ended too.
 */
export async function deleteAccount(body: TAccountDeleteBody): Promise<void> {
  try {
    await apiFetch(routes.deleteAccount, { body });
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 404)) throw err;
  }
  const backend = await getBackend();
  if (backend.kind === 'supabase') await backend.logOut().catch(() => undefined);
  clearSession('deleted');
  broadcastLogout();
}

/** The server changed the signed-in player (a new name, another language). */
export function updateSignedInUser(user: TUser): void {
  if (state.status === 'signed-in') setState({ status: 'signed-in', user });
}

/** Whether Playloop keeps this deployment's passwords (false until the config is known). */
export function useLocalPasswords(): boolean {
  const [available, setAvailable] = useState(false);
  useEffect(() => {
    let live = true;
    getBackend().then(
      (backend) => live && setAvailable(backend.passwords !== undefined),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return available;
}

let isLoggingOut = false;

export async function logOut(): Promise<void> {
  isLoggingOut = true;
  try {
    await (await getBackend()).logOut();
  } finally {
    isLoggingOut = false;
    // Even if the api could not be told, this tab forgets the token.
    clearSession('logout');
    broadcastLogout();
  }
}

/** The server says the account was erased (on another device, or this tab's own request). */
export function accountDeletedElsewhere(): void {
  if (state.status === 'signed-in') clearSession('deleted');
}

/** The session is over without the reader asking (a refreshed token was refused): back to log in. */
export function expireSession(): void {
  if (state.status === 'signed-in') clearSession('expired');
}

/** The server confirmed the address (a verification link opened, maybe in another tab). */
export function markEmailVerified(): void {
  if (state.status === 'signed-in' && !state.user.emailVerified)
    setState({ status: 'signed-in', user: { ...state.user, emailVerified: true } });
}

export function getAccessToken(): string | null {
  return accessToken;
}

const sessionStore = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getSnapshot: () => state,
};

export function useSession(): SessionState {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.getSnapshot);
}

// Logging out in one tab logs out the others: their refresh cookie is gone anyway.
const channel =
  typeof BroadcastChannel === 'function' ? new BroadcastChannel('playloop-auth') : null;
channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.data === 'logout' && state.status === 'signed-in') clearSession('logout');
});
function broadcastLogout(): void {
  channel?.postMessage('logout');
}
