import { rssOf, type Platform } from './platform.js';
import { accessTokens, type BenchUser } from './fixtures.js';
import { runOpenLoop, type ClientKind, type LoadStats } from './http-load.js';
import { Recorder, type PhaseResult } from './recorder.js';
import { playerWorkload } from './workload.js';

export const DEADLINE_MS = 200;
/** Protection switched off: no shedding, no rate limits (the waiting room stays off in these runs). */
export const UNPROTECTED_ENV = { SHED_ENABLED: 'false', RATE_LIMITS_ENABLED: 'false' };
export const BENCH_API_ENV = { TRUST_PROXY: '1' };

export interface CapacityStep {
  rate: number;
  passed: boolean;
  result: PhaseResult;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const passes = (r: PhaseResult) => {
  const answered = Object.values(r.counts).reduce((a, b) => a + b, 0);
  return (r.latency.all.p99 ?? Infinity) <= DEADLINE_MS && r.counts.ok >= answered * 0.995;
};

/**
 * Capacity: the highest request rate of the mixed player workload served with p99 under the
 * deadline and (almost) nothing refused. After an unrecorded warm-up, rates grow by half until a
 * step fails, then the gap between the last pass and the first failure is bisected twice.
 */
export async function measureCapacity(
  p: Platform,
  users: BenchUser[],
  opts: { stepSeconds: number; startRate: number; maxRate: number },
) {
  const api = p.service('api');
  if (!api?.url) throw new Error('api not running');
  const steps: CapacityStep[] = [];
  // A fresh api pays for its JIT, its Postgres connections and its caches in the first second
  // (p50 ~75 ms there, ~2 ms after): warm it at the start rate first, unrecorded, so the search
  // measures the steady state instead of failing its first step on the cold start.
  await runOpenLoop({
    origin: api.url,
    rate: () => opts.startRate,
    durationMs: Math.min(5, opts.stepSeconds) * 1000,
    next: playerWorkload(users, accessTokens(p.jwtSecret, users)),
    recorder: new Recorder('capacity warm-up', DEADLINE_MS, opts.startRate),
  });
  await sleep(1000);
  const step = async (rate: number) => {
    const recorder = new Recorder(`capacity ${rate}/s`, DEADLINE_MS, rate);
    await runOpenLoop({
      origin: api.url as string,
      rate: () => rate,
      durationMs: opts.stepSeconds * 1000,
      next: playerWorkload(users, accessTokens(p.jwtSecret, users)),
      recorder,
    });
    const result = recorder.result(opts.stepSeconds);
    const passed = passes(result);
    steps.push({ rate, passed, result });
    console.log(
      `  capacity step ${rate}/s: p99 ${result.latency.all.p99} ms, ok ${result.counts.ok}/${result.sent} → ${passed ? 'pass' : 'fail'}`,
    );
    await sleep(1000);
    return passed;
  };
  let good = 0;
  let bad = 0;
  for (let rate = opts.startRate; rate <= opts.maxRate; rate = Math.round(rate * 1.5)) {
    if (await step(rate)) good = rate;
    else {
      bad = rate;
      break;
    }
  }
  if (bad === 0) return { capacity: good, steps };
  for (let i = 0; i < 2 && bad - good > good * 0.05; i++) {
    const mid = Math.round((good + bad) / 2);
    if (await step(mid)) good = mid;
    else bad = mid;
  }
  return { capacity: good, steps };
}

export interface OverloadRun {
  label: string;
  client: ClientKind;
  protection: boolean;
  capacity: number;
  overload: PhaseResult;
  recovery: PhaseResult;
  load: LoadStats;
  /** Seconds after the load stopped until every following second had p99 under the deadline and no failures. */
  recoverySeconds: number | null;
  goodputShareOfCapacity: number;
  apiPeakRssMb: number;
  apiExited: boolean;
}

/**
 * `multiplier` × capacity for `overloadSeconds`, then half the capacity for `recoverySeconds`, on an
 * api (re)started with the given protection. Goodput is 2xx within the deadline.
 */
export async function runOverload(
  p: Platform,
  users: BenchUser[],
  opts: {
    label: string;
    capacity: number;
    multiplier: number;
    overloadSeconds: number;
    recoverySeconds: number;
    client: ClientKind;
    protection: boolean;
  },
): Promise<OverloadRun> {
  const api = await p.start('api', {
    ...BENCH_API_ENV,
    ...(opts.protection ? {} : UNPROTECTED_ENV),
  });
  const origin = api.url as string;
  const tokens = accessTokens(p.jwtSecret, users);
  // Warm-up (JIT, connection pools) at half capacity, not recorded.
  await runOpenLoop({
    origin,
    rate: () => opts.capacity / 2,
    durationMs: 3000,
    next: playerWorkload(users, tokens),
    recorder: new Recorder('warm-up', DEADLINE_MS, 0),
  });

  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(api.pid))), 500);
  const offered = opts.capacity * opts.multiplier;
  const overloadRecorder = new Recorder(`${opts.label}: overload`, DEADLINE_MS, offered);
  const next = playerWorkload(users, tokens);
  const overload = runOpenLoop({
    origin,
    rate: () => offered,
    durationMs: opts.overloadSeconds * 1000,
    next,
    recorder: overloadRecorder,
    client: opts.client,
    connections: 512,
  });
  await sleep(opts.overloadSeconds * 1000);
  // The overload's stragglers (and retries) still finish while the normal load resumes.
  const recoveryRecorder = new Recorder(`${opts.label}: recovery`, DEADLINE_MS, opts.capacity / 2);
  const recovery = runOpenLoop({
    origin,
    rate: () => opts.capacity / 2,
    durationMs: opts.recoverySeconds * 1000,
    next,
    recorder: recoveryRecorder,
    client: opts.client,
  });
  const [load] = await Promise.all([overload, recovery]);
  clearInterval(sampler);

  const overloadResult = overloadRecorder.result(opts.overloadSeconds);
  const recoveryResult = recoveryRecorder.result(opts.recoverySeconds);
  const line = recoveryResult.timeline;
  let recoverySeconds: number | null = null;
  for (let s = 0; s < line.length; s++) {
    if (
      line
        .slice(s)
        .every((pt) => (pt.p99 ?? 0) <= DEADLINE_MS && pt.errors === 0 && pt.rejected === 0)
    ) {
      recoverySeconds = s;
      break;
    }
  }
  return {
    label: opts.label,
    client: opts.client,
    protection: opts.protection,
    capacity: opts.capacity,
    overload: overloadResult,
    recovery: recoveryResult,
    load,
    recoverySeconds,
    goodputShareOfCapacity:
      Math.round((overloadResult.goodputPerSecond / Math.max(1, opts.capacity)) * 1000) / 1000,
    apiPeakRssMb: Math.round(peakRss / 1048576),
    apiExited: api.exit !== null,
  };
}
