/**
 * Chi-square goodness-of-fit for the draw's statistical tests: the statistic, its p-value
 * (the regularised upper incomplete gamma function Q(df/2, x/2)) and critical values. Test
 * support only; not exported from the package.
 */

const EPS = 1e-14;
const TINY = 1e-300;

/** ln Γ(z) for z > 0 (Lanczos, g = 7, n = 9; ~15 significant digits). */
function lnGamma(z: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - lnGamma(1 - z);
  const x = z - 1;
  let sum = c[0] as number;
  for (let i = 1; i < 9; i++) sum += (c[i] as number) / (x + i);
  const t = x + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Q(a, x) = Γ(a, x) / Γ(a): series below a + 1, Lentz's continued fraction above. */
export function regularizedUpperGamma(a: number, x: number): number {
  if (x <= 0) return 1;
  const front = Math.exp(-x + a * Math.log(x) - lnGamma(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000 && Math.abs(term) > Math.abs(sum) * EPS; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return 1 - sum * front;
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return front * h;
}

/** P(X ≥ statistic) for X ~ χ²(df). */
export function chiSquarePValue(statistic: number, df: number): number {
  return regularizedUpperGamma(df / 2, statistic / 2);
}

/** The statistic whose p-value is `alpha` for `df` degrees of freedom (bisection). */
export function chiSquareCriticalValue(df: number, alpha: number): number {
  let lo = 0;
  let hi = df + 100 * Math.sqrt(2 * df) + 100;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (chiSquarePValue(mid, df) > alpha) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Σ (observed − expected)² / expected, expected from the weights' shares of `n`. */
export function chiSquareStatistic(observed: readonly number[], weights: readonly number[]) {
  const n = observed.reduce((s, v) => s + v, 0);
  const total = weights.reduce((s, v) => s + v, 0);
  let statistic = 0;
  let minExpected = Infinity;
  observed.forEach((o, i) => {
    const expected = (n * (weights[i] as number)) / total;
    minExpected = Math.min(minExpected, expected);
    statistic += (o - expected) ** 2 / expected;
  });
  return { statistic, df: observed.length - 1, minExpected };
}
