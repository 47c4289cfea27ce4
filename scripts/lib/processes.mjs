// Runs the app servers as child processes with prefixed, line-buffered output, and notices when
// one of them dies.
import readline from 'node:readline';
import { sleep, spawnTracked, stopChild } from './common.mjs';

const COLORS = [36, 35, 33, 32, 34, 31]; // cyan, magenta, yellow, green, blue, red
const useColor = process.stdout.isTTY && !process.env.NO_COLOR;

/**
 * Starts each `{ name, cmd: [file, ...args], env }`. `onUnexpectedExit(name, code, signal)` fires
 * when one exits while we were not stopping it. Returns `stopAll()`.
 */
export function startProcesses(list, { onUnexpectedExit }) {
  const width = Math.max(...list.map((p) => p.name.length));
  let stopping = false;
  const running = list.map((spec, i) => {
    const label = spec.name.padEnd(width);
    const prefix = useColor
      ? `\x1b[${COLORS[i % COLORS.length]}m${label} |\x1b[0m `
      : `${label} | `;
    const [file, ...args] = spec.cmd;
    const child = spawnTracked(file, args, {
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // readline hands over whole lines, so output of concurrent processes never interleaves mid-line.
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
        (stream === child.stderr ? process.stderr : process.stdout).write(`${prefix}${line}\n`);
      });
    }
    child.once('error', (err) => {
      if (!stopping) onUnexpectedExit(spec.name, null, null, err);
    });
    child.once('exit', (code, signal) => {
      if (!stopping) onUnexpectedExit(spec.name, code, signal);
    });
    return { spec, child };
  });

  return {
    /** SIGTERM to each (by PID), SIGKILL after 10 s for any that hang. */
    async stopAll() {
      stopping = true;
      await Promise.all(
        running.map(({ child }) => stopChild(child, { signal: 'SIGTERM', graceMs: 10_000 })),
      );
    },
  };
}

/**
 * Polls each URL until it answers 200. Returns the URLs still not ready when time runs out or
 * `shouldGiveUp()` turns true (a process died), so the caller can name them.
 */
export async function waitForHttp(urls, { timeoutMs = 90_000, shouldGiveUp = () => false } = {}) {
  const pending = new Set(urls);
  const deadline = Date.now() + timeoutMs;
  while (pending.size && Date.now() < deadline && !shouldGiveUp()) {
    await Promise.all(
      [...pending].map(async (url) => {
        try {
          const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
          if (res.status === 200) pending.delete(url);
          await res.body?.cancel();
        } catch {
          // not listening yet
        }
      }),
    );
    if (pending.size) await sleep(500);
  }
  return [...pending];
}
