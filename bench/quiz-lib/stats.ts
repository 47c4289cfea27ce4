/** Percentiles by nearest rank; all zeros for an empty sample. */
export function percentiles(values: number[]): {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
} {
  if (values.length === 0) return { n: 0, p50: 0, p90: 0, p99: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
  return {
    n: sorted.length,
    p50: at(50),
    p90: at(90),
    p99: at(99),
    max: sorted[sorted.length - 1] as number,
  };
}

export const fmt = (s: ReturnType<typeof percentiles>) =>
  `p50 ${s.p50} ms · p90 ${s.p90} ms · p99 ${s.p99} ms · max ${s.max} ms (n=${s.n})`;
