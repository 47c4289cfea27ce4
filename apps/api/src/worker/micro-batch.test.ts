import { describe, expect, it } from 'vitest';
import { createMicroBatcher } from './micro-batch.js';

/** A batch runner the test releases by hand, recording what each batch held. */
function controlledRunner() {
  const batches: number[][] = [];
  const releases: Array<() => void> = [];
  const run = (items: number[]) => {
    batches.push(items);
    return new Promise<Array<PromiseSettledResult<number>>>((resolve) => {
      releases.push(() =>
        resolve(
          items.map((n) =>
            n < 0
              ? { status: 'rejected', reason: new Error(`bad ${n}`) }
              : { status: 'fulfilled', value: n * 10 },
          ),
        ),
      );
    });
  };
  return { batches, releases, run };
}

// A few turns of the event loop: enough for settled batches to hand over to the next one.
const tick = async () => {
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
};

describe('micro-batching of job work', () => {
  it('runs a lone item at once, and groups what arrives while a batch runs', async () => {
    const runner = controlledRunner();
    const batcher = createMicroBatcher(runner.run, { maxBatch: 3, maxInFlight: 1 });
    const first = batcher.add(1);
    await tick();
    expect(runner.batches).toEqual([[1]]);
    const later = [2, 3, 4, 5].map((n) => batcher.add(n));
    await tick();
    expect(runner.batches).toEqual([[1]]);
    runner.releases[0]?.();
    expect(await first).toBe(10);
    await tick();
    expect(runner.batches).toEqual([[1], [2, 3, 4]]);
    runner.releases[1]?.();
    await tick();
    expect(runner.batches).toEqual([[1], [2, 3, 4], [5]]);
    runner.releases[2]?.();
    expect(await Promise.all(later)).toEqual([20, 30, 40, 50]);
  });

  it('settles each item on its own: one failure does not fail its neighbours', async () => {
    const runner = controlledRunner();
    const batcher = createMicroBatcher(runner.run, { maxBatch: 10, maxInFlight: 2 });
    const results = [7, -1, 8].map((n) =>
      batcher.add(n).then(
        (v) => `ok ${v}`,
        (e: Error) => e.message,
      ),
    );
    await tick();
    runner.releases[0]?.();
    expect(await Promise.all(results)).toEqual(['ok 70', 'bad -1', 'ok 80']);
  });

  it('fails every item of a batch whose run throws, and keeps serving the next ones', async () => {
    let calls = 0;
    const batcher = createMicroBatcher<number, number>(
      async (items) => {
        calls += 1;
        if (calls === 1) throw new Error('database gone');
        return items.map((n) => ({ status: 'fulfilled', value: n }));
      },
      { maxBatch: 10, maxInFlight: 1 },
    );
    const failed = await Promise.allSettled([batcher.add(1), batcher.add(2)]);
    expect(failed.map((f) => f.status)).toEqual(['rejected', 'rejected']);
    expect(await batcher.add(3)).toBe(3);
  });
});
