// npm run bench:referral-links [-- --duration=10 --connections=50 --codes=20 --visitors=5000 --rounds=3 --log-level=info --profile]
// Service logs: bench/results/referral-logs/; with --profile, V8 CPU profiles: bench/results/referral-profiles/.
//
// How fast is the invite link `/r/<code>` — the request a viral share turns into a flood — next to
// the fastest thing Express 5 can do on this machine? One built api process (`node
// apps/api/dist/main.js`) and one Express hello-world process, driven in turn by the same load
// generator for the same time; browsers with varied visitor cookies over several codes. Also
// checks that the link never reaches Postgres in steady state and that every click was counted.
import { randomBytes } from 'node:crypto';
import { createPool, createRedis } from '@playloop/core';
import { insertTestCampaign } from '@playloop/core/testing';
import {
  conditions,
  numberFlag,
  printConditions,
  stringFlag,
  writeResult,
} from './referral-lib/conditions.js';
import { runInterleaved, type LoadResult, type LoadTarget } from './referral-lib/load.js';
import { watchPostgres } from './referral-lib/postgres-watch.js';
import { createReferrers } from './referral-lib/referrers.js';
import {
  createBenchServices,
  ensureBuilt,
  profileArgs,
  startService,
  type Service,
} from './referral-lib/stack.js';

const durationSeconds = numberFlag('duration', 10);
const connections = numberFlag('connections', 50);
const codeCount = numberFlag('codes', 20);
const visitorCount = numberFlag('visitors', 5000);
const rounds = numberFlag('rounds', 3);
const logLevel = stringFlag('log-level', ['info', 'warn', 'silent'] as const, 'info');
const warmupSeconds = Math.min(3, durationSeconds);
const TARGET = { ratio: 0.6, p99Ms: 50 };
const BROWSER_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Mobile Safari/537.36';

const machine = conditions();
printConditions(machine);
ensureBuilt('api');
const services = await createBenchServices('links');
const pool = createPool({
  connectionString: services.databaseUrl,
  max: 4,
  applicationName: 'bench',
});
const redis = createRedis(services.redisUrl);
const running: Service[] = [];

/** Sum of pending click counters (`c|<code>|<day>` fields): nothing flushes them in this bench. */
async function pendingClicks(): Promise<number> {
  const counts = await redis.hgetall(`${services.redisPrefix}clicks:pending`);
  return Object.entries(counts)
    .filter(([field]) => field.startsWith('c|'))
    .reduce((sum, [, n]) => sum + Number(n), 0);
}

try {
  const campaignId = await insertTestCampaign(pool);
  const api = await startService(
    'api',
    'apps/api/dist/main.js',
    {
      NODE_ENV: 'production',
      LOG_LEVEL: logLevel,
      HOST: '127.0.0.1',
      TRUST_PROXY: '1',
      DATABASE_URL: services.databaseUrl,
      REDIS_URL: services.redisUrl,
      REDIS_PREFIX: services.redisPrefix,
      JWT_SECRET: services.jwtSecret,
    },
    { nodeArgs: profileArgs('api') },
  );
  running.push(api);
  const hello = await startService(
    'hello-world',
    'bench/referral-lib/hello-world.mjs',
    {},
    { readyPath: '/' },
  );
  running.push(hello);

  const referrers = await createReferrers(pool, {
    count: codeCount,
    campaignId,
    jwtSecret: services.jwtSecret,
    apiBase: api.url,
  });
  const codes = referrers.map((r) => r.code);
  // Each visitor has its own cookie and address (behind one router, as on OpenShift: TRUST_PROXY=1).
  const visitors = Array.from({ length: visitorCount }, (_, i) => ({
    cookie: `pl_vid=${randomBytes(16).toString('base64url')}`,
    ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
  }));
  const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)] as T;
  const visitor = () => {
    const v = pick(visitors);
    return { 'user-agent': BROWSER_UA, cookie: v.cookie, 'x-forwarded-for': v.ip };
  };

  const probe = await fetch(`${api.url}/r/${codes[0]}`, { headers: visitor(), redirect: 'manual' });
  if (probe.status !== 302) throw new Error(`/r/<code> answered ${probe.status}, expected 302`);

  const linkLoad: LoadTarget = {
    name: '/r/<code>',
    url: api.url,
    pid: api.child.pid,
    nextRequest: () => ({ path: `/r/${pick(codes)}`, headers: visitor() }),
  };
  const helloLoad: LoadTarget = {
    name: 'hello-world',
    url: hello.url,
    pid: hello.child.pid,
    nextRequest: () => ({ path: '/', headers: visitor() }),
  };

  console.log(`warming up ${warmupSeconds} s each…`);
  await runInterleaved([linkLoad, helloLoad], { seconds: warmupSeconds, connections, rounds: 1 });

  console.log(
    `measuring ${durationSeconds} s each, ${connections} connections, in ${rounds} interleaved rounds…`,
  );
  const clicksBefore = await pendingClicks();
  const watch = await watchPostgres(services.databaseUrl, services.databaseName, 'playloop-api');
  const [link, reference] = (await runInterleaved([linkLoad, helloLoad], {
    seconds: durationSeconds,
    connections,
    rounds,
  })) as [LoadResult, LoadResult];
  const postgres = await watch.end();
  const clicksCounted = (await pendingClicks()) - clicksBefore;

  const ratio = Number((link.requestsPerSecond / reference.requestsPerSecond).toFixed(2));
  // Server CPU per request is far less sensitive to other load on the machine than req/s: its
  // ratio is what the req/s ratio would be with a core to each server.
  const cpuRatio =
    link.serverCpuMsPerRequest && reference.serverCpuMsPerRequest
      ? Number((reference.serverCpuMsPerRequest / link.serverCpuMsPerRequest).toFixed(2))
      : null;
  const redirects = link.statusCodes['302'] ?? 0;
  const checks = {
    allRedirected: redirects === link.requests && link.errors === 0,
    postgresUntouched: postgres.backendsThatQueried === 0 && postgres.newBackends === 0,
    // Requests still in flight when the generator stopped were counted by the server, not by it.
    everyClickCounted:
      clicksCounted >= redirects && clicksCounted <= redirects + connections * rounds,
    ratioMet: ratio >= TARGET.ratio,
    p99Met: link.latencyMs.p99 <= TARGET.p99Ms,
  };

  const row = (name: string, r: LoadResult) =>
    console.log(
      `${name.padEnd(14)} ${String(r.requestsPerSecond).padStart(7)} req/s   p50 ${String(r.latencyMs.p50).padStart(4)} ms   p99 ${String(r.latencyMs.p99).padStart(4)} ms   server CPU ${r.serverCpuMsPerRequest ?? '?'} ms/req   statuses ${JSON.stringify(r.statusCodes)}`,
    );
  console.log(
    `\n/r/<code>: ${codeCount} codes, ${visitorCount} visitor cookies, browser UA; api LOG_LEVEL=${logLevel}; ${link.seconds.toFixed(1)} s each (${rounds} interleaved rounds) × ${connections} connections, pipelining 1`,
  );
  row('/r/<code>', link);
  row('hello-world', reference);
  console.log(
    `ratio ${ratio} (target ≥ ${TARGET.ratio}; by server CPU per request: ${cpuRatio ?? 'n/a'}); /r p99 ${link.latencyMs.p99} ms (target ≤ ${TARGET.p99Ms} ms)`,
  );
  console.log(
    `Postgres during the run: ${postgres.backendsThatQueried} api backends queried, ${postgres.newBackends} connected${postgres.lastQueries.length ? ` (${postgres.lastQueries.join(' | ')})` : ''}`,
  );
  console.log(`clicks counted in Redis: ${clicksCounted} for ${redirects} redirects answered`);
  console.log(`checks: ${JSON.stringify(checks)}`);

  const file = writeResult('referral-links', {
    bench: 'referral-links',
    conditions: {
      ...machine,
      durationSeconds,
      rounds,
      connections,
      codes: codeCount,
      visitors: visitorCount,
      apiLogLevel: logLevel,
      warmupSeconds,
    },
    targets: TARGET,
    link,
    helloWorld: reference,
    ratio,
    cpuRatio,
    postgres,
    clicksCounted,
    checks,
  });
  console.log(`written: ${file}`);
  if (!checks.allRedirected || !checks.postgresUntouched || !checks.everyClickCounted)
    process.exitCode = 1;
} finally {
  await Promise.all(running.map((s) => s.stop()));
  redis.disconnect();
  await pool.end();
  await services.cleanup();
}
