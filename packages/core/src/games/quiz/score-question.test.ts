import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeStandings } from './score-question.js';
import type { Standing } from './standings.js';

const question = { correctIndex: 1, timeLimitMs: 10_000, answers: ['a', 'b', 'c'] };

describe('computeStandings', () => {
  it('scores answers, keeps non-answerers with their total and no streak, ranks ties together', () => {
    const previous = {
      ann: JSON.stringify({
        a: 1,
        c: 1,
        p: 1500,
        sb: 500,
        kb: 0,
        k: 1,
        s: 1500,
        r: 1,
        cc: 1,
        ac: 1,
        fl: 0,
      } satisfies Standing),
      bea: JSON.stringify({
        a: 0,
        c: 0,
        p: 0,
        sb: 0,
        kb: 0,
        k: 0,
        s: 0,
        r: 2,
        cc: 0,
        ac: 1,
        fl: 0,
      } satisfies Standing),
    };
    const out = computeStandings({
      answers: { ann: '1:5000', cid: '1:100', dan: '2:4000' },
      roster: { ann: '0', bea: '0', cid: '0', dan: '0', eve: '1' },
      previous,
      question,
      flagBelowMs: 250,
    });
    const by = new Map(out.ranked);
    // ann: correct, half the time left (+250), second in a row (+100).
    expect(by.get('ann')).toMatchObject({
      a: 1,
      c: 1,
      p: 1350,
      sb: 250,
      kb: 100,
      k: 2,
      s: 2850,
      r: 1,
      cc: 2,
      ac: 2,
    });
    // cid: correct but inhumanly fast: no speed bonus, flagged.
    expect(by.get('cid')).toMatchObject({ c: 1, p: 1000, sb: 0, s: 1000, fl: 1, r: 2 });
    expect(by.get('bea')).toMatchObject({ a: null, p: 0, k: 0, s: 0, ac: 1 });
    expect(by.get('dan')).toMatchObject({ a: 2, c: 0, s: 0 });
    // bea, dan and eve all have 0: they share rank 3.
    expect(['bea', 'dan', 'eve'].map((u) => by.get(u)?.r)).toEqual([3, 3, 3]);
    expect(out.distribution).toEqual([0, 2, 1]);
    expect(out.answeredCount).toBe(3);
  });

  it('is deterministic: recomputing after a takeover gives byte-identical standings', () => {
    const answer = fc
      .tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 12_000 }))
      .map(([a, e]) => `${a}:${e}`);
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^u[0-9a-z]{1,6}$/), answer, { maxKeys: 40 }),
        (answers) => {
          const roster = Object.fromEntries(Object.keys(answers).map((u) => [u, '0']));
          const input = { answers, roster, previous: {}, question, flagBelowMs: 250 };
          const a = computeStandings(input);
          const b = computeStandings(structuredClone(input));
          expect(JSON.stringify(a)).toBe(JSON.stringify(b));
          expect(a.distribution.reduce((x, y) => x + y, 0)).toBe(Object.keys(answers).length);
          for (let i = 1; i < a.ranked.length; i++)
            expect((a.ranked[i - 1] as [string, Standing])[1].s).toBeGreaterThanOrEqual(
              (a.ranked[i] as [string, Standing])[1].s,
            );
        },
      ),
    );
  });
});
