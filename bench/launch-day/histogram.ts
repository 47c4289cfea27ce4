/**
 * A latency histogram with ~2% relative error from 10 µs to ~10 min in fixed memory: buckets grow
 * geometrically, so millions of samples cost a few kilobytes.
 */
const MIN_MS = 0.01;
const GROWTH = 1.02;
const BUCKETS = Math.ceil(Math.log(600_000 / MIN_MS) / Math.log(GROWTH)) + 1;
const LOG_GROWTH = Math.log(GROWTH);

export class Histogram {
  readonly counts = new Uint32Array(BUCKETS);
  count = 0;
  max = 0;
  sum = 0;

  record(ms: number): void {
    const i =
      ms <= MIN_MS ? 0 : Math.min(BUCKETS - 1, Math.ceil(Math.log(ms / MIN_MS) / LOG_GROWTH));
    this.counts[i] = (this.counts[i] ?? 0) + 1;
    this.count += 1;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
  }

  merge(other: Histogram): void {
    for (let i = 0; i < BUCKETS; i++)
      this.counts[i] = (this.counts[i] ?? 0) + (other.counts[i] ?? 0);
    this.count += other.count;
    this.sum += other.sum;
    this.max = Math.max(this.max, other.max);
  }

  /** The value below which `q` (0..1) of the samples fall; null without samples. */
  quantile(q: number): number | null {
    if (this.count === 0) return null;
    const target = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i] ?? 0;
      if (seen >= target) return Math.min(this.max, MIN_MS * GROWTH ** i);
    }
    return this.max;
  }

  summary() {
    const r = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
    return {
      count: this.count,
      p50: r(this.quantile(0.5)),
      p90: r(this.quantile(0.9)),
      p99: r(this.quantile(0.99)),
      max: r(this.max),
      mean: r(this.count ? this.sum / this.count : null),
    };
  }
}
export type LatencySummary = ReturnType<Histogram['summary']>;
