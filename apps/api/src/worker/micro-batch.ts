/**
 * Group commit for job handlers. Each handler adds its item and awaits its own result; items that
 * arrive while `maxInFlight` batches are running wait and go together in the next one (up to
 * `maxBatch`). A quiet queue therefore runs each item at once, alone, and a burst is served in a
 * few large batches instead of thousands of small transactions.
 */
export function createMicroBatcher<I, O>(
  run: (items: I[]) => Promise<Array<PromiseSettledResult<O>>>,
  opts: { maxBatch: number; maxInFlight: number },
) {
  const queue: Array<{ item: I; resolve: (value: O) => void; reject: (reason: unknown) => void }> =
    [];
  let inFlight = 0;
  let scheduled = false;

  const pump = () => {
    scheduled = false;
    while (inFlight < opts.maxInFlight && queue.length > 0) {
      const batch = queue.splice(0, opts.maxBatch);
      inFlight += 1;
      run(batch.map((b) => b.item))
        .then(
          (results) =>
            batch.forEach((b, i) => {
              const r = results[i];
              if (r?.status === 'fulfilled') b.resolve(r.value);
              else b.reject(r ? r.reason : new Error('the batch returned no result for this item'));
            }),
          (err: unknown) => batch.forEach((b) => b.reject(err)),
        )
        .finally(() => {
          inFlight -= 1;
          schedule();
        });
    }
  };
  // Items added in the same tick as the first one join its batch.
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(pump);
  };

  return {
    add(item: I): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
  };
}
