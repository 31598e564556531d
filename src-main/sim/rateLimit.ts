/**
 * A token bucket like intervals.icu's per-IP limit (about 10 requests a second with a short burst).
 * It runs on the monotonic clock, not the simulated one, so a frozen test clock still refills it.
 */
export class TokenBucket {
  private tokens: number
  private last: number

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.tokens = burst
    this.last = clock()
  }

  /** Takes one token; false when the bucket is empty and the request must be refused. */
  take(): boolean {
    const now = this.clock()
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond)
    this.last = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
