import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Role } from '@playloop/shared';

export interface AccessTokenConfig {
  secret: string;
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

/** Issues a Playloop access token: HS256 pinned, `iss`, `aud`, `exp`, `sub` always present. */
export function issueAccessToken(cfg: AccessTokenConfig, user: { id: string; role: Role }): { token: string; expiresIn: number } {
  const token = jwt.sign({ role: user.role }, cfg.secret, {
    algorithm: 'HS256',
    subject: user.id,
    issuer: cfg.issuer,
    audience: cfg.audience,
    expiresIn: cfg.ttlSeconds,
    jwtid: randomUUID(),
  });
  return { token, expiresIn: cfg.ttlSeconds };
}
