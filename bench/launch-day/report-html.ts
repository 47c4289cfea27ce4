import { lineChart } from './charts.js';
import type { CapacityStep, OverloadRun } from './overload.js';
import type { PhaseResult } from './recorder.js';
import { perSecond, targetRows, type BenchReport } from './report.js';

/** The charts of a run as standalone SVG files (for docs/performance/), by file name. */
export function chartFiles(r: BenchReport): Record<string, string> {
  const files: Record<string, string> = {};
  const slug = (o: OverloadRun) =>
    `${o.client === 'plain' ? 'overload' : 'retry'}-${o.client === 'plain' ? (o.protection ? 'protected' : 'unprotected') : o.client}`;
  for (const o of r.overloads) {
    const [throughput, latency] = overloadSvgs(o);
    files[`${slug(o)}-throughput.svg`] = throughput;
    files[`${slug(o)}-latency.svg`] = latency;
  }
  if (r.capacity) files['capacity.svg'] = capacitySvg(r.capacity.steps);
  return files;
}

function capacitySvg(steps: CapacityStep[]): string {
  return lineChart({
    title: 'Capacity search: p99 per step',
    xLabel: 'offered req/s',
    yLabel: 'ms (log)',
    log: true,
    hLine: { y: 200, label: '200 ms' },
    series: [
      {
        name: 'p99',
        color: '#7c3aed',
        points: [...steps]
          .sort((a, b) => a.rate - b.rate)
          .map((s) => [s.rate, s.result.latency.all.p99]),
      },
    ],
  });
}

function overloadSvgs(o: OverloadRun): [string, string] {
  const shift = o.overload.seconds;
  const both = [
    ...o.overload.timeline.slice(0, Math.ceil(shift)),
    ...o.recovery.timeline.map((p) => ({ ...p, t: p.t + shift })),
  ];
  const pts = (f: (p: (typeof both)[number]) => number | null) =>
    both.map((p) => [p.t, f(p)] as [number, number | null]);
  const mark = { x: shift, label: 'load stops' };
  return [
    lineChart({
      title: `${o.label}: throughput`,
      xLabel: 'seconds',
      yLabel: 'per second',
      markX: mark,
      series: [
        { name: 'sent', color: '#9ca3af', points: pts((p) => p.sent) },
        { name: 'goodput', color: '#16a34a', points: pts((p) => p.goodput) },
        { name: 'rejected', color: '#f59e0b', points: pts((p) => p.rejected) },
        { name: 'errors', color: '#dc2626', points: pts((p) => p.errors) },
      ],
    }),
    lineChart({
      title: `${o.label}: latency`,
      xLabel: 'seconds',
      yLabel: 'ms (log)',
      log: true,
      markX: mark,
      hLine: { y: 200, label: '200 ms deadline' },
      series: [
        { name: 'p50', color: '#2563eb', points: pts((p) => p.p50) },
        { name: 'p99', color: '#7c3aed', points: pts((p) => p.p99) },
        { name: 'rejection p99', color: '#f59e0b', points: pts((p) => p.rejectP99) },
      ],
    }),
  ];
}

function overloadCharts(o: OverloadRun): string {
  const [throughput, latency] = overloadSvgs(o);
  return `<figure>${throughput}${latency}<figcaption>${o.overload.timeline.length} s of overload at ${o.overload.offeredPerSecond}/s, then ${o.recovery.offeredPerSecond}/s.</figcaption></figure>`;
}

/** The HTML report: targets, then each part with its charts and tables. */
export function renderHtml(r: BenchReport): string {
  const esc = (s: string) =>
    s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] as string);
  const table = (rows: string[][]) =>
    `<table>${rows.map((row, i) => `<tr>${row.map((c) => (i === 0 ? `<th>${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`).join('')}</table>`;
  const targets = table([
    ['What', 'Target', 'Measured', 'Met'],
    ...targetRows(r).map((t) => [
      t.what,
      t.target,
      t.measured,
      t.met === null ? '' : t.met ? 'yes' : 'NO',
    ]),
  ]);
  const cap = r.capacity
    ? capacitySvg(r.capacity.steps) +
      table([
        ['Offered/s', 'p50 ms', 'p99 ms', 'ok', 'refused', 'verdict'],
        ...r.capacity.steps.map((s) => [
          String(s.rate),
          String(s.result.latency.all.p50),
          String(s.result.latency.all.p99),
          String(s.result.counts.ok),
          String(s.result.counts.rejected503 + s.result.counts.rejected429),
          s.passed ? 'pass' : 'fail',
        ]),
      ])
    : '<p>not run</p>';
  const pair = (a?: OverloadRun, b?: OverloadRun) =>
    a || b
      ? `<div class="pair">${a ? overloadCharts(a) : ''}${b ? overloadCharts(b) : ''}</div>`
      : '';
  const find = (client: string, protection: boolean) =>
    r.overloads.find((o) => o.client === client && o.protection === protection);
  const logins = r.logins
    ? table([
        ['Offered/s', 'Logins/s', 'p50 ms', 'p99 ms', '429', '503'],
        ...r.logins.map((s) => [
          String(s.offeredPerSecond),
          String(Math.round(perSecond(s.result))),
          String(s.result.latency.ok.p50),
          String(s.result.latency.ok.p99),
          String(s.result.counts.rejected429),
          String(s.result.counts.rejected503),
        ]),
      ])
    : '<p>not run</p>';
  const sockets = r.sockets
    ? table([
        [
          'Server',
          'Held',
          'Failed',
          'Connect s',
          'RSS before MB',
          'RSS after MB',
          'KiB per connection',
        ],
        ...r.sockets.results.map((s) => [
          s.server,
          String(s.connected),
          String(s.failed),
          String(s.connectSeconds),
          String(s.rssBeforeMb),
          String(s.rssAfterMb),
          s.bytesPerConnection === null ? 'n/a' : (s.bytesPerConnection / 1024).toFixed(1),
        ]),
      ])
    : '<p>not run</p>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Playloop launch-day benchmark ${esc(r.startedAt)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:1200px;color:#111}table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #d1d5db;padding:.25rem .5rem;text-align:left;font-size:.9rem}.pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem}figure{margin:0}figcaption{font-size:.8rem;color:#4b5563}code{background:#f3f4f6;padding:0 .2rem}</style></head><body>
<h1>Playloop launch-day benchmark</h1>
<p>${esc(r.startedAt)} · <code>${esc(r.command)}</code>${r.quick ? ' · <strong>quick run: checks the bench, numbers are not measurements</strong>' : ''}</p>
<p>Machine: ${esc(JSON.stringify(r.machine))}</p>
<h2>Targets</h2>${targets}
<h2>Capacity</h2>${cap}
<h2>Overload: protection on and off</h2>${pair(find('plain', true), find('plain', false))}
<h2>Retry storm: naive clients and the shared retry policy</h2>${pair(find('naive', true), find('policy', true))}
<h2>Logins</h2>${logins}
<h2>Session resumes and waiting room</h2>${table([['Run', 'Calls/s', 'p50 ms', 'p99 ms', 'Refused', 'Errors'], ...[r.resumes, r.waitingRoom].filter((x): x is PhaseResult => x !== null).map((x) => [x.name, String(Math.round(perSecond(x))), String(x.latency.ok.p50), String(x.latency.ok.p99), String(x.counts.rejected429 + x.counts.rejected503), String(x.counts.error5xx + x.counts.error4xx + x.counts.failed)])])}
<h2>Concurrent sockets</h2>${sockets}
<h2>Settings</h2><pre>${esc(JSON.stringify(r.settings, null, 2))}</pre>
</body></html>`;
}
