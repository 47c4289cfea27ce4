import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chiSquareCriticalValue, chiSquarePValue, chiSquareStatistic } from './chi-square.js';
import {
  drawDigestHex,
  drawSegment,
  drawUnitFloat,
  hashServerSeed,
  pickByWeights,
  verifySpin,
} from './draw.js';
import { toHex } from './sha256.js';

const DEMO_WEIGHTS = [30, 25, 20, 12, 8, 4, 1];
// The statistical tests hash 100,000+ times: a few seconds, longer on a busy shared machine.
const HEAVY = 120_000;
const SEED = '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff';
const hexSeed = fc.uint8Array({ minLength: 32, maxLength: 32 }).map(toHex);
const clientSeed = fc.stringMatching(/^[\x21-\x7e]{1,64}$/);
const nonce = fc.nat({ max: 10_000_000 });
const weights = fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 16 });

/** An independent reading of the published algorithm: Web Crypto HMAC, 13 hex digits = 52 bits. */
async function referenceDraw(server: string, client: string, n: number, w: readonly number[]) {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    enc.encode(server),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = toHex(
    new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(`${client}:${n}`))),
  );
  const target = (BigInt(`0x${mac.slice(0, 13)}`) * BigInt(w.reduce((a, b) => a + b, 0))) >> 52n;
  let cumulative = 0n;
  return { mac, index: w.findIndex((x) => target < (cumulative += BigInt(x))) };
}

/** Counts `n` draws: `seeds` server seeds with `n / seeds` consecutive nonces each, as players spin. */
function tally(
  serverSeeds: string[],
  clientSeeds: string[],
  perSeed: number,
  w: readonly number[],
) {
  const counts = new Array<number>(w.length).fill(0);
  serverSeeds.forEach((server, s) => {
    for (let n = 0; n < perSeed; n++) {
      const i = drawSegment(server, clientSeeds[s] as string, n, w);
      counts[i] = (counts[i] as number) + 1;
    }
  });
  return counts;
}

describe('the chi-square helper', () => {
  it('reproduces the textbook critical values at α = 0.001', () => {
    const table: Array<[number, number]> = [
      [1, 10.828],
      [5, 20.515],
      [6, 22.458],
      [10, 29.588],
      [15, 37.697],
    ];
    for (const [df, critical] of table) {
      expect(chiSquareCriticalValue(df, 0.001)).toBeCloseTo(critical, 2);
      expect(chiSquarePValue(critical, df)).toBeCloseTo(0.001, 5);
    }
    expect(chiSquarePValue(0, 4)).toBe(1);
  });
});

describe('drawSegment', () => {
  it('is pinned to a known answer, so past spins keep verifying (cross-checked with openssl)', () => {
    expect(hashServerSeed(SEED)).toBe(
      '752c249695db74be9cacb5859af2e2f1fe0063edc93c4af9f6a032cd640f0c0e',
    );
    expect(drawDigestHex(SEED, 'playloop', 0)).toBe(
      '5fd015cd83222070692348f63058e163295f89e9fae4269f93dbd5f5c89fe28b',
    );
    expect(drawUnitFloat(SEED, 'playloop', 0)).toBeCloseTo(0.37426887767, 10);
    expect(drawSegment(SEED, 'playloop', 0, DEMO_WEIGHTS)).toBe(1);
    expect(drawSegment(SEED, 'playloop', 1, DEMO_WEIGHTS)).toBe(0);
  });

  it('agrees with an independent implementation on Web Crypto for any input', async () => {
    await fc.assert(
      fc.asyncProperty(hexSeed, clientSeed, nonce, weights, async (s, c, n, w) => {
        const ref = await referenceDraw(s, c, n, w);
        expect(drawDigestHex(s, c, n)).toBe(ref.mac);
        expect(drawSegment(s, c, n, w)).toBe(ref.index);
      }),
      { numRuns: 300 },
    );
  });

  it('picks by cumulative weight at the exact boundaries', () => {
    const top = 2n ** 52n;
    const w = [1, 2, 1];
    // target = floor(r * 4 / 2^52): [0, 1) → 0, [1, 3) → 1, [3, 4) → 2
    expect(pickByWeights(0n, w)).toBe(0);
    expect(pickByWeights(top / 4n - 1n, w)).toBe(0);
    expect(pickByWeights(top / 4n, w)).toBe(1);
    expect(pickByWeights((top * 3n) / 4n - 1n, w)).toBe(1);
    expect(pickByWeights((top * 3n) / 4n, w)).toBe(2);
    expect(pickByWeights(top - 1n, w)).toBe(2);
  });

  it('refuses malformed weights and nonces instead of drawing something', () => {
    expect(() => drawSegment(SEED, 'c', 0, [])).toThrow(RangeError);
    expect(() => drawSegment(SEED, 'c', 0, [1, 0])).toThrow(RangeError);
    expect(() => drawSegment(SEED, 'c', 0, [1, 1.5])).toThrow(RangeError);
    expect(() => drawSegment(SEED, 'c', -1, [1, 1])).toThrow(RangeError);
    expect(() => drawSegment(SEED, 'c', 0.5, [1, 1])).toThrow(RangeError);
  });

  it(
    'follows the weights: chi-square over 100,000 draws with random seeds, p > 0.001',
    () => {
      // 100 random server seeds × 1,000 consecutive nonces, each with its own random client seed.
      const [servers, clients] = fc.sample(
        fc.tuple(
          fc.array(hexSeed, { minLength: 100, maxLength: 100 }),
          fc.array(clientSeed, { minLength: 100, maxLength: 100 }),
        ),
        { numRuns: 1, seed: 20261123 },
      )[0] as [string[], string[]];
      const counts = tally(servers, clients, 1_000, DEMO_WEIGHTS);
      const { statistic, df, minExpected } = chiSquareStatistic(counts, DEMO_WEIGHTS);
      expect(counts.reduce((a, b) => a + b)).toBe(100_000);
      expect(df).toBe(6);
      expect(minExpected).toBeGreaterThanOrEqual(5); // the approximation's validity condition
      expect(statistic).toBeLessThan(chiSquareCriticalValue(df, 0.001));
      expect(chiSquarePValue(statistic, df)).toBeGreaterThan(0.001);
    },
    HEAVY,
  );

  it(
    'follows any weights (property, fixed seed so the run is reproducible)',
    () => {
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 2, maxLength: 12 }),
          fc.array(hexSeed, { minLength: 20, maxLength: 20 }),
          fc.array(clientSeed, { minLength: 20, maxLength: 20 }),
          (w, servers, clients) => {
            const counts = tally(servers, clients, 1_000, w);
            const { statistic, df, minExpected } = chiSquareStatistic(counts, w);
            expect(minExpected).toBeGreaterThanOrEqual(5);
            expect(chiSquarePValue(statistic, df)).toBeGreaterThan(0.001);
          },
        ),
        { numRuns: 3, seed: 42 },
      );
    },
    HEAVY,
  );

  it(
    'has the power to notice a skew: draws with slightly different weights fail the same test',
    () => {
      const skewed = [33, 25, 20, 12, 8, 4, 1]; // segment 0 a little more likely than published
      // 50,000 draws are plenty here: a 10 % skew on a 30 % segment is ~8 standard deviations.
      const [servers, clients] = fc.sample(
        fc.tuple(
          fc.array(hexSeed, { minLength: 50, maxLength: 50 }),
          fc.array(clientSeed, { minLength: 50, maxLength: 50 }),
        ),
        { numRuns: 1, seed: 7 },
      )[0] as [string[], string[]];
      const { statistic, df } = chiSquareStatistic(
        tally(servers, clients, 1_000, skewed),
        DEMO_WEIGHTS,
      );
      expect(chiSquarePValue(statistic, df)).toBeLessThan(0.001);
    },
    HEAVY,
  );
});

describe('verifySpin', () => {
  const honest = fc.record({ serverSeed: hexSeed, clientSeed, nonce, weights }).map((s) => ({
    ...s,
    serverSeedHash: hashServerSeed(s.serverSeed),
    segmentIndex: drawSegment(s.serverSeed, s.clientSeed, s.nonce, s.weights),
  }));

  it('passes every honest draw', () => {
    fc.assert(
      fc.property(honest, (spin) => {
        expect(verifySpin(spin)).toMatchObject({ valid: true, computedIndex: spin.segmentIndex });
      }),
      { numRuns: 300 },
    );
  });

  it('fails when the revealed server seed is not the one committed to', () => {
    fc.assert(
      fc.property(honest, hexSeed, (spin, other) => {
        fc.pre(other !== spin.serverSeed);
        expect(verifySpin({ ...spin, serverSeed: other })).toMatchObject({
          valid: false,
          reason: 'seed_hash_mismatch',
        });
      }),
      { numRuns: 300 },
    );
  });

  it(
    'fails when the client seed, nonce or claimed segment is changed',
    () => {
      // 4,096 equally likely segments: a changed input lands on the same one by chance 1 in 4,096.
      const many = new Array<number>(4096).fill(1);
      const spinOnMany = honest.map((s) => ({
        ...s,
        weights: many,
        segmentIndex: drawSegment(s.serverSeed, s.clientSeed, s.nonce, many),
      }));
      fc.assert(
        fc.property(
          spinOnMany,
          clientSeed,
          fc.integer({ min: 1, max: 1000 }),
          (spin, otherClient, shift) => {
            fc.pre(otherClient !== spin.clientSeed);
            const mismatch = { valid: false, reason: 'segment_mismatch' };
            expect(verifySpin({ ...spin, clientSeed: otherClient })).toMatchObject(mismatch);
            expect(verifySpin({ ...spin, nonce: spin.nonce + shift })).toMatchObject(mismatch);
            expect(
              verifySpin({ ...spin, segmentIndex: (spin.segmentIndex + shift) % 4096 }),
            ).toMatchObject(mismatch);
          },
        ),
        { numRuns: 200, seed: 1123 },
      );
    },
    HEAVY,
  );

  it('fails when the weights used differ from the published ones', () => {
    fc.assert(
      fc.property(honest, (spin) => {
        // A cheat that starves the drawn segment: had these been the real weights, it would
        // (almost) never have come up.
        const rigged = spin.weights.map((w, i) => (i === spin.segmentIndex ? 1 : 1_000_000 + w));
        expect(verifySpin({ ...spin, weights: rigged })).toMatchObject({
          valid: false,
          reason: 'segment_mismatch',
        });
      }),
      { numRuns: 200, seed: 99 },
    );
  });

  it('reports malformed input as such rather than throwing', () => {
    const spin = {
      serverSeed: SEED,
      serverSeedHash: hashServerSeed(SEED),
      clientSeed: 'c',
      nonce: 0,
      segmentIndex: 0,
    };
    expect(verifySpin({ ...spin, weights: [] })).toMatchObject({
      valid: false,
      reason: 'invalid_input',
    });
    expect(verifySpin({ ...spin, weights: [1, 1], nonce: -3 })).toMatchObject({
      valid: false,
      reason: 'invalid_input',
    });
  });
});
