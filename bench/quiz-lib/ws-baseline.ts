// Runs the plain `ws` baseline: N clients, the same payload broadcast `rounds` times after one
// unrecorded warm-up round (the clients' message path runs cold the first time, as the quiz
// side's first question does; that one is not counted there either).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { WebSocket } from 'ws';
import { ROOT } from '../referral-lib/stack.js';

export async function runWsBaseline(
  n: number,
  payload: Record<string, unknown>,
  rounds: number,
): Promise<{
  latencies: number[];
  rounds: number[][];
  /** Per recorded round: when it was sent and when its last message arrived (epoch ms). */
  windows: Array<{ from: number; to: number }>;
  missing: number;
}> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join('bench', 'quiz-lib', 'ws-baseline-server.ts')],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`ws baseline server exited (${code})`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      const m = /ready (\d+)/.exec(String(chunk));
      if (m) resolve(Number(m[1]));
    });
  });
  const latencies: number[] = [];
  const perRound: number[][] = [];
  const windows: Array<{ from: number; to: number }> = [];
  let received = 0;
  const clients: WebSocket[] = [];
  try {
    for (let i = 0; i < n; i += 500) {
      const batch = Array.from({ length: Math.min(500, n - i) }, () => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
        ws.on('message', (data) => {
          const at = Date.now();
          const latency = at - (JSON.parse(String(data)) as { sentAt: number }).sentAt;
          received += 1;
          const round = perRound[perRound.length - 1];
          if (!round) return; // the warm-up round
          latencies.push(latency);
          round.push(latency);
          const w = windows[windows.length - 1];
          if (w) {
            w.from = Math.min(w.from, at - latency);
            w.to = Math.max(w.to, at);
          }
        });
        clients.push(ws);
        return new Promise<void>(
          (resolve, reject) => (ws.once('open', () => resolve()), ws.once('error', reject)),
        );
      });
      await Promise.all(batch);
    }
    const control = new WebSocket(`ws://127.0.0.1:${port}/control`);
    await new Promise((resolve) => control.once('open', resolve));
    for (let r = -1; r < rounds; r++) {
      const target = received + n;
      if (r >= 0) {
        perRound.push([]);
        windows.push({ from: Infinity, to: 0 });
      }
      control.send(JSON.stringify({ payload }));
      const until = Date.now() + 30_000;
      while (received < target && Date.now() < until)
        await new Promise((res) => setTimeout(res, 20));
      await new Promise((res) => setTimeout(res, 500));
    }
    control.close();
    return { latencies, rounds: perRound, windows, missing: (rounds + 1) * n - received };
  } finally {
    clients.forEach((c) => c.terminate());
    if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGTERM');
  }
}
