import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import {
  defaultBehaviour,
  drawOutcome,
  patchBehaviour,
  Scripts,
  type Behaviour,
  type Outcome,
} from './behaviour.js';
import { CallbackSender, type SentCallback } from './callbacks.js';
import { handleOrder } from './order-route.js';
import { publicOrder, readJson, send } from './http.js';
import { OrderBook, type Order } from './orders.js';

export interface SandboxOptions {
  port?: number;
  host?: string;
  apiKey: string;
  callbackSecret: string;
  callbackUrl?: string | null;
  behaviour?: Partial<Behaviour>;
  log?: (line: Record<string, unknown>) => void;
  random?: () => number;
}

export interface SandboxStats {
  /** Every POST /v1/orders received, refused ones included. */
  calls: number;
  byOutcome: Partial<Record<Outcome | 'invalid' | 'unauthorised', number>>;
  orders: number;
  /** References (payout ids) holding more than one order: paid more than once. */
  paidTwice: Array<{ reference: string; orders: number }>;
}

/** Shared by the HTTP routes and the in-process handle tests use. */
export interface SandboxState {
  behaviour: Behaviour;
  scripts: Scripts;
  book: OrderBook;
  callbacks: CallbackSender;
  stats: { calls: number; byOutcome: SandboxStats['byOutcome'] };
  hangs: Set<NodeJS.Timeout>;
  random: () => number;
  log: (line: Record<string, unknown>) => void;
}

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

/** Starts the sandbox gift-card API on a real port (0 = any free one). */
export async function startSandbox(opts: SandboxOptions) {
  const log = opts.log ?? (() => undefined);
  let callbacks = new CallbackSender({
    url: opts.callbackUrl ?? null,
    secret: opts.callbackSecret,
    log,
  });
  const state: SandboxState = {
    behaviour: { ...defaultBehaviour(), ...opts.behaviour },
    scripts: new Scripts(),
    book: new OrderBook(),
    callbacks,
    stats: { calls: 0, byOutcome: {} },
    hangs: new Set(),
    random: opts.random ?? Math.random,
    log,
  };
  const expectedKey = Buffer.from(`Bearer ${opts.apiKey}`);
  const authorised = (req: IncomingMessage) => {
    const given = Buffer.from(req.headers.authorization ?? '');
    return given.length === expectedKey.length && timingSafeEqual(given, expectedKey);
  };

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      log({ msg: 'sandbox error', err: (err as Error).message });
      if (!res.headersSent)
        send(res, 500, { error: { code: 'internal', message: 'sandbox error' } });
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    if (url.pathname === '/healthz') return send(res, 200, { status: 'ok' });
    if (url.pathname === '/v1/orders' && req.method === 'POST') {
      state.stats.calls += 1;
      if (!authorised(req))
        return count(res, 'unauthorised', 401, {
          error: { code: 'invalid_credentials', message: 'unknown API key' },
        });
      return handleOrder(state, req, res, (reference) =>
        drawOutcome(state.behaviour, state.scripts, reference, state.random),
      );
    }
    if (!authorised(req))
      return send(res, 401, { error: { code: 'invalid_credentials', message: 'unknown API key' } });
    if (url.pathname === '/v1/orders' && req.method === 'GET') {
      const since = url.searchParams.get('since');
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 1000) || 1000, 10_000);
      return send(res, 200, {
        orders: state.book.list(since ? new Date(since) : null, limit).map(publicOrder),
      });
    }
    if (url.pathname === '/__sandbox/state' && req.method === 'GET')
      return send(res, 200, { behaviour: state.behaviour, stats: handle.stats() });
    if (url.pathname === '/__sandbox/behaviour' && req.method === 'PATCH') {
      const refused = patchBehaviour(
        state.behaviour,
        (await readJson(req)) as Record<string, unknown>,
      );
      return refused.length
        ? send(res, 400, {
            error: { code: 'bad_request', message: `refused: ${refused.join(', ')}` },
          })
        : send(res, 200, state.behaviour);
    }
    if (url.pathname === '/__sandbox/scripts' && req.method === 'POST') {
      const body = (await readJson(req)) as { reference?: unknown; outcomes?: unknown };
      if (
        typeof body.reference !== 'string' ||
        !Array.isArray(body.outcomes) ||
        !body.outcomes.every(Scripts.isOutcome)
      ) {
        return send(res, 400, {
          error: { code: 'bad_request', message: 'expected {reference, outcomes: Outcome[]}' },
        });
      }
      state.scripts.set(body.reference, body.outcomes);
      return send(res, 200, { ok: true });
    }
    if (url.pathname === '/__sandbox/callbacks' && req.method === 'GET')
      return send(res, 200, { callbacks: state.callbacks.sent });
    if (url.pathname === '/__sandbox/reset' && req.method === 'POST') {
      handle.reset();
      return send(res, 200, { ok: true });
    }
    send(res, 404, { error: { code: 'not_found', message: `${req.method} ${url.pathname}` } });
  }

  function count(
    res: ServerResponse,
    key: keyof SandboxStats['byOutcome'],
    status: number,
    body: unknown,
  ) {
    state.stats.byOutcome[key] = (state.stats.byOutcome[key] ?? 0) + 1;
    send(res, status, body);
  }

  server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;

  const handle = {
    url: `http://${opts.host && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1'}:${port}`,
    port,
    behaviour: state.behaviour,
    setBehaviour(patch: Partial<Behaviour>) {
      const refused = patchBehaviour(state.behaviour, patch as Record<string, unknown>);
      if (refused.length) throw new Error(`sandbox refused: ${refused.join(', ')}`);
    },
    script(reference: string, outcomes: Outcome[]) {
      state.scripts.set(reference, outcomes);
    },
    setCallbackUrl(url: string | null) {
      callbacks.stop();
      callbacks = new CallbackSender({ url, secret: opts.callbackSecret, log });
      state.callbacks = callbacks;
    },
    stats(): SandboxStats {
      return {
        calls: state.stats.calls,
        byOutcome: { ...state.stats.byOutcome },
        orders: state.book.size,
        paidTwice: state.book.paidTwice(),
      };
    },
    orders: (): Order[] => state.book.list(null, Number.MAX_SAFE_INTEGER),
    callbacks: (): SentCallback[] => [...state.callbacks.sent],
    reset() {
      Object.assign(state.behaviour, defaultBehaviour(), opts.behaviour);
      state.scripts.clear();
      state.book.clear();
      state.stats.calls = 0;
      state.stats.byOutcome = {};
    },
    async stop() {
      for (const timer of state.hangs) clearTimeout(timer);
      state.callbacks.stop();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
  return handle;
}
