import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt, { type JwtPayload } from 'jsonwebtoken';
import jwksClient, { type JwksClient } from 'jwks-rsa';
import { ZRole, type Role } from '@playloop/shared';
import { AppError } from '../errors/app-error.js';
import type { AccessTokenConfig } from './access-token.js';

export interface SupabaseAuthConfig {
  /** `https://<ref>.supabase.co`; tokens must carry `iss` = `${url}/auth/v1`. */
  url: string;
  /** The project's legacy shared secret (HS256), if it still has one. */
  jwtSecret?: string | undefined;
  /** Where the project's published signing keys live. */
  jwksUrl?: string | undefined;
}

/** What a verified token says about its bearer. */
export type VerifiedToken =
  | { kind: 'playloop'; userId: string; role: Role }
  | { kind: 'supabase'; subject: string; email: string | null };

export interface TokenVerifier {
  verify(token: string): Promise<VerifiedToken>;
}

const ASYMMETRIC = ['ES256', 'RS256'] as const;

function invalid(internal: string): AppError {
  return new AppError('AUTH_INVALID_TOKEN', { internal });
}

function verifyWith(token: string, key: string | KeyObject, opts: jwt.VerifyOptions): JwtPayload {
  try {
    const payload = jwt.verify(token, key, { ...opts, complete: false });
    if (typeof payload === 'string') throw invalid('string payload');
    if (typeof payload.exp !== 'number') throw invalid('exp missing');
    if (typeof payload.sub !== 'string' || payload.sub === '') throw invalid('sub missing');
    return payload;
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof jwt.TokenExpiredError) throw new AppError('AUTH_TOKEN_EXPIRED');
    throw invalid((err as Error).message);
  }
}

/**
 * Verifies Playloop access tokens and, when a Supabase project is configured, Supabase Auth
 * access tokens (legacy HS256 secret or the project's JWKS). Algorithms are pinned per issuer,
 * so `alg: none` and algorithm confusion are refused before any key is chosen.
 */
export function createTokenVerifier(
  own: AccessTokenConfig,
  supabase?: SupabaseAuthConfig,
): TokenVerifier {
  // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a PEM
  // public key (and throws) on every call, which was a tenth of an api request's CPU.
  const ownKey = createSecretKey(Buffer.from(own.secret));
  const supabaseIssuer = supabase ? `${supabase.url.replace(/\/$/, '')}/auth/v1` : undefined;
  const jwks: JwksClient | undefined = supabase
    ? jwksClient({
        jwksUri: supabase.jwksUrl ?? `${supabaseIssuer}/.well-known/jwks.json`,
        cache: true,
        cacheMaxAge: 10 * 60_000,
        rateLimit: true,
        jwksRequestsPerMinute: 10,
        timeout: 3_000,
      })
    : undefined;

  return {
    async verify(token) {
      const decoded = jwt.decode(token, { complete: true });
      if (!decoded || typeof decoded.payload === 'string') throw invalid('not a JWT');
      const { alg, kid } = decoded.header;
      const iss = decoded.payload.iss;

      if (iss === own.issuer) {
        const payload = verifyWith(token, ownKey, {
          algorithms: ['HS256'],
          issuer: own.issuer,
          audience: own.audience,
        });
        const role = ZRole.safeParse(payload.role);
        if (!role.success) throw invalid('role claim');
        return { kind: 'playloop', userId: payload.sub as string, role: role.data };
      }

      if (supabase && iss === supabaseIssuer) {
        const common = { issuer: supabaseIssuer, audience: 'authenticated' } as const;
        let payload: JwtPayload;
        if (alg === 'HS256') {
          if (!supabase.jwtSecret)
            throw invalid('HS256 Supabase token but no legacy secret configured');
          payload = verifyWith(token, supabase.jwtSecret, { ...common, algorithms: ['HS256'] });
        } else if ((ASYMMETRIC as readonly string[]).includes(alg) && jwks && kid) {
          let key: string;
          try {
            key = (await jwks.getSigningKey(kid)).getPublicKey();
          } catch (err) {
            throw invalid(`signing key ${kid}: ${(err as Error).message}`);
          }
          payload = verifyWith(token, key, {
            ...common,
            algorithms: [alg as (typeof ASYMMETRIC)[number]],
          });
        } else {
          throw invalid(`unsupported Supabase token alg ${alg}`);
        }
        if (payload.role !== 'authenticated') throw invalid('Supabase role is not authenticated');
        return {
          kind: 'supabase',
          subject: payload.sub as string,
          email: typeof payload.email === 'string' ? payload.email : null,
        };
      }

      throw invalid(`unknown issuer ${String(iss)}`);
    },
  };
}
