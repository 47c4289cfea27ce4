// npm run bench [-- --only=capacity,overload,retry,logins,resumes,waiting-room,sockets --quick --no-build]
//
// The launch-day benchmark: starts a throwaway Playloop (built api, worker and realtime on
// loopback, a fresh database and Redis prefix) and measures capacity, 10x overload with and without
// protection, a retry storm with naive and with policy clients, logins and session resumes per
// second, waiting-room throughput and the Socket.IO connections one realtime process holds. Prints
// a table and writes JSON and an HTML report (inline SVG charts) to bench/results/.
// Durations: BENCH_* variables or flags (see `settings` below); `--quick` runs every part for a few
// seconds, to check that the bench works, not to measure.
import os from 'node:os';
import { insertUsers } from './launch-day/fixtures.js';
import {
  measureCapacity,
  runOverload,
  BENCH_API_ENV,
  type OverloadRun,
} from './launch-day/overload.js';
import { build, startPlatform } from './launch-day/platform.js';
import { writeReports, type BenchReport } from './launch-day/report.js';
import { measureLogins, measureResumes, measureWaitingRoom } from './launch-day/sessions.js';
import { measureSockets } from './launch-day/sockets.js';

const args = process.argv.slice(2);
const flag = (name: string) =>
  args.find((a) => a === `--${name}` || a.startsWith(`--${name}=`))?.split('=')[1] ??
  (args.includes(`--${name}`) ? 'true' : undefined);
const quick = flag('quick') === 'true';
const num = (env: string, full: number, short: number) =>
  Number(process.env[env] ?? (quick ? short : full));
const settings = {
  capacityStepSeconds: num('BENCH_CAPACITY_STEP_SECONDS', 12, 4),
  capacityStartRate: num('BENCH_CAPACITY_START_RATE', 200, 200),
  capacityMaxRate: num('BENCH_CAPACITY_MAX_RATE', 20_000, 700),
  /** Pins capacity (skips the search), e.g. to rerun only the overload part. */
  capacityOverride: process.env.BENCH_CAPACITY ? Number(process.env.BENCH_CAPACITY) : null,
  overloadMultiplier: num('BENCH_OVERLOAD_MULTIPLIER', 10, 10),
  overloadSeconds: num('BENCH_OVERLOAD_SECONDS', 120, 5),
  recoverySeconds: num('BENCH_RECOVERY_SECONDS', 40, 5),
  loginRates: (process.env.BENCH_LOGIN_RATES ?? (quick ? '60,180' : '60,120,180,300'))
    .split(',')
    .map(Number),
  loginStepSeconds: num('BENCH_LOGIN_STEP_SECONDS', 10, 3),
  resumeSeconds: num('BENCH_RESUME_SECONDS', 15, 3),
  waitingRoomSeconds: num('BENCH_WAITING_ROOM_SECONDS', 15, 3),
  sockets: num('BENCH_SOCKETS', 20_000, 2_000),
};
const all = ['capacity', 'overload', 'retry', 'logins', 'resumes', 'waiting-room', 'sockets'];
const only = new Set((flag('only') ?? all.join(',')).split(','));

const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.type()} ${os.release()}`,
  loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
};
console.log(
  `bench: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}${quick ? ' (quick: checks the bench, does not measure)' : ''}`,
);

build(flag('no-build') === 'true');
const platform = await startPlatform();
const stopEverything = async () => {
  await platform.stopAll().catch((err: unknown) => console.error('bench: cleanup failed', err));
};
process.once('SIGINT', () => void stopEverything().then(() => process.exit(130)));

const report: BenchReport = {
  startedAt: new Date().toISOString(),
  quick,
  machine,
  settings,
  command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
  capacity: null,
  overloads: [],
  logins: null,
  resumes: null,
  waitingRoom: null,
  sockets: null,
};
try {
  await platform.start('worker');
  await platform.start('realtime', { ALLOW_NO_ORIGIN: 'true' });
  await platform.start('api', BENCH_API_ENV);
  const players = await insertUsers(platform.databaseUrl, 'p', 20_000);

  let capacity = settings.capacityOverride ?? 0;
  if (only.has('capacity') && !settings.capacityOverride) {
    console.log('bench: capacity (mixed player workload, p99 < 200 ms)…');
    const found = await measureCapacity(platform, players, {
      stepSeconds: settings.capacityStepSeconds,
      startRate: settings.capacityStartRate,
      maxRate: settings.capacityMaxRate,
    });
    capacity = found.capacity;
    report.capacity = { requestsPerSecond: capacity, steps: found.steps };
  }
  if (!capacity) capacity = settings.capacityStartRate;

  const overload = (label: string, client: OverloadRun['client'], protection: boolean) => {
    console.log(
      `bench: ${label} (${settings.overloadMultiplier}× ${capacity}/s for ${settings.overloadSeconds} s)…`,
    );
    return runOverload(platform, players, {
      label,
      capacity,
      multiplier: settings.overloadMultiplier,
      overloadSeconds: settings.overloadSeconds,
      recoverySeconds: settings.recoverySeconds,
      client,
      protection,
    });
  };
  if (only.has('overload')) {
    report.overloads.push(await overload('overload, protection on', 'plain', true));
    report.overloads.push(await overload('overload, protection off', 'plain', false));
  }
  if (only.has('retry')) {
    report.overloads.push(await overload('retry storm, naive clients', 'naive', true));
    report.overloads.push(await overload('retry storm, shared retry policy', 'policy', true));
  }
  await platform.start('api', BENCH_API_ENV);

  if (only.has('logins')) {
    console.log('bench: logins (argon2id, OWASP parameters)…');
    const loginUsers = await insertUsers(platform.databaseUrl, 'login', 3000, {
      realPasswords: true,
    });
    report.logins = await measureLogins(platform, loginUsers, {
      rates: settings.loginRates,
      stepSeconds: settings.loginStepSeconds,
    });
  }
  if (only.has('resumes')) {
    console.log('bench: session resumes (refresh cookie)…');
    const resumeUsers = await insertUsers(platform.databaseUrl, 'resume', quick ? 5_000 : 80_000);
    report.resumes = await measureResumes(platform, resumeUsers, {
      seconds: settings.resumeSeconds,
      concurrency: 64,
      warmUpSeconds: quick ? 2 : 5,
    });
    console.log(
      `  ${report.resumes.counts.ok} resumes in ${report.resumes.seconds} s, p99 ${report.resumes.latency.ok.p99} ms`,
    );
  }
  if (only.has('waiting-room')) {
    console.log('bench: waiting room join and position…');
    const [admin] = await insertUsers(platform.databaseUrl, 'admin', 1, { role: 'admin' });
    report.waitingRoom = await measureWaitingRoom(platform, admin as NonNullable<typeof admin>, {
      seconds: settings.waitingRoomSeconds,
      concurrency: 64,
    });
    console.log(
      `  ${Math.round(report.waitingRoom.counts.ok / report.waitingRoom.seconds)} calls/s, p99 ${report.waitingRoom.latency.ok.p99} ms`,
    );
  }
  if (only.has('sockets')) {
    console.log(`bench: concurrent sockets (${settings.sockets} asked)…`);
    await platform.stop('api');
    await platform.stop('worker');
    report.sockets = await measureSockets(platform, settings.sockets);
  }
} finally {
  await stopEverything();
}
const files = writeReports(report);
console.log(`bench: wrote ${files.json}\nbench: wrote ${files.html}`);
