import { AppError } from '../contract/errors'

export interface LimiterOptions {
  /** Sustained requests per second (intervals.icu allows about 10 per IP address). */
  perSecond: number
  /** Requests that may start back to back before the sustained rate applies. */
  burst: number
  /** Requests in flight at once. */
  maxInFlight: number
  now?: () => number
}

interface Waiter {
  resolve: (release: () => void) => void
  reject: (e: unknown) => void
  signal?: AbortSignal
  onAbort?: () => void
}

/**
 * One queue for every call to intervals.icu: a token bucket for the rate, a cap on requests in
 * flight, and a pause that holds the whole queue after a 429 (the limit is per IP, not per call).
 */
export class RateLimiter {
  private tokens: number
  private last: number
  private inFlight = 0
  private pausedUntil = 0
  private readonly queue: Waiter[] = []
  private timer: ReturnType<typeof setTimeout> | null = null
  private readonly now: () => number

  constructor(private readonly opts: LimiterOptions) {
    this.now = opts.now ?? (() => Date.now())
    this.tokens = opts.burst
    this.last = this.now()
  }

  get pending(): number {
    return this.queue.length
  }

  get active(): number {
    return this.inFlight
  }

  /** Resolves with a release function once the request may start. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(cancelled())
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal }
      if (signal) {
        waiter.onAbort = () => {
          const i = this.queue.indexOf(waiter)
          if (i >= 0) this.queue.splice(i, 1)
          reject(cancelled())
        }
        signal.addEventListener('abort', waiter.onAbort, { once: true })
      }
      this.queue.push(waiter)
      this.pump()
    })
  }

  /** Hold every queued request until `ms` from now (a 429, with or without Retry-After). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms)
    this.tokens = 0
    this.schedule(ms)
  }

  private refill(): void {
    const t = this.now()
    this.tokens = Math.min(this.opts.burst, this.tokens + ((t - this.last) / 1000) * this.opts.perSecond)
    this.last = t
  }

  private pump(): void {
    this.refill()
    while (this.queue.length > 0) {
      const t = this.now()
      if (t < this.pausedUntil) return this.schedule(this.pausedUntil - t)
      if (this.inFlight >= this.opts.maxInFlight) return
      if (this.tokens < 1) return this.schedule(((1 - this.tokens) / this.opts.perSecond) * 1000)
      const waiter = this.queue.shift()!
      if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener('abort', waiter.onAbort)
      this.tokens -= 1
      this.inFlight += 1
      let released = false
      waiter.resolve(() => {
        if (released) return
        released = true
        this.inFlight -= 1
        this.pump()
      })
    }
  }

  private schedule(ms: number): void {
    if (this.timer) return
    this.timer = setTimeout(
      () => {
        this.timer = null
        this.pump()
      },
      Math.max(1, Math.ceil(ms)),
    )
  }
}

function cancelled(): AppError {
  return new AppError('CANCELLED', 'The request was cancelled.')
}
