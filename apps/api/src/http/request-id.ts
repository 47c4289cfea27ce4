import { newId } from '@playloop/shared';
import type { IncomingMessage } from 'node:http';

const SAFE_ID = /^[A-Za-z0-9_.:-]{8,64}$/;

/** Keeps a caller's (or router's) X-Request-Id when it is safe to log, otherwise makes one. */
export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : newId('req');
}
