import { routes, type TPublicConfig } from '@playloop/shared';
import { apiFetch } from './api-fetch';

let pending: Promise<TPublicConfig> | null = null;

/** `GET /api/config`, fetched once per page; a failure is forgotten so the next caller tries again. */
export function getPublicConfig(): Promise<TPublicConfig> {
  if (!pending) {
    pending = apiFetch(routes.publicConfig).catch((err: unknown) => {
      pending = null;
      throw err;
    });
  }
  return pending;
}
