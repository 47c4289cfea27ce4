import { issueAccessToken, tokenConfigFromEnv } from '@playloop/core';
import { insertTestUser } from '@playloop/core/testing';
import type { TestApi } from '../../test/harness.js';

/** A browser for admission tests: keeps every cookie the api sets (all are scoped to /api). */
export function browser(base: string) {
  const jar = new Map<string, string>();
  return {
    jar,
    async call(
      method: string,
      path: string,
      opts: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
    ) {
      const headers: Record<string, string> = { ...opts.headers };
      if (opts.body !== undefined) headers['content-type'] = 'application/json';
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      const res = await fetch(`${base}${path}`, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      });
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const [name, ...rest] = (pair ?? '').split('=');
        const value = rest.join('=');
        if (!name) continue;
        if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
        else jar.set(name, value);
      }
      const text = await res.text();
      return {
        status: res.status,
        headers: res.headers,
        json: (text ? JSON.parse(text) : undefined) as Record<string, unknown> & {
          error?: { code: string };
        },
      };
    },
  };
}

/** An access token for a fresh user of the given role (no password work). */
export async function tokenFor(api: TestApi, role: 'player' | 'admin'): Promise<string> {
  const user = await insertTestUser(api.services.pool, { role });
  return issueAccessToken(tokenConfigFromEnv(api.config), { id: user.id, role }).token;
}
