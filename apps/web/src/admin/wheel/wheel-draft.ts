import type { TPublicWheelSegment, TWheelConfigInput, TWheelPrize } from '@playloop/shared';

export type PrizeKind = TWheelPrize['kind'];

export interface SegmentDraft {
  label: string;
  weight: string;
  colour: string;
  prizeKind: PrizeKind;
  amount: string;
  /** Blank: unlimited. */
  stock: string;
}

export interface WheelDraft {
  segments: SegmentDraft[];
  fallbackIndex: number;
}

const PALETTE = [
  '#5b3fd6',
  '#ff7a45',
  '#11703a',
  '#234ea8',
  '#b42318',
  '#8a5100',
  '#0f766e',
  '#be185d',
];
export const colourFor = (i: number): string => PALETTE[i % PALETTE.length] ?? '#5b3fd6';

/** A sensible first wheel: mostly small prizes, a rare big one, and a "try again" fallback. */
export function starterWheel(): WheelDraft {
  const row = (
    label: string,
    weight: number,
    prizeKind: PrizeKind,
    amount: number,
    i: number,
  ): SegmentDraft => ({
    label,
    weight: String(weight),
    colour: colourFor(i),
    prizeKind,
    amount: prizeKind === 'none' ? '' : String(amount),
    stock: '',
  });
  return {
    segments: [
      row('50 points', 30, 'points', 50, 0),
      row('Extra spin', 15, 'spins', 1, 1),
      row('100 points', 20, 'points', 100, 2),
      row('Try again', 30, 'none', 0, 3),
      row('500 points', 5, 'points', 500, 4),
    ],
    fallbackIndex: 3,
  };
}

/** The published wheel as a draft; stock starts from what is left of it. */
export function draftFromPublished(segments: TPublicWheelSegment[]): WheelDraft {
  return {
    segments: segments.map((s) => ({
      label: s.label,
      weight: String(s.weight),
      colour: s.colour,
      prizeKind: s.prize.kind,
      amount: s.prize.kind === 'none' ? '' : String(s.prize.amount),
      stock: s.stockLeft === null ? '' : String(s.stockLeft),
    })),
    fallbackIndex: Math.max(
      0,
      segments.findIndex((s) => s.isFallback),
    ),
  };
}

const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

export function prizeOf(s: SegmentDraft): TWheelPrize {
  return s.prizeKind === 'none'
    ? { kind: 'none', amount: 0 }
    : { kind: s.prizeKind, amount: num(s.amount) };
}

export function wheelToBody(d: WheelDraft): TWheelConfigInput {
  return {
    segments: d.segments.map((s, i) => ({
      label: s.label,
      weight: num(s.weight),
      colour: s.colour,
      prize: prizeOf(s),
      stock: s.stock.trim() === '' ? null : num(s.stock),
      isFallback: i === d.fallbackIndex,
    })),
  };
}

/** Each segment's chance of being drawn, from the weights as typed (0 while a weight is not a number). */
export function probabilities(d: WheelDraft): number[] {
  const weights = d.segments.map((s) => Math.max(0, Number(s.weight) || 0));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (total > 0 ? w / total : 0));
}
