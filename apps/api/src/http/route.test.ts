import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { Router } from 'express';
import type { RouteContract } from '@playloop/shared';
import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { mount, onlyItsPaths } from './route.js';

const contract = (method: RouteContract['method'], path: string): RouteContract => ({
  method,
  path,
  summary: path,
  tag: 'test',
  auth: 'none',
  response: z.unknown(),
});

let server: Server | undefined;
afterEach(() => server?.close());

/** Two feature routers behind `onlyItsPaths`, and a fallback that names who answered. */
async function serve(entered: string[]) {
  const guardedThings = Router();
  mount(guardedThings, contract('get', '/api/things/:id'), (req) => ({ thing: req.params.id }));
  mount(guardedThings, contract('post', '/api/things'), () => ({ made: true }));
  // Express calls a router's `handle` for every request that reaches it.
  const inner = guardedThings as unknown as {
    handle: (req: express.Request, ...rest: unknown[]) => unknown;
  };
  const handle = inner.handle.bind(guardedThings);
  inner.handle = (req, ...rest) => {
    entered.push(`things ${req.path}`);
    return handle(req, ...rest);
  };
  const plain = Router();
  mount(plain, contract('get', '/api/plain.json'), () => ({ plain: true }));
  const plainEntered = (req: express.Request, _res: express.Response, next: () => void) => {
    entered.push(`plain ${req.path}`);
    next();
  };
  const app = express()
    .use(onlyItsPaths(guardedThings))
    .use(plainEntered, onlyItsPaths(plain))
    .use((_req, res) => void res.status(404).json({ fallback: true }));
  server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('onlyItsPaths', () => {
  it('lets in the requests its contracts can match, as Express matches them', async () => {
    const entered: string[] = [];
    const base = await serve(entered);
    const plain = Router();
    mount(plain, contract('get', '/api/a/:id/b'), () => ({}));
    expect(onlyItsPaths(plain)).not.toBe(plain);

    expect(await (await fetch(`${base}/api/plain.json`)).json()).toEqual({ plain: true });
    // Case-insensitive, trailing slash optional, params of any characters but a slash.
    expect(await (await fetch(`${base}/API/PLAIN.JSON/`)).json()).toEqual({ plain: true });
    expect((await fetch(`${base}/api/plainXjson`)).status).toBe(404);
    expect((await fetch(`${base}/api/plain.json/more`)).status).toBe(404);
  });

  it('skips a router for requests none of its contracts can match', async () => {
    const entered: string[] = [];
    const base = await serve(entered);
    expect((await fetch(`${base}/api/other`)).status).toBe(404);
    expect((await fetch(`${base}/api/things/1/2`)).status).toBe(404);
    expect(await (await fetch(`${base}/api/things/a%20b`)).json()).toEqual({ thing: 'a b' });
    expect(await (await fetch(`${base}/api/things`, { method: 'POST' })).json()).toEqual({
      made: true,
    });
    expect(entered).toEqual([
      'plain /api/other',
      'plain /api/things/1/2',
      'things /api/things/a%20b',
      'things /api/things',
    ]);
  });

  it('returns a router with routes mounted otherwise as it is', () => {
    const mixed = Router();
    mount(mixed, contract('get', '/api/x'), () => ({}));
    mixed.get('/api/y', (_req, res) => void res.end());
    expect(onlyItsPaths(mixed)).toBe(mixed);
    expect(onlyItsPaths(Router())).not.toBeUndefined();
  });
});
