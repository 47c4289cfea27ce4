import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { issueAccessToken } from '@playloop/core';
import { freePort, rssOf, RESULTS_DIR, type Platform } from './platform.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The soft limit on open files of processes this one starts (they inherit it). */
export function openFilesLimit(): number {
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Max open files'));
  const soft = Number(line?.split(/\s{2,}/)[1]);
  return Number.isFinite(soft) ? soft : 1024;
}

export interface HeldConnections {
  server: 'socket.io (Playloop realtime)' | 'plain ws';
  target: number;
  connected: number;
  /** Connection attempts refused on the way (and retried after a pause, as clients do). */
  failed: number;
  connectSeconds: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  bytesPerConnection: number | null;
}

/** Opens `target` connections from holder processes (each keeps its share under its fd limit). */
async function hold(
  url: string,
  target: number,
  protocol: 'socketio' | 'plain',
  tokensFile: string,
  timeoutMs: number,
) {
  const holders: ChildProcess[] = [];
  const state: Array<{ connected: number; failed: number; done: boolean }> = [];
  const perHolder = 8000;
  for (let offset = 0, k = 0; offset < target; offset += perHolder, k++) {
    const count = Math.min(perHolder, target - offset);
    const child = fork(
      path.join(HERE, 'socket-holder.mjs'),
      [url, String(count), protocol, tokensFile, String(offset)],
      { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
    );
    state[k] = { connected: 0, failed: 0, done: false };
    child.on('message', (m) => (state[k] = m as (typeof state)[number]));
    holders.push(child);
  }
  const started = performance.now();
  while (
    performance.now() - started < timeoutMs &&
    !(state.length === holders.length && state.every((s) => s.done))
  )
    await sleep(250);
  const connected = state.reduce((a, s) => a + s.connected, 0);
  const failed = state.reduce((a, s) => a + s.failed, 0);
  return {
    connected,
    failed,
    seconds: (performance.now() - started) / 1000,
    release: async () => {
      await Promise.all(
        holders.map(
          (h) =>
            new Promise<void>((resolve) => {
              h.once('exit', () => resolve());
              h.send('close');
            }),
        ),
      );
    },
  };
}

async function measure(
  server: HeldConnections['server'],
  pid: number,
  url: string,
  target: number,
  protocol: 'socketio' | 'plain',
  tokensFile: string,
  metricsUrl?: string,
): Promise<HeldConnections> {
  await sleep(2000);
  const before = rssOf(pid);
  const held = await hold(url, target, protocol, tokensFile, Math.max(60_000, target * 6));
  // Let allocation settle (and a GC or two run) before reading the resident size.
  await sleep(5000);
  const after = rssOf(pid);
  // The server's own count, when it publishes one: what it holds, not what the clients think.
  const serverCount = metricsUrl
    ? await fetch(metricsUrl)
        .then((r) => r.text())
        .then((t) => Number(/^playloop_realtime_connected_sockets (\d+)/m.exec(t)?.[1] ?? NaN))
        .catch(() => NaN)
    : NaN;
  await held.release();
  console.log(
    `  ${server}: ${held.connected}/${target} held, ${((after - before) / Math.max(1, held.connected) / 1024).toFixed(1)} KiB each`,
  );
  return {
    server,
    target,
    connected: Number.isNaN(serverCount) ? held.connected : Math.min(serverCount, held.connected),
    failed: held.failed,
    connectSeconds: Math.round(held.seconds * 10) / 10,
    rssBeforeMb: Math.round(before / 1048576),
    rssAfterMb: Math.round(after / 1048576),
    bytesPerConnection: held.connected ? Math.round((after - before) / held.connected) : null,
  };
}

/**
 * Concurrent connections one realtime process holds (authenticated Socket.IO sockets in their user
 * rooms), and its memory per connection next to a bare `ws` server holding as many.
 */
export async function measureSockets(p: Platform, requested: number) {
  const limit = openFilesLimit();
  // Every socket is a file descriptor in the server; leave room for its own files, Redis and Postgres.
  const target = Math.min(requested, limit - 200);
  const realtime = await p.start('realtime', {
    ALLOW_NO_ORIGIN: 'true',
    SHED_MAX_CONNECTIONS: String(target + 1000),
  });
  const tokensFile = path.join(RESULTS_DIR, 'socket-tokens.tmp.json');
  const cfg = { secret: p.jwtSecret, issuer: 'playloop', audience: 'playloop', ttlSeconds: 900 };
  writeFileSync(
    tokensFile,
    JSON.stringify(
      Array.from(
        { length: target },
        (_, i) =>
          issueAccessToken(cfg, { id: `usr_sock${String(i).padStart(16, '0')}`, role: 'player' })
            .token,
      ),
    ),
  );
  const socketio = await measure(
    'socket.io (Playloop realtime)',
    realtime.pid,
    (realtime.url as string).replace('http', 'ws'),
    target,
    'socketio',
    tokensFile,
    `${realtime.url}/metrics`,
  );
  await p.stop('realtime');

  const port = await freePort();
  const plain = fork(path.join(HERE, 'plain-ws-server.mjs'), [String(port)], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve) => plain.once('message', () => resolve()));
  const ws = await measure(
    'plain ws',
    plain.pid as number,
    `ws://127.0.0.1:${port}`,
    target,
    'plain',
    tokensFile,
  );
  plain.kill('SIGTERM');
  writeFileSync(tokensFile, '[]');
  return { requested, target, openFilesLimit: limit, results: [socketio, ws] };
}
