import { describe, expect, it } from 'vitest';
import { ClientEventSchemas } from '../../realtime/events.js';
import { ZWheelConfig, ZWheelSpinPayload } from './schemas.js';

const segments = [
  { label: '10 points', weight: 3, colour: '#ffcc00', prize: { kind: 'points', amount: 10 } },
  { label: 'Mug', weight: 1, colour: '#00ccff', prize: { kind: 'points', amount: 1 }, stock: 5 },
  { label: 'Try again', weight: 2, colour: '#999999', prize: { kind: 'none' }, isFallback: true },
];
const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('ZWheelConfig', () => {
  it('accepts a wheel with exactly one fallback and fills the defaults', () => {
    const wheel = ZWheelConfig.parse({ segments });
    expect(wheel.segments.map((s) => [s.stock, s.isFallback])).toEqual([
      [null, false],
      [5, false],
      [null, true],
    ]);
    expect(wheel.segments[2]?.prize).toEqual({ kind: 'none', amount: 0 });
  });

  it.each([
    ['no fallback', segments.map((s) => ({ ...s, isFallback: false })), 'segments'],
    ['two fallbacks', [...segments, segments[2]], 'segments'],
    [
      'a fallback with stock',
      segments.map((s, i) => (i === 2 ? { ...s, stock: 10 } : s)),
      'segments.2',
    ],
    [
      'a fallback that pays',
      segments.map((s, i) => (i === 2 ? { ...s, prize: { kind: 'spins', amount: 1 } } : s)),
      'segments.2',
    ],
    [
      'a zero weight',
      segments.map((s, i) => (i === 0 ? { ...s, weight: 0 } : s)),
      'segments.0.weight',
    ],
    [
      'a fractional weight',
      segments.map((s, i) => (i === 0 ? { ...s, weight: 1.5 } : s)),
      'segments.0.weight',
    ],
    [
      'a colour name',
      segments.map((s, i) => (i === 0 ? { ...s, colour: 'red' } : s)),
      'segments.0.colour',
    ],
    [
      'points without an amount',
      segments.map((s, i) => (i === 0 ? { ...s, prize: { kind: 'points' } } : s)),
      'segments.0.prize.amount',
    ],
    [
      'an unknown field',
      segments.map((s, i) => (i === 0 ? { ...s, probability: 0.5 } : s)),
      'segments.0',
    ],
    [
      '17 segments',
      Array.from({ length: 17 }, (_, i) => (i === 0 ? segments[2] : segments[0])),
      'segments',
    ],
  ])('refuses %s', (_, bad, path) => {
    expect(paths(ZWheelConfig.safeParse({ segments: bad }))).toContain(path);
  });
});

describe('wheel:spin payload', () => {
  it('is the schema the realtime router parses with', () => {
    expect(ClientEventSchemas['wheel:spin']).toBe(ZWheelSpinPayload);
  });

  it('takes a campaign and an optional client seed, and nothing a client could use to pick a prize', () => {
    const campaignId = 'cmp_aaaaaaaaaaaaaaaaaaaa';
    expect(ZWheelSpinPayload.parse({ campaignId })).toEqual({ campaignId });
    expect(ZWheelSpinPayload.parse({ campaignId, clientSeed: 'x!~' })).toEqual({
      campaignId,
      clientSeed: 'x!~',
    });
    for (const forged of [
      { segmentIndex: 0 },
      { prize: { kind: 'points', amount: 5 } },
      { nonce: 1 },
      { serverSeed: 'a' },
    ]) {
      expect(ZWheelSpinPayload.safeParse({ campaignId, ...forged }).success).toBe(false);
    }
    expect(paths(ZWheelSpinPayload.safeParse({ campaignId, clientSeed: 'a b' }))).toEqual([
      'clientSeed',
    ]);
    expect(paths(ZWheelSpinPayload.safeParse({ campaignId, clientSeed: 'é' }))).toEqual([
      'clientSeed',
    ]);
    expect(paths(ZWheelSpinPayload.safeParse({ campaignId, clientSeed: 'x'.repeat(65) }))).toEqual([
      'clientSeed',
    ]);
    expect(paths(ZWheelSpinPayload.safeParse({ campaignId: 'usr_aaaaaaaaaaaaaaaaaaaa' }))).toEqual([
      'campaignId',
    ]);
  });
});
