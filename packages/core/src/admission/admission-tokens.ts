import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

export interface AdmissionTokenConfig {
  secret: string;
  issuer: string;
  /** How long an admission lasts: long enough to sign up, short enough that a leaked one expires. */
  admissionTtlSeconds: number;
  /** How long a queue ticket identifies its visitor (a place is lost earlier if it stops polling). */
  ticketTtlSeconds: number;
}

/** Own audiences, so neither token can pass for an access token (nor the other way round). */
export const ADMISSION_AUDIENCE = 'playloop-admission';
export const QUEUE_TICKET_AUDIENCE = 'playloop-queue';

function verifySubject(
  key: KeyObject,
  issuer: string,
  token: string | undefined,
  audience: string,
): string | null {
  if (!token || token.length > 1024) return null;
  try {
    const payload = jwt.verify(token, key, { algorithms: ['HS256'], issuer, audience });
    return typeof payload === 'object' && typeof payload.sub === 'string' && payload.sub !== ''
      ? payload.sub
      : null;
  } catch {
    return null;
  }
}

/**
 * The two signed tokens of the waiting room, HS256 with the platform's JWT secret:
 * - a queue ticket names the visitor holding a place, so a refreshed page finds its place again;
 * - an admission says the visitor's turn came; the gate in front of sign-up and login checks it.
 */
export function createAdmissionTokens(cfg: AdmissionTokenConfig) {
  // A KeyObject: jsonwebtoken would otherwise try the string as a PEM key on every call (slow).
  const key = createSecretKey(Buffer.from(cfg.secret));
  const sign = (visitorId: string, audience: string, ttl: number) =>
    jwt.sign({}, key, {
      algorithm: 'HS256',
      issuer: cfg.issuer,
      audience,
      subject: visitorId,
      expiresIn: ttl,
    });
  return {
    issueTicket: (visitorId: string) =>
      sign(visitorId, QUEUE_TICKET_AUDIENCE, cfg.ticketTtlSeconds),
    issueAdmission: (visitorId: string) =>
      sign(visitorId, ADMISSION_AUDIENCE, cfg.admissionTtlSeconds),
    /** The visitor id a ticket names, or null when it is missing, forged or expired. */
    verifyTicket: (token: string | undefined) =>
      verifySubject(key, cfg.issuer, token, QUEUE_TICKET_AUDIENCE),
    /** The visitor id an admission names, or null when it is missing, forged or expired. */
    verifyAdmission: (token: string | undefined) =>
      verifySubject(key, cfg.issuer, token, ADMISSION_AUDIENCE),
    admissionTtlSeconds: cfg.admissionTtlSeconds,
    ticketTtlSeconds: cfg.ticketTtlSeconds,
  };
}
export type AdmissionTokens = ReturnType<typeof createAdmissionTokens>;
