/**
 * Two-proportion z-test (pooled): is variant B's conversion different from A's?
 * Returns the two-sided p-value and a plain sentence for marketing.
 */
export function twoProportionTest(a: { n: number; x: number }, b: { n: number; x: number }) {
  if (a.n === 0 || b.n === 0) return { z: 0, pValue: 1, confidence: 0 };
  const p1 = a.x / a.n;
  const p2 = b.x / b.n;
  const pooled = (a.x + b.x) / (a.n + b.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
  if (se === 0) return { z: 0, pValue: 1, confidence: 0 };
  const z = (p2 - p1) / se;
  const pValue = 2 * (1 - normalCdf(Math.abs(z)));
  return { z, pValue, confidence: 1 - pValue };
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 erf approximation, error < 1.5e-7). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export function abVerdict(
  variants: Array<{ name: string; exposures: number; conversions: number }>,
): string | null {
  if (variants.length < 2) return null;
  const [a, b] = [...variants].sort((v, w) => w.exposures - v.exposures) as [
    (typeof variants)[0],
    (typeof variants)[0],
  ];
  const rate = (v: (typeof variants)[0]) => (v.exposures ? v.conversions / v.exposures : 0);
  const test = twoProportionTest(
    { n: a.exposures, x: a.conversions },
    { n: b.exposures, x: b.conversions },
  );
  const leader = rate(b) > rate(a) ? b : a;
  const other = leader === a ? b : a;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  if (test.confidence >= 0.95) {
    return `“${leader.name}” converts better (${pct(rate(leader))} vs ${pct(rate(other))}); the difference is real with ${pct(test.confidence)} confidence.`;
  }
  return `No real difference yet: “${leader.name}” ${pct(rate(leader))} vs “${other.name}” ${pct(rate(other))} (confidence ${pct(test.confidence)}, needs 95%). Keep the test running.`;
}
