// npm run bench:report [-- bench/results/launch-day.json] [--markdown | --docs]
// Re-renders the HTML report of a launch-day run; `--markdown` prints its tables; `--docs` writes the
// charts to docs/performance/ and replaces the results section of docs/PERFORMANCE.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { markdownTable, writeReports, type BenchReport } from './launch-day/report.js';
import { chartFiles } from './launch-day/report-html.js';
import { ROOT } from './launch-day/platform.js';

const file =
  process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'bench/results/launch-day.json';
const report = JSON.parse(readFileSync(file, 'utf8')) as BenchReport;

if (process.argv.includes('--markdown')) {
  console.log(markdownTable(report));
} else if (process.argv.includes('--docs')) {
  const dir = path.join(ROOT, 'docs', 'performance');
  mkdirSync(dir, { recursive: true });
  const charts = chartFiles(report);
  for (const [name, svg] of Object.entries(charts)) writeFileSync(path.join(dir, name), svg);
  const m = report.machine as {
    cpus?: number;
    cpuModel?: string;
    memoryGb?: number;
    node?: string;
    loadAverageAtStart?: number[];
  };
  const section = [
    '<!-- bench:results:start -->',
    `Run of ${report.startedAt}: \`${report.command}\` on ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node} (load average at start ${m.loadAverageAtStart?.join(' ')}).${report.quick ? ' **Quick run: these numbers only show that the bench works.**' : ''}`,
    '',
    markdownTable(report),
    '',
    ...Object.keys(charts)
      .sort()
      .map((name) => `![${name.replace(/\.svg$/, '').replace(/-/g, ' ')}](performance/${name})`),
    '<!-- bench:results:end -->',
  ].join('\n');
  const doc = path.join(ROOT, 'docs', 'PERFORMANCE.md');
  const text = readFileSync(doc, 'utf8');
  const updated = text.replace(
    /<!-- bench:results:start -->[\s\S]*<!-- bench:results:end -->/,
    section,
  );
  if (updated === text && !text.includes(section))
    throw new Error('docs/PERFORMANCE.md has no <!-- bench:results:start --> … end --> section');
  writeFileSync(doc, updated);
  console.log(
    `bench: wrote ${Object.keys(charts).length} charts to docs/performance/ and the results into docs/PERFORMANCE.md`,
  );
} else {
  writeReports(report);
}
