import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderHtml } from './report-html.js';
import type { CapacityStep, OverloadRun } from './overload.js';
import { RESULTS_DIR } from './platform.js';
import type { PhaseResult } from './recorder.js';
import type { LoginStep } from './sessions.js';
import type { measureSockets } from './sockets.js';

export interface BenchReport {
  startedAt: string;
  quick: boolean;
  command: string;
  machine: Record<string, unknown>;
  settings: Record<string, unknown>;
  capacity: { requestsPerSecond: number; steps: CapacityStep[] } | null;
  overloads: OverloadRun[];
  logins: LoginStep[] | null;
  resumes: PhaseResult | null;
  waitingRoom: PhaseResult | null;
  sockets: Awaited<ReturnType<typeof measureSockets>> | null;
}

export interface TargetRow {
  what: string;
  target: string;
  measured: string;
  met: boolean | null;
}

export const fmt = (v: number | null | undefined, unit = '') =>
  v === null || v === undefined ? 'n/a' : `${Math.round(v * 10) / 10}${unit}`;
export const perSecond = (r: PhaseResult) => r.counts.ok / Math.max(r.seconds, 0.001);

/** Best login rate whose successful logins kept p99 within a second. */
export function bestLoginRate(
  steps: LoginStep[],
): { perSecond: number; p99: number | null } | null {
  const ok = steps
    .map((s) => ({ perSecond: perSecond(s.result), p99: s.result.latency.ok.p99 }))
    .filter((s) => (s.p99 ?? Infinity) <= 1000);
  return ok.sort((a, b) => b.perSecond - a.perSecond)[0] ?? null;
}

/** Each target of the issue next to what this run measured. */
export function targetRows(r: BenchReport): TargetRow[] {
  const rows: TargetRow[] = [];
  const on = r.overloads.find((o) => o.protection && o.client === 'plain');
  const cap = r.capacity?.requestsPerSecond ?? on?.capacity ?? null;
  rows.push({
    what: 'Capacity, mixed player workload (p99 < 200 ms)',
    target: '(measured)',
    measured: fmt(cap, ' req/s'),
    met: null,
  });
  if (on) {
    rows.push({
      what: `Goodput at ${Math.round(on.overload.offeredPerSecond / Math.max(1, on.capacity))}x overload`,
      target: '≥ 90% of capacity',
      measured: `${fmt(on.goodputShareOfCapacity * 100, '%')} (${on.overload.goodputPerSecond} req/s)`,
      met: on.goodputShareOfCapacity >= 0.9,
    });
    rows.push({
      what: 'Rejections answered, p99',
      target: '≤ 10 ms',
      measured: fmt(on.overload.latency.rejected.p99, ' ms'),
      met: on.overload.latency.rejected.p99 !== null && on.overload.latency.rejected.p99 <= 10,
    });
    const other5xx = on.overload.counts.error5xx + on.recovery.counts.error5xx;
    rows.push({
      what: '5xx other than deliberate 503s',
      target: '0',
      measured: String(other5xx),
      met: other5xx === 0,
    });
    rows.push({
      what: 'Processes restarted or killed for memory',
      target: '0',
      measured: `${on.apiExited ? 1 : 0} (api peak RSS ${on.apiPeakRssMb} MB)`,
      met: !on.apiExited,
    });
    rows.push({
      what: 'p99 back to normal after the load stops',
      target: '≤ 30 s',
      measured:
        on.recoverySeconds === null
          ? `not within ${on.recovery.seconds} s`
          : `${on.recoverySeconds} s`,
      met: on.recoverySeconds !== null && on.recoverySeconds <= 30,
    });
  }
  if (r.logins) {
    const best = bestLoginRate(r.logins);
    const beyond = r.logins.at(-1);
    rows.push({
      what: 'Logins (argon2id m=19 MiB, t=2, p=1)',
      target: '≥ 120/s, bounded latency, refused beyond',
      measured: best
        ? `${fmt(best.perSecond, '/s')} at p99 ${fmt(best.p99, ' ms')}; at ${beyond?.offeredPerSecond}/s offered: ${beyond?.result.counts.rejected429 ?? 0}×429, ${beyond?.result.counts.rejected503 ?? 0}×503`
        : 'n/a',
      met: best ? best.perSecond >= 120 : false,
    });
  }
  if (r.resumes)
    rows.push({
      what: 'Session resumes (refresh token)',
      target: '≥ 2,000/s',
      measured: `${fmt(perSecond(r.resumes), '/s')} at p99 ${fmt(r.resumes.latency.ok.p99, ' ms')}`,
      met: perSecond(r.resumes) >= 2000,
    });
  if (r.waitingRoom)
    rows.push({
      what: 'Waiting room join + position calls',
      target: '≥ 5,000/s',
      measured: `${fmt(perSecond(r.waitingRoom), '/s')} at p99 ${fmt(r.waitingRoom.latency.ok.p99, ' ms')}`,
      met: perSecond(r.waitingRoom) >= 5000,
    });
  if (r.sockets) {
    const [sio, ws] = r.sockets.results;
    rows.push({
      what: 'Socket.IO connections held by one realtime process',
      target: '≥ 20,000',
      measured: `${sio?.connected ?? 0} (open-files limit ${r.sockets.openFilesLimit})`,
      met: (sio?.connected ?? 0) >= 20_000,
    });
    rows.push({
      what: 'Memory per connection: Socket.IO vs plain ws',
      target: '(reported)',
      measured: `${fmt((sio?.bytesPerConnection ?? 0) / 1024, ' KiB')} vs ${fmt((ws?.bytesPerConnection ?? 0) / 1024, ' KiB')}`,
      met: null,
    });
  }
  return rows;
}

export function markdownTable(r: BenchReport): string {
  const rows = targetRows(r).map(
    (t) =>
      `| ${t.what} | ${t.target} | ${t.measured} | ${t.met === null ? '' : t.met ? 'yes' : '**no**'} |`,
  );
  const runs = r.overloads.map(
    (o) =>
      `| ${o.label} | ${o.overload.offeredPerSecond}/s | ${o.overload.goodputPerSecond}/s (${fmt(o.goodputShareOfCapacity * 100, '%')}) | ${o.overload.counts.rejected503} / ${o.overload.counts.rejected429} | ${fmt(o.overload.latency.rejected.p99, ' ms')} | ${o.overload.counts.error5xx} | ${o.overload.counts.failed} | ${fmt(o.overload.latency.ok.p99, ' ms')} | ${o.recoverySeconds ?? 'n/a'} | ${(o.load.attempts / Math.max(1, o.load.intents)).toFixed(2)} |`,
  );
  return [
    '| What | Target | Measured | Met |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    '| Run | Offered | Goodput (share of capacity) | 503 / 429 | Rejection p99 | Other 5xx | No answer | 2xx p99 | Recovery (s) | Attempts per request |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...runs,
  ].join('\n');
}

function printTable(r: BenchReport): void {
  const rows = targetRows(r);
  const w = [
    Math.max(...rows.map((x) => x.what.length)),
    Math.max(...rows.map((x) => x.target.length)),
    Math.max(...rows.map((x) => x.measured.length)),
  ];
  console.log('');
  for (const t of rows)
    console.log(
      `${t.what.padEnd(w[0] as number)}  ${t.target.padEnd(w[1] as number)}  ${t.measured.padEnd(w[2] as number)}  ${t.met === null ? '' : t.met ? 'met' : 'NOT MET'}`,
    );
  console.log('');
}

/** Writes `launch-day-<time>.json/.html` and copies them to `launch-day.json/.html` (the latest). */
export function writeReports(r: BenchReport): { json: string; html: string } {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = r.startedAt.replace(/[:.]/g, '-');
  const json = path.join(RESULTS_DIR, `launch-day-${stamp}.json`);
  const page = path.join(RESULTS_DIR, `launch-day-${stamp}.html`);
  writeFileSync(json, JSON.stringify(r, null, 2));
  writeFileSync(page, renderHtml(r));
  copyFileSync(json, path.join(RESULTS_DIR, 'launch-day.json'));
  copyFileSync(page, path.join(RESULTS_DIR, 'launch-day.html'));
  printTable(r);
  console.log(markdownTable(r));
  return { json, html: page };
}
