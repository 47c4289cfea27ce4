import type { Role } from '@playloop/shared';
import type { CommonEnv } from '../config/env.js';
import type { Pool } from '../db/pool.js';
import type { AccessTokenConfig } from './access-token.js';
import { upsertSupabaseUser } from './user-repo.js';
import {
  createTokenVerifier,
  type SupabaseAuthConfig,
  type TokenVerifier,
} from './verify-token.js';

/** Who is calling: enough to authorise, without a database read. */
export interface Principal {
  userId: string;
  role: Role;
}

export type Authenticate = (accessToken: string) => Promise<Principal>;

/**
 * Verifies an access token (own or Supabase) and names its bearer. Own tokens cost no I/O (the
 * claims are signed and live at most 15 minutes); a Supabase subject is mapped to its Playloop
 * user, provisioned on first sight and then remembered in memory. Used by the api and realtime.
 */
export function createAuthenticator(deps: { pool: Pool; verifier: TokenVerifier }): Authenticate {
  const supabaseUsers = new Map<string, Principal>();
  return async (accessToken) => {
    const verified = await deps.verifier.verify(accessToken);
    if (verified.kind === 'playloop') return { userId: verified.userId, role: verified.role };
    const known = supabaseUsers.get(verified.subject);
    if (known) return known;
    const row = await upsertSupabaseUser(deps.pool, verified.subject, verified.email);
    const principal = { userId: row.id, role: row.role };
    if (supabaseUsers.size > 10_000) supabaseUsers.clear();
    supabaseUsers.set(verified.subject, principal);
    return principal;
  };
}

export function tokenConfigFromEnv(env: CommonEnv): AccessTokenConfig {
  return {
    secret: env.JWT_SECRET,
    issuer: env.JWT_ISSUER,
    audience: env.JWT_AUDIENCE,
    ttlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
  };
}

export function supabaseConfigFromEnv(env: CommonEnv): SupabaseAuthConfig | undefined {
  if (!env.SUPABASE_URL) return undefined;
  return {
    url: env.SUPABASE_URL,
    jwtSecret: env.SUPABASE_JWT_SECRET,
    jwksUrl: env.SUPABASE_JWKS_URL,
  };
}

/** The authenticator a server process needs, straight from its parsed environment. */
export function createAuthenticatorFromEnv(env: CommonEnv, pool: Pool): Authenticate {
  return createAuthenticator({
    pool,
    verifier: createTokenVerifier(tokenConfigFromEnv(env), supabaseConfigFromEnv(env)),
  });
}
