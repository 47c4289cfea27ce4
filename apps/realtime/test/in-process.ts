import type { AddressInfo } from 'node:net';
import { createLogger } from '@playloop/core';
import { loadRealtimeConfig } from '../src/config.js';
import { createRealDeps, type RealDeps } from '../src/deps.js';
import { createRealtime, type Realtime, type RealtimeDeps } from '../src/server.js';

export interface InProcessRealtime {
  url: string;
  realtime: Realtime;
  deps: RealDeps;
  close(): Promise<void>;
}

/** `createRealtime` on real Postgres and Redis, listening on a random loopback port. */
export async function startInProcessRealtime(
  env: Record<string, string>,
  overrides: Partial<RealtimeDeps> = {},
): Promise<InProcessRealtime> {
  const config = loadRealtimeConfig(env);
  const logger = createLogger({ name: 'realtime-test', level: config.LOG_LEVEL });
  const deps = createRealDeps(config, logger);
  const realtime = createRealtime({ ...deps, ...overrides });
  await new Promise<void>((resolve) => realtime.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = realtime.httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    realtime,
    deps,
    async close() {
      await realtime.close();
      await deps.dispose();
    },
  };
}

/** The current value of a counter or gauge series in a server's registry (0 when absent). */
export async function metricValue(
  realtime: Realtime,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const metric = realtime.metrics.registry.getSingleMetric(name);
  if (!metric) return 0;
  const { values } = await metric.get();
  const match = values.find((v) => Object.entries(labels).every(([k, val]) => v.labels[k] === val));
  return match?.value ?? 0;
}
