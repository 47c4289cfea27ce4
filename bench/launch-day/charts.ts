/** Inline SVG line charts for the HTML report: no scripts, no fonts, no CDN. */
export interface Series {
  name: string;
  color: string;
  points: Array<[number, number | null]>;
}

const W = 560;
const H = 240;
const PAD = { left: 56, right: 12, top: 28, bottom: 44 };
const esc = (s: string) =>
  s.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string,
  );

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return ([1, 2, 5, 10].find((m) => m * p >= v) ?? 10) * p;
}

/** A line chart; `log` plots y on a log10 scale (latencies), `markX` draws a dashed vertical line. */
export function lineChart(opts: {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  log?: boolean;
  markX?: { x: number; label: string } | null;
  hLine?: { y: number; label: string } | null;
}): string {
  const xs = opts.series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = opts.series.flatMap((s) =>
    s.points.map((p) => p[1]).filter((v): v is number => v !== null && v > 0),
  );
  const xMax = Math.max(1, ...xs);
  const yMaxRaw = Math.max(opts.hLine?.y ?? 0, ...ys, opts.log ? 1 : 0);
  const yMin = opts.log
    ? 10 ** Math.floor(Math.log10(Math.max(0.1, Math.min(...ys, opts.hLine?.y ?? Infinity))))
    : 0;
  const yMax = opts.log
    ? 10 ** Math.ceil(Math.log10(Math.max(yMaxRaw, yMin * 10)))
    : niceMax(yMaxRaw);
  const px = (x: number) => PAD.left + (x / xMax) * (W - PAD.left - PAD.right);
  const py = (y: number) => {
    const f = opts.log
      ? (Math.log10(Math.max(y, yMin)) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))
      : y / yMax;
    return H - PAD.bottom - f * (H - PAD.top - PAD.bottom);
  };
  const ticks = opts.log
    ? Array.from({ length: Math.round(Math.log10(yMax / yMin)) + 1 }, (_, i) => yMin * 10 ** i)
    : [0, 0.25, 0.5, 0.75, 1].map((f) => f * yMax);
  const grid = ticks
    .map(
      (t) =>
        `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${py(t)}" y2="${py(t)}" stroke="#e5e7eb"/><text x="${PAD.left - 6}" y="${py(t) + 4}" text-anchor="end">${t >= 1000 ? `${t / 1000}k` : t}</text>`,
    )
    .join('');
  const xTicks = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => Math.round(f * xMax))
    .map((x) => `<text x="${px(x)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${x}</text>`)
    .join('');
  const lines = opts.series
    .map((s) => {
      const segs: string[] = [];
      let d = '';
      for (const [x, y] of s.points) {
        if (y === null || (opts.log && y <= 0)) {
          if (d) segs.push(d);
          d = '';
          continue;
        }
        d += `${d ? 'L' : 'M'}${px(x).toFixed(1)},${py(y).toFixed(1)}`;
      }
      if (d) segs.push(d);
      return segs
        .map((seg) => `<path d="${seg}" fill="none" stroke="${s.color}" stroke-width="1.6"/>`)
        .join('');
    })
    .join('');
  const legend = opts.series
    .map(
      (s, i) =>
        `<rect x="${PAD.left + i * 130}" y="${H - 14}" width="10" height="10" fill="${s.color}"/><text x="${PAD.left + 14 + i * 130}" y="${H - 5}">${esc(s.name)}</text>`,
    )
    .join('');
  const mark = opts.markX
    ? `<line x1="${px(opts.markX.x)}" x2="${px(opts.markX.x)}" y1="${PAD.top}" y2="${H - PAD.bottom}" stroke="#6b7280" stroke-dasharray="4 3"/><text x="${px(opts.markX.x) + 4}" y="${PAD.top + 10}">${esc(opts.markX.label)}</text>`
    : '';
  const hLine = opts.hLine
    ? `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${py(opts.hLine.y)}" y2="${py(opts.hLine.y)}" stroke="#dc2626" stroke-dasharray="2 3"/><text x="${W - PAD.right - 4}" y="${py(opts.hLine.y) - 4}" text-anchor="end" fill="#dc2626">${esc(opts.hLine.label)}</text>`
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="system-ui, sans-serif" font-size="10" role="img" aria-label="${esc(opts.title)}">
<text x="${PAD.left}" y="16" font-size="12" font-weight="600">${esc(opts.title)}</text>${grid}${xTicks}
<text x="${W - PAD.right}" y="${H - PAD.bottom + 28}" text-anchor="end">${esc(opts.xLabel)}</text>
<text x="12" y="${PAD.top + 8}" transform="rotate(-90 12 ${PAD.top + 8})" text-anchor="end">${esc(opts.yLabel)}</text>${hLine}${mark}${lines}${legend}</svg>`;
}
