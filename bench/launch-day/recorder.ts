import { Histogram, type LatencySummary } from './histogram.js';

/**
 * What became of one request: `ok` a 2xx, `rejected429`/`rejected503` the deliberate refusals,
 * `error5xx` any other 5xx, `error4xx` another 4xx, `failed` no answer (network error, timeout).
 */
export type Outcome = 'ok' | 'rejected429' | 'rejected503' | 'error5xx' | 'error4xx' | 'failed';
const OUTCOMES: Outcome[] = ['ok', 'rejected429', 'rejected503', 'error5xx', 'error4xx', 'failed'];

export function outcomeOf(status: number): Outcome {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 429) return 'rejected429';
  if (status === 503) return 'rejected503';
  if (status >= 500) return 'error5xx';
  if (status === 0) return 'failed';
  return 'error4xx';
}

/** One second of a run, as charted. */
export interface SecondPoint {
  t: number;
  sent: number;
  ok: number;
  goodput: number;
  rejected: number;
  errors: number;
  p50: number | null;
  p99: number | null;
  rejectP99: number | null;
}

export interface PhaseResult {
  name: string;
  seconds: number;
  offeredPerSecond: number;
  sent: number;
  counts: Record<Outcome, number>;
  /** 2xx answered within the deadline, per second. */
  goodputPerSecond: number;
  latency: { ok: LatencySummary; rejected: LatencySummary; all: LatencySummary };
  timeline: SecondPoint[];
}

/**
 * Counts outcomes and latencies of a load phase, overall and per second (the charts' series).
 * Latency runs from when a request was *due*, not when it was sent, so a client that falls behind
 * (or a server that makes it) shows up in the numbers instead of hiding (coordinated omission).
 */
export class Recorder {
  private readonly startedAt = performance.now();
  private readonly counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<
    Outcome,
    number
  >;
  private readonly ok = new Histogram();
  private readonly rejected = new Histogram();
  private readonly all = new Histogram();
  private readonly seconds: Array<{
    sent: number;
    ok: number;
    goodput: number;
    rejected: number;
    errors: number;
    all: Histogram;
    rej: Histogram;
  }> = [];
  sent = 0;
  goodput = 0;

  constructor(
    readonly name: string,
    readonly deadlineMs: number,
    private readonly offeredPerSecond: number,
  ) {}

  private slot(at: number) {
    const i = Math.max(0, Math.floor((at - this.startedAt) / 1000));
    while (this.seconds.length <= i)
      this.seconds.push({
        sent: 0,
        ok: 0,
        goodput: 0,
        rejected: 0,
        errors: 0,
        all: new Histogram(),
        rej: new Histogram(),
      });
    return this.seconds[i] as (typeof this.seconds)[number];
  }

  recordSent(at = performance.now()): void {
    this.sent += 1;
    this.slot(at).sent += 1;
  }

  record(outcome: Outcome, latencyMs: number, at = performance.now()): void {
    this.counts[outcome] += 1;
    this.all.record(latencyMs);
    const s = this.slot(at);
    s.all.record(latencyMs);
    if (outcome === 'ok') {
      this.ok.record(latencyMs);
      s.ok += 1;
      if (latencyMs <= this.deadlineMs) {
        this.goodput += 1;
        s.goodput += 1;
      }
    } else if (outcome === 'rejected429' || outcome === 'rejected503') {
      this.rejected.record(latencyMs);
      s.rej.record(latencyMs);
      s.rejected += 1;
    } else {
      s.errors += 1;
    }
  }

  result(seconds = (performance.now() - this.startedAt) / 1000): PhaseResult {
    const r = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
    return {
      name: this.name,
      seconds: Math.round(seconds * 10) / 10,
      offeredPerSecond: this.offeredPerSecond,
      sent: this.sent,
      counts: { ...this.counts },
      // Only what completed inside the phase: retries and stragglers answered later (while the
      // next phase runs) are in the timeline, not in the phase's rate.
      goodputPerSecond: Math.round(
        this.seconds.slice(0, Math.ceil(seconds)).reduce((sum, s) => sum + s.goodput, 0) /
          Math.max(seconds, 0.001),
      ),
      latency: {
        ok: this.ok.summary(),
        rejected: this.rejected.summary(),
        all: this.all.summary(),
      },
      timeline: this.seconds.map((s, t) => ({
        t,
        sent: s.sent,
        ok: s.ok,
        goodput: s.goodput,
        rejected: s.rejected,
        errors: s.errors,
        p50: r(s.all.quantile(0.5)),
        p99: r(s.all.quantile(0.99)),
        rejectP99: r(s.rej.quantile(0.99)),
      })),
    };
  }
}
