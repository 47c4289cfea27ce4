import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface RealtimeProcess {
  url: string;
  pid: number;
  /** Everything the child printed, for failure messages. */
  output(): string;
  /** SIGTERM by pid, resolving with the exit code; SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<number | null>;
}

/** A free TCP port, found by binding port 0 and releasing it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/**
 * Starts `node --import tsx apps/realtime/src/main.ts` exactly as a pod would run it. `nodeArgs`
 * go before the script (benchmarks pass `--cpu-prof` here; NODE_OPTIONS refuses it).
 */
export async function spawnRealtime(
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<RealtimeProcess> {
  const port = await freePort();
  const args = [...nodeArgs, '--import', 'tsx', 'apps/realtime/src/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  if (child.pid === undefined) throw new Error('realtime child did not start');
  const pid = child.pid;
  const exited = exitOf(child);
  return {
    url: `http://127.0.0.1:${port}`,
    pid,
    output: () => output,
    async stop(graceMs = 5_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      process.kill(pid, 'SIGTERM');
      const timer = setTimeout(
        () => child.exitCode === null && child.signalCode === null && process.kill(pid, 'SIGKILL'),
        graceMs,
      );
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Polls `/readyz` until 200 (the pod has Redis, its subscription and Postgres) or `timeoutMs`. */
export async function waitForReady(proc: RealtimeProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${proc.url}/readyz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(
    `realtime pid ${proc.pid} not ready within ${timeoutMs} ms. Output:\n${proc.output()}`,
  );
}
