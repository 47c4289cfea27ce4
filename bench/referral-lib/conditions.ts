// What a figure means depends on where it was measured: every result carries its conditions.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './stack.js';

export interface Conditions {
  at: string;
  host: string;
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  loadAverage1m: number;
  node: string;
  platform: string;
  gitCommit: string;
  workingTreeDirty: boolean;
  note: string;
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

/** The machine as it is now; the load average says whether others were busy on it. */
export function conditions(): Conditions {
  const cpus = os.cpus();
  return {
    at: new Date().toISOString(),
    host: os.hostname(),
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1e9),
    loadAverage1m: Number(os.loadavg()[0]?.toFixed(2)),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    gitCommit: git(['rev-parse', '--short', 'HEAD']),
    workingTreeDirty: git(['status', '--porcelain']).length > 0,
    note: 'load generator, services, Postgres and Redis all share this machine (loopback)',
  };
}

export function printConditions(c: Conditions): void {
  console.log(
    `machine: ${c.cpus} × ${c.cpuModel}, ${c.memoryGb} GB, ${c.platform}, node ${c.node}`,
  );
  console.log(
    `load average (1 min) at start: ${c.loadAverage1m}; commit ${c.gitCommit}${c.workingTreeDirty ? ' + uncommitted changes' : ''}`,
  );
}

/** Writes `bench/results/<name>-<timestamp>.json` and returns its path. */
export function writeResult(name: string, result: object): string {
  const dir = path.join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/** `--name=value` flags with defaults; a malformed number stops the bench with a message. */
export function numberFlag(name: string, fallback: number): number {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`--${name} must be a positive number, got "${raw}"`);
  return value;
}

export function stringFlag<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw))
    throw new Error(`--${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}
