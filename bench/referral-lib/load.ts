// One load generator for every target, so two figures differ only by the server measured.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface LoadTarget {
  name: string;
  url: string;
  /** The server's pid, to charge it the CPU time it spent (Linux /proc): robust to a busy machine. */
  pid?: number;
  /** Called per request: its path and extra headers (varied visitors, codes). */
  nextRequest: () => { path: string; headers: Record<string, string> };
}

export interface LoadResult {
  name: string;
  url: string;
  seconds: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  /** Server CPU (user + system) per answered request, when its pid was given. */
  serverCpuMsPerRequest: number | null;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
}

/** utime + stime of a process in ms, from /proc (null elsewhere). Clock ticks are 10 ms. */
export function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

interface Slice {
  cpuMs: number | null;
  seconds: number;
  latencies: number[];
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
}

function runSlice(target: LoadTarget, seconds: number, connections: number): Promise<Slice> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const cpuBefore = cpuMs(target.pid);
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        duration: seconds,
        connections,
        pipelining: 1,
        requests: [
          {
            method: 'GET',
            setupRequest: (req) => {
              const next = target.nextRequest();
              return { ...req, path: next.path, headers: { ...req.headers, ...next.headers } };
            },
          },
        ],
      },
      (err: unknown, result: autocannon.Result) => {
        const cpuAfter = cpuMs(target.pid);
        const cpu = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
        if (err) reject(err instanceof Error ? err : new Error(String(err)));
        else
          resolve({
            cpuMs: cpu,
            seconds: result.duration || seconds,
            latencies,
            statusCodes,
            errors: result.errors,
            timeouts: result.timeouts,
          });
      },
    );
    // autocannon emits (client, statusCode, bytes, responseTime); its typings leave out `client`.
    instance.on('response', (...args: unknown[]) => {
      const [, status, , ms] = args as [unknown, number, number, number];
      latencies.push(ms);
      statusCodes[status] = (statusCodes[status] ?? 0) + 1;
    });
  });
}

const percentile = (sorted: number[], p: number) =>
  Number(
    (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(2),
  );

function summarise(target: LoadTarget, slices: Slice[], connections: number): LoadResult {
  const latencies = slices.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const seconds = slices.reduce((s, x) => s + x.seconds, 0);
  const statusCodes: Record<string, number> = {};
  for (const s of slices)
    for (const [code, n] of Object.entries(s.statusCodes))
      statusCodes[code] = (statusCodes[code] ?? 0) + n;
  return {
    name: target.name,
    url: target.url,
    seconds: Number(seconds.toFixed(2)),
    connections,
    requests: latencies.length,
    requestsPerSecond: Math.round(latencies.length / seconds),
    latencyMs: {
      p50: percentile(latencies, 50),
      p90: percentile(latencies, 90),
      p99: percentile(latencies, 99),
      max: Number((latencies.at(-1) ?? 0).toFixed(2)),
      mean: Number(
        (latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length)).toFixed(2),
      ),
    },
    serverCpuMsPerRequest:
      slices.every((s) => s.cpuMs !== null) && latencies.length
        ? Number((slices.reduce((sum, s) => sum + (s.cpuMs ?? 0), 0) / latencies.length).toFixed(3))
        : null,
    statusCodes,
    errors: slices.reduce((s, x) => s + x.errors, 0),
    timeouts: slices.reduce((s, x) => s + x.timeouts, 0),
  };
}

/**
 * Drives each target in turn for `rounds` slices of `seconds / rounds`: on a machine others share,
 * interleaving spreads their noise over every target instead of loading it onto one.
 */
export async function runInterleaved(
  targets: LoadTarget[],
  opts: { seconds: number; connections: number; rounds: number },
): Promise<LoadResult[]> {
  const slices = targets.map(() => [] as Slice[]);
  const each = Math.max(1, Math.round(opts.seconds / opts.rounds));
  for (let round = 0; round < opts.rounds; round++) {
    for (const [i, target] of targets.entries())
      slices[i]?.push(await runSlice(target, each, opts.connections));
  }
  return targets.map((t, i) => summarise(t, slices[i] ?? [], opts.connections));
}
