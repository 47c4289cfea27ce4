/**
 * A retry budget (token bucket): every first attempt deposits `ratio` tokens, every retry
 * withdraws one. With ratio 0.1 retries add at most ~10% load on top of real traffic, so a
 * fleet of clients cannot turn an outage into a retry storm. `minTokens` lets a quiet client
 * still retry a few times.
 */
export class RetryBudget {
  private tokens: number;
  constructor(
    private readonly opts: { ratio: number; minTokens: number; maxTokens: number } = {
      ratio: 0.1,
      minTokens: 3,
      maxTokens: 10,
    },
  ) {
    this.tokens = opts.minTokens;
  }

  /** Call once per original (non-retry) request. */
  recordRequest(): void {
    this.tokens = Math.min(this.opts.maxTokens, this.tokens + this.opts.ratio);
  }

  /** Takes a token for a retry; false means the budget is spent and the caller must give up. */
  tryWithdraw(): boolean {
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  get available(): number {
    return this.tokens;
  }
}
