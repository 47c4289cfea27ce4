/**
 * Counts a socket's violations over a sliding window. One slip (a client on an old schema, a
 * burst after a reconnect) is answered with an error ack; a pattern of them gets disconnected.
 */
export class StrikeWindow {
  private strikes: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a strike; `true` when the socket has now reached the limit within the window. */
  strike(): boolean {
    const now = this.now();
    this.strikes = this.strikes.filter((at) => now - at < this.windowMs);
    this.strikes.push(now);
    return this.strikes.length >= this.limit;
  }
}
