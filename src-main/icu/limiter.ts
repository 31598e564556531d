import { AppError } from '../contract/errors'

export interface LimiterOptions {
  /** Sustained requests per second (intervals.icu allows about 10 per IP address). */
  perSecond: number
  /** Requests that may start back to back before the sustained rate applies. */
  burst: number
  /** Requests in flight at once. */
  maxInFlight: number
  /** The longest a 429 may hold the queue (default a minute): a longer Retry-After is capped to it. */
  maxPauseMs?: number
  now?: () => number
}

/** A minute: long enough to respect a busy server, short enough that a coach is never stuck for an hour. */
export const MAX_PAUSE_MS = 60_000

interface Sleeper {
  timer: ReturnType<typeof setTimeout>
  reject: (e: unknown) => void
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
 * Waiting is bounded (maxPauseMs) and can be stopped: cancelWaiting() fails every request that is
 * queued or backing off with CANCELLED, before any of it was sent.
 */
export class RateLimiter {
  private tokens: number
  private last: number
  private inFlight = 0
  private pausedUntil = 0
  private readonly queue: Waiter[] = []
  private readonly sleepers = new Set<Sleeper>()
  private timer: ReturnType<typeof setTimeout> | null = null
  private readonly now: () => number
  readonly maxPauseMs: number

  constructor(private readonly opts: LimiterOptions) {
    this.now = opts.now ?? (() => Date.now())
    this.maxPauseMs = opts.maxPauseMs ?? MAX_PAUSE_MS
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

  /** Requests waiting: queued for a turn, or backing off before their next attempt. */
  get waiting(): number {
    return this.queue.length + this.sleepers.size
  }

  /** How long the queue is still held by a 429, in ms (0 when it is not). */
  get pausedForMs(): number {
    return Math.max(0, this.pausedUntil - this.now())
  }

  /**
   * Holds every queued request for `ms` (a 429, with or without Retry-After), capped at maxPauseMs.
   * Returns the pause applied.
   */
  pause(ms: number): number {
    const capped = Math.min(Math.max(0, ms), this.maxPauseMs)
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + capped)
    this.tokens = 0
    this.schedule(capped)
    return capped
  }

  /** Waits `ms` (at most maxPauseMs) before a request's next attempt; ended early by its signal or cancelWaiting(). */
  delay(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(cancelled())
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(sleeper.timer)
        this.sleepers.delete(sleeper)
        reject(cancelled())
      }
      const sleeper: Sleeper = {
        timer: setTimeout(() => {
          this.sleepers.delete(sleeper)
          signal?.removeEventListener('abort', onAbort)
          resolve()
        }, Math.min(Math.max(0, ms), this.maxPauseMs)),
        reject: (e) => {
          signal?.removeEventListener('abort', onAbort)
          reject(e)
        },
      }
      this.sleepers.add(sleeper)
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  /**
   * Stop waiting (the coach's choice, or another account): every queued or backing-off request
   * fails with CANCELLED, none of it sent; requests in flight finish. The pause ends. Returns how
   * many were cancelled.
   */
  cancelWaiting(): number {
    const queued = this.queue.splice(0)
    for (const w of queued) {
      if (w.signal && w.onAbort) w.signal.removeEventListener('abort', w.onAbort)
      w.reject(cancelled())
    }
    const sleeping = [...this.sleepers]
    this.sleepers.clear()
    for (const s of sleeping) {
      clearTimeout(s.timer)
      s.reject(cancelled())
    }
    this.pausedUntil = 0
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    return queued.length + sleeping.length
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
