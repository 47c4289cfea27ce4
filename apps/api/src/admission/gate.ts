import type { RequestHandler } from 'express';
import { AppError, type AdmissionTokens, type WaitingRoom } from '@playloop/core';
import { ADMISSION_COOKIE, readCookie } from './cookies.js';

/** The doors a new visitor comes in by; each costs an argon2id hash. */
const GATED = new Set(['/api/auth/signup', '/api/auth/login']);

/**
 * While the room is queueing, sign-up and login need an admission. Everyone already in keeps
 * playing: a valid access token is needed for every other player route anyway, and a session is
 * resumed through `/api/auth/refresh` (a token check), which is never gated.
 */
export function waitingRoomGate(deps: {
  room: WaitingRoom;
  tokens: AdmissionTokens;
}): RequestHandler {
  return async (req, _res, next) => {
    if (req.method !== 'POST' || !GATED.has(req.path)) return next();
    try {
      if (!(await deps.room.isQueueing())) return next();
    } catch (err) {
      // Redis unreachable: let people in rather than lock everyone out; shedding still protects.
      req.log?.warn({ err }, 'waiting room state unavailable; gate open');
      return next();
    }
    if (deps.tokens.verifyAdmission(readCookie(req, ADMISSION_COOKIE))) return next();
    next(new AppError('ADMISSION_REQUIRED'));
  };
}
