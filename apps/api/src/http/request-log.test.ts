import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { requestLog } from './request-log.js';

let server: Server | undefined;
afterEach(() => server?.close());

/** An app with the request log in front, whose logger writes into `lines`. */
async function serve(level: 'info' | 'warn') {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const app = express()
    .use(requestLog(pino({ level }, sink)))
    .get('/quiet', (req, res) => void res.json({ id: req.id }))
    .get('/warns', (req, res) => {
      req.log.warn('something odd');
      res.json({ id: req.id });
    });
  server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, lines };
}

describe('request log', () => {
  it('at info, logs each request with its id, which the caller gets back', async () => {
    const { base, lines } = await serve('info');
    const res = await fetch(`${base}/quiet`);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^req_/);
    expect(((await res.json()) as { id: string }).id).toBe(id);
    await new Promise((r) => setTimeout(r, 20));
    expect(
      lines.some(
        (l) => l.msg === 'request completed' && (l.req as { id?: string } | undefined)?.id === id,
      ),
    ).toBe(true);
  });

  it('below info, writes nothing for a quiet request, but a handler’s warning carries the request id', async () => {
    const { base, lines } = await serve('warn');
    const quiet = await fetch(`${base}/quiet`);
    expect(quiet.headers.get('x-request-id')).toMatch(/^req_/);
    const warned = await fetch(`${base}/warns`, { headers: { 'x-request-id': 'caller-id-1234' } });
    expect(warned.headers.get('x-request-id')).toBe('caller-id-1234');
    expect(((await warned.json()) as { id: string }).id).toBe('caller-id-1234');
    await new Promise((r) => setTimeout(r, 20));
    expect(lines).toEqual([
      expect.objectContaining({
        msg: 'something odd',
        req: { id: 'caller-id-1234', method: 'GET', url: '/warns' },
      }),
    ]);
  });
});
