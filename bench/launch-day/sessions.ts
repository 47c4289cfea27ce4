import { accessTokens, BENCH_PASSWORD, insertRefreshTokens, type BenchUser } from './fixtures.js';
import { runClosedLoop, runOpenLoop, type RequestSpec } from './http-load.js';
import type { Platform } from './platform.js';
import { Recorder, type PhaseResult } from './recorder.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let ipSeq = 0;
/** A fresh client address per request, so per-IP budgets do not decide what is measured. */
const nextIp = () => {
  ipSeq += 1;
  return `172.${16 + ((ipSeq >> 16) & 15)}.${(ipSeq >> 8) & 255}.${ipSeq & 255}`;
};

export interface LoginStep {
  offeredPerSecond: number;
  result: PhaseResult;
}

/**
 * Logins at the OWASP argon2id parameters, stepped up: each step offers a rate for `stepSeconds`
 * (open loop, distinct users and addresses). Past what the process can hash, the excess is refused
 * at once (503, or 429 when a budget is spent) instead of queueing.
 */
export async function measureLogins(
  p: Platform,
  users: BenchUser[],
  opts: { rates: number[]; stepSeconds: number },
): Promise<LoginStep[]> {
  const origin = p.service('api')?.url as string;
  const steps: LoginStep[] = [];
  let n = 0;
  for (const rate of opts.rates) {
    const recorder = new Recorder(`logins ${rate}/s`, 1000, rate);
    await runOpenLoop({
      origin,
      rate: () => rate,
      durationMs: opts.stepSeconds * 1000,
      recorder,
      next: () => {
        const u = users[n++ % users.length] as BenchUser;
        return {
          method: 'POST',
          path: '/api/auth/login',
          user: 0,
          headers: { 'content-type': 'application/json', 'x-forwarded-for': nextIp() },
          body: JSON.stringify({ email: u.email, password: BENCH_PASSWORD }),
        };
      },
    });
    const result = recorder.result(opts.stepSeconds);
    steps.push({ offeredPerSecond: rate, result });
    console.log(
      `  logins ${rate}/s: ok ${Math.round(result.counts.ok / opts.stepSeconds)}/s, p99 ${result.latency.ok.p99} ms, 429 ${result.counts.rejected429}, 503 ${result.counts.rejected503}`,
    );
    await sleep(1500);
  }
  return steps;
}

/**
 * Session resumes: returning players whose access token expired present their refresh cookie.
 * Closed loop, every token used once (rotation), distinct addresses. An unrecorded warm-up at the
 * same concurrency comes first, as for capacity: a fresh api ramps from ~500 to ~2,000 resumes/s
 * over its first four seconds (JIT, connections, the new tokens' pages), and the figure is the
 * steady state.
 */
export async function measureResumes(
  p: Platform,
  users: BenchUser[],
  opts: { seconds: number; concurrency: number; warmUpSeconds: number },
): Promise<PhaseResult> {
  const origin = p.service('api')?.url as string;
  const tokens = await insertRefreshTokens(p.databaseUrl, users);
  let i = 0;
  const next = (): RequestSpec | null => {
    const token = tokens[i++];
    if (!token) return null;
    return {
      method: 'POST',
      path: '/api/auth/refresh',
      user: 0,
      headers: { cookie: `pl_rt=${token}`, 'x-forwarded-for': nextIp() },
    };
  };
  await runClosedLoop({
    origin,
    concurrency: opts.concurrency,
    durationMs: opts.warmUpSeconds * 1000,
    recorder: new Recorder('session resumes warm-up', 200, 0),
    next,
  });
  await sleep(1000);
  const recorder = new Recorder('session resumes', 200, 0);
  await runClosedLoop({
    origin,
    concurrency: opts.concurrency,
    durationMs: opts.seconds * 1000,
    recorder,
    next,
  });
  if (i > tokens.length)
    throw new Error(`the resume bench ran out of refresh tokens (${tokens.length}): insert more`);
  return recorder.result(opts.seconds);
}

/**
 * Waiting room join and position calls with the room on: half take a new place, half ask where a
 * place stands (with the ticket cookie the join set), as a queue of refreshing visitors does.
 */
export async function measureWaitingRoom(
  p: Platform,
  admin: BenchUser,
  opts: { seconds: number; concurrency: number },
): Promise<PhaseResult> {
  const origin = p.service('api')?.url as string;
  const adminToken = accessTokens(p.jwtSecret, [admin], 'admin')[0] as string;
  const setRoom = (body: object) =>
    fetch(`${origin}/api/admin/admission`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify(body),
    });
  const on = await setRoom({ mode: 'on', admitPerSecond: 50 });
  if (!on.ok) throw new Error(`could not switch the waiting room on: ${on.status}`);
  const tickets: string[] = [];
  const recorder = new Recorder('waiting room', 200, 0);
  let n = 0;
  await runClosedLoop({
    origin,
    concurrency: opts.concurrency,
    durationMs: opts.seconds * 1000,
    recorder,
    next: (): RequestSpec => {
      n += 1;
      const ticket = tickets.length ? tickets[n % tickets.length] : undefined;
      if (n % 2 === 0 && ticket)
        return {
          method: 'GET',
          path: '/api/waiting-room',
          user: 0,
          headers: { cookie: `pl_wrt=${ticket}`, 'x-forwarded-for': nextIp() },
        };
      return {
        method: 'POST',
        path: '/api/waiting-room/join',
        user: 0,
        headers: { 'content-type': 'application/json', 'x-forwarded-for': nextIp() },
        body: JSON.stringify({ visitorId: `bench-visitor-${n.toString(36).padStart(10, '0')}` }),
      };
    },
    onResponse: (_w, _status, headers) => {
      const set = headers['set-cookie'];
      const line = (Array.isArray(set) ? set : set ? [set] : []).find((c) =>
        c.startsWith('pl_wrt='),
      );
      if (line && tickets.length < 50_000)
        tickets.push(line.slice('pl_wrt='.length).split(';')[0] as string);
    },
  });
  await setRoom({ mode: 'off' });
  return recorder.result(opts.seconds);
}
