import { createSecretKey, randomUUID, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Role } from '@playloop/shared';

export interface AccessTokenConfig {
  secret: string;
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

// jsonwebtoken tries a string secret as a PEM private key first (and throws) on every call; a
// KeyObject skips that. One per secret, kept for the process's life.
const keys = new Map<string, KeyObject>();
const keyFor = (secret: string) =>
  keys.get(secret) ??
  (keys.set(secret, createSecretKey(Buffer.from(secret))).get(secret) as KeyObject);

/** Issues a Playloop access token: HS256 pinned, `iss`, `aud`, `exp`, `sub` always present. */
export function issueAccessToken(
  cfg: AccessTokenConfig,
  user: { id: string; role: Role },
): { token: string; expiresIn: number } {
  const token = jwt.sign({ role: user.role }, keyFor(cfg.secret), {
    algorithm: 'HS256',
    subject: user.id,
    issuer: cfg.issuer,
    audience: cfg.audience,
    expiresIn: cfg.ttlSeconds,
    jwtid: randomUUID(),
  });
  return { token, expiresIn: cfg.ttlSeconds };
}
