import {
  createClient,
  isAuthRetryableFetchError,
  type AuthError,
  type Session,
} from '@supabase/supabase-js';
import { routes } from '@playloop/shared';
import { apiFetch } from '../api/api-fetch';
import { ApiError } from '../api/api-error';
import type { ActiveSession, AuthBackend } from './auth-backend';

/**
 * Supabase Auth, used when the api's config names a project. Loaded with `import()` so the default
 * path never ships supabase-js. supabase-js keeps and refreshes its own session; its access token is
 * the bearer for the api and the realtime server, which verify Supabase-issued JWTs.
 */
export function createSupabaseBackend(
  config: { url: string; anonKey: string },
  onTokenChange: (accessToken: string | null) => void,
): AuthBackend {
  const client = createClient(config.url, config.anonKey, {
    auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: true },
  });
  // Only record the token here: supabase-js warns against awaiting its own calls inside this callback.
  client.auth.onAuthStateChange((_event, session) => onTokenChange(session?.access_token ?? null));

  const withUser = async (session: Session): Promise<ActiveSession> => {
    const { user } = await apiFetch(routes.me, { accessToken: session.access_token });
    return { accessToken: session.access_token, user };
  };

  return {
    kind: 'supabase',

    async resume() {
      const { data } = await client.auth.getSession();
      return data.session ? withUser(data.session) : null;
    },

    async signUp(body) {
      const { data, error } = await client.auth.signUp({
        email: body.email,
        password: body.password,
        options: { data: { display_name: body.displayName, locale: body.locale ?? 'en' } },
      });
      if (error) throw fromSupabaseError(error);
      return data.session ? withUser(data.session) : 'confirm-email';
    },

    async logIn(body) {
      const { data, error } = await client.auth.signInWithPassword(body);
      if (error) throw fromSupabaseError(error);
      return withUser(data.session);
    },

    async refresh() {
      const { data, error } = await client.auth.refreshSession();
      // Unreachable or failing: keep the session and let the caller retry. Refused: it is over.
      if (error && (isAuthRetryableFetchError(error) || (error.status ?? 0) >= 500))
        throw fromSupabaseError(error);
      return data.session ? withUser(data.session) : null;
    },

    async logOut() {
      const { error } = await client.auth.signOut();
      if (error) throw fromSupabaseError(error);
    },
  };
}

/** Supabase's error codes mapped onto ours, so forms show the same messages on either path. */
function fromSupabaseError(error: AuthError): ApiError {
  const status = error.status ?? 0;
  switch (error.code) {
    case 'user_already_exists':
    case 'email_exists':
      return new ApiError('EMAIL_TAKEN', status, error.message, {
        details: [{ path: 'email', message: error.message }],
      });
    case 'invalid_credentials':
      return new ApiError('AUTH_INVALID_CREDENTIALS', status, error.message);
    case 'weak_password':
      return new ApiError('VALIDATION_FAILED', status, error.message, {
        details: [{ path: 'password', message: error.message }],
      });
    case 'over_request_rate_limit':
    case 'over_email_send_rate_limit':
      return new ApiError('RATE_LIMITED', status, error.message);
    default:
      if (status === 0) return new ApiError('NETWORK', 0, error.message, { cause: error });
      return new ApiError(status === 429 ? 'RATE_LIMITED' : 'INTERNAL', status, error.message, {
        cause: error,
      });
  }
}
