/** What the sandbox does with one order call. */
export const OUTCOMES = [
  'ok', // 201 fulfilled (or 202 pending when asyncFulfilment is on)
  'pending', // 202 pending; fulfilled later, with callbacks
  'server_error', // the order is recorded, then 500: the caller cannot know it went through
  'unavailable', // 503 before anything is recorded
  'timeout', // the order is recorded, then the answer hangs for hangMs
  'rate_limited', // 429 with Retry-After
  'bad_request', // 400
  'expired_credentials', // 401
  'declined', // 402
  'amount_mismatch', // 201 fulfilled, for another amount than asked
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Behaviour {
  /** Share of calls (0..1) that fail with one of `transientKinds`, drawn at random. */
  failureRate: number;
  transientKinds: Outcome[];
  /** Fully down: every order call answers 503 (and is still counted). */
  down: boolean;
  /** How long a `timeout` keeps the caller waiting. Over 2 s by default, past the usual client deadline. */
  hangMs: number;
  retryAfterSeconds: number;
  /** Successful orders start `pending` and are fulfilled after asyncDelayMs, with callbacks. */
  asyncFulfilment: boolean;
  asyncDelayMs: number;
  /** Every callback is sent twice, to exercise de-duplication. */
  duplicateCallbacks: boolean;
  /** Added to every answer. */
  latencyMs: number;
  /** What an `amount_mismatch` adds to the amount asked for. */
  mismatchCents: number;
}

export const defaultBehaviour = (): Behaviour => ({
  failureRate: 0,
  transientKinds: ['server_error', 'unavailable', 'timeout', 'rate_limited'],
  down: false,
  hangMs: 2_500,
  retryAfterSeconds: 1,
  asyncFulfilment: false,
  asyncDelayMs: 200,
  duplicateCallbacks: false,
  latencyMs: 0,
  mismatchCents: 500,
});

const isOutcome = (v: unknown): v is Outcome =>
  typeof v === 'string' && (OUTCOMES as readonly string[]).includes(v);
const num = (v: unknown, min: number, max: number) =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;

/** Applies a partial update from the control API; returns the fields it refused. */
export function patchBehaviour(current: Behaviour, patch: Record<string, unknown>): string[] {
  const refused: string[] = [];
  const set = <K extends keyof Behaviour>(key: K, ok: boolean) => {
    if (!(key in patch)) return;
    if (ok) current[key] = patch[key] as Behaviour[K];
    else refused.push(key);
  };
  set('failureRate', num(patch.failureRate, 0, 1));
  set(
    'transientKinds',
    Array.isArray(patch.transientKinds) &&
      patch.transientKinds.length > 0 &&
      patch.transientKinds.every(isOutcome),
  );
  set('down', typeof patch.down === 'boolean');
  set('hangMs', num(patch.hangMs, 0, 120_000));
  set('retryAfterSeconds', num(patch.retryAfterSeconds, 0, 3_600));
  set('asyncFulfilment', typeof patch.asyncFulfilment === 'boolean');
  set('asyncDelayMs', num(patch.asyncDelayMs, 0, 600_000));
  set('duplicateCallbacks', typeof patch.duplicateCallbacks === 'boolean');
  set('latencyMs', num(patch.latencyMs, 0, 60_000));
  set('mismatchCents', num(patch.mismatchCents, -1_000_000, 1_000_000));
  for (const key of Object.keys(patch)) if (!(key in current)) refused.push(key);
  return refused;
}

/** Scripted outcomes per order reference (payout id) take precedence over the random draw. */
export class Scripts {
  private readonly byReference = new Map<string, Outcome[]>();

  set(reference: string, outcomes: Outcome[]): void {
    this.byReference.set(reference, [...outcomes]);
  }

  next(reference: string): Outcome | undefined {
    const queue = this.byReference.get(reference);
    const outcome = queue?.shift();
    if (queue && queue.length === 0) this.byReference.delete(reference);
    return outcome;
  }

  clear(): void {
    this.byReference.clear();
  }

  static isOutcome = isOutcome;
}

/** The outcome of one call: down first, then a script, then the random transient draw. */
export function drawOutcome(
  b: Behaviour,
  scripts: Scripts,
  reference: string,
  random: () => number = Math.random,
): Outcome {
  if (b.down) return 'unavailable';
  const scripted = scripts.next(reference);
  if (scripted) return scripted;
  if (b.failureRate > 0 && random() < b.failureRate)
    return b.transientKinds[Math.floor(random() * b.transientKinds.length)] ?? 'server_error';
  return b.asyncFulfilment ? 'pending' : 'ok';
}
