// Small helpers shared by the root scripts (start, test, migrate, grant-role).
// Node builtins only: these run before `npm install` has had a chance to.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Everything a local run keeps on disk (private Postgres/Redis data, generated secrets). Gitignored. */
export const DATA_DIR = path.join(ROOT, '.data');

/** A problem the user can fix; its message is the single line we print. */
export class UserError extends Error {
  constructor(message, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** Progress lines from the scripts themselves, distinguishable from the apps' own logs. */
export function say(message) {
  console.log(`playloop  ${message}`);
}

/** An env var, treating empty strings as unset (a `.env` copied from `.env.example` has `KEY=`). */
export function envValue(name) {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
}

export function envFlag(name) {
  return ['1', 'true', 'yes'].includes((envValue(name) ?? '').toLowerCase());
}

/** `npm start`, `migrate` and `grant-role` honour a `.env` at the repo root; real env vars win. */
export function loadDotEnv() {
  const file = path.join(ROOT, '.env');
  if (!fs.existsSync(file)) return;
  const before = new Set(Object.keys(process.env));
  process.loadEnvFile(file);
  // `KEY=` lines (as in .env.example) mean "not set": drop them, or the apps' env parsing
  // would see an empty string instead of applying its default.
  for (const [key, value] of Object.entries(process.env)) {
    if (!before.has(key) && value === '') delete process.env[key];
  }
}

export function bin(name) {
  return path.join(ROOT, 'node_modules', '.bin', name);
}

/** Hides the password in a connection URL before it is printed. */
export function redactUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user (e.g. a Postgres running as `postgres`).
    return err.code === 'EPERM';
  }
}

// ---------------------------------------------------------------------------------------------
// Child processes. Every process a script starts is registered here so that Ctrl-C, SIGTERM or
// a crash can stop exactly those processes (by PID) and nothing else on the machine.

const tracked = new Set();

/**
 * Spawns a child in its own process group (`detached`) so a terminal Ctrl-C reaches only the
 * script: the script then stops children in order (apps first, databases last) and each child
 * receives exactly one signal, instead of racing the terminal's SIGINT.
 * Options beyond spawn's: `stopSignal` (what a last-resort stop sends) and `service: true` for
 * databases, which shutdown stops last.
 */
export function spawnTracked(command, args, options = {}) {
  const { stopSignal = 'SIGTERM', service = false, ...spawnOptions } = options;
  const child = spawn(command, args, { cwd: ROOT, detached: true, ...spawnOptions });
  const entry = { child, stopSignal, service };
  tracked.add(entry);
  child.once('exit', () => tracked.delete(entry));
  child.once('error', () => tracked.delete(entry));
  return child;
}

export function hasExited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Sends `signal`, then SIGKILL if the child has not exited after `graceMs`. */
export async function stopChild(child, { signal = 'SIGTERM', graceMs = 10_000 } = {}) {
  if (!child.pid || hasExited(child)) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  const timer = setTimeout(() => {
    if (!hasExited(child)) child.kill('SIGKILL');
  }, graceMs);
  await exited;
  clearTimeout(timer);
}

// Last resort: if a script dies without its cleanup running (an uncaught error), still signal
// every child it started. `exit` handlers must be synchronous, so this is fire-and-forget.
process.once('exit', () => {
  for (const { child, stopSignal } of tracked) if (!hasExited(child)) child.kill(stopSignal);
});

/**
 * Runs a command to completion with inherited output; resolves to `{ code }`.
 * Tracked, so a Ctrl-C in the middle of a build or install stops it too.
 */
export function run(command, args, { env } = {}) {
  return new Promise((resolve) => {
    const child = spawnTracked(command, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', (err) => {
      console.error(`playloop  could not run ${command}: ${err.message}`);
      resolve({ code: 127 });
    });
    child.once('exit', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1) }));
  });
}

/**
 * Runs cleanup functions (last registered first) once, on normal exit, Ctrl-C, SIGTERM or error.
 * A second Ctrl-C while stopping does not abort the cleanup: it would orphan databases.
 */
export function createShutdown({ quiet = false } = {}) {
  const tasks = [];
  let running;
  const shutdown = (exitCode = 0) => {
    running ??= (async () => {
      // Apps, builds and installs first, while the databases they talk to are still up.
      await Promise.all(
        [...tracked].filter((e) => !e.service).map(({ child }) => stopChild(child)),
      );
      for (const task of tasks.reverse()) {
        try {
          await task();
        } catch (err) {
          if (!quiet) console.error(`playloop  cleanup failed: ${err.message}`);
        }
      }
      for (const { child, stopSignal } of tracked) await stopChild(child, { signal: stopSignal });
      process.exit(exitCode);
    })();
    return running;
  };
  const onSignal = (signal) => {
    if (running) return;
    if (!quiet) say(`${signal} received, stopping what this script started…`);
    void shutdown(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  return {
    /** Registers an async cleanup step. */
    add: (task) => tasks.push(task),
    shutdown,
    get stopping() {
      return running !== undefined;
    },
  };
}

/** Wraps a script's main(): user-facing errors become one line and a clean shutdown. */
export async function main(shutdown, body) {
  try {
    const code = await body();
    await shutdown.shutdown(code ?? 0);
  } catch (err) {
    if (shutdown.stopping) return; // already stopping on a signal; the error is its consequence
    if (err instanceof UserError) console.error(`playloop  ${err.message}`);
    else console.error(err);
    await shutdown.shutdown(err instanceof UserError ? err.exitCode : 1);
  }
}

// ---------------------------------------------------------------------------------------------
// Dependencies and local secrets.

/**
 * `npm install` when node_modules is missing or the lockfile changed since the last install
 * (npm writes node_modules/.package-lock.json at the end of every install).
 */
export async function ensureDependencies({ onlyIfMissing = false } = {}) {
  const marker = path.join(ROOT, 'node_modules', '.package-lock.json');
  const lock = path.join(ROOT, 'package-lock.json');
  let reason;
  if (!fs.existsSync(marker)) reason = 'node_modules is missing';
  else if (
    !onlyIfMissing &&
    fs.existsSync(lock) &&
    fs.statSync(lock).mtimeMs > fs.statSync(marker).mtimeMs
  )
    reason = 'package-lock.json changed';
  if (!reason) return;
  say(`${reason}: running npm install…`);
  const { code } = await run('npm', ['install', '--no-audit', '--no-fund']);
  if (code !== 0) throw new UserError(`npm install failed (exit ${code}); see the output above`);
  // Make sure the next run sees the install as fresh even if npm touched the lockfile last.
  const now = new Date();
  fs.utimesSync(marker, now, now);
}

/**
 * Secrets generated once per checkout for local runs only (never committed: .data/ is
 * gitignored). Production sets real values through its Secret.
 */
export function localSecret(name, bytes = 48) {
  const file = path.join(DATA_DIR, 'local-secrets.json');
  let secrets = {};
  if (fs.existsSync(file)) secrets = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!secrets[name]) {
    secrets[name] = randomBytes(bytes).toString('base64url');
    fs.mkdirSync(DATA_DIR, { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  }
  fs.chmodSync(file, 0o600); // also tightens a file someone created by hand
  return secrets[name];
}
