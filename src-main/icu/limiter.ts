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
  /**
   * What background work leaves for the coach's view: it starts only while more than `tokens` of
   * the burst are left and fewer than maxInFlight - `slots` requests are in flight. Defaults: all
   * but one token of the burst, and one slot.
   */
  backgroundReserve?: { tokens: number; slots: number }
  now?: () => number
}

/**
 * `view`: what the coach is looking at (the default). `background`: work the coach did not wait
 * for (the roster's week details, prefetch); it goes only when no view request waits, and keeps
 * the burst and a slot free, so a view opened meanwhile starts as fast as on an idle queue.
 */
export type Priority = 'view' | 'background'

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
 * View requests go before background ones (see Priority). Waiting is bounded (maxPauseMs) and can
 * be stopped: cancelWaiting() fails every request that is queued or backing off with CANCELLED,
 * before any of it was sent.
 */
export class RateLimiter {
  private tokens: number
  private last: number
  private inFlight = 0
  private pausedUntil = 0
  private readonly queues: Record<Priority, Waiter[]> = { view: [], background: [] }
  private readonly sleepers = new Set<Sleeper>()
  private timer: ReturnType<typeof setTimeout> | null = null
  private timerDue = 0
  private readonly now: () => number
  readonly maxPauseMs: number
  private readonly reserve: { tokens: number; slots: number }

  constructor(private readonly opts: LimiterOptions) {
    this.now = opts.now ?? (() => Date.now())
    this.maxPauseMs = opts.maxPauseMs ?? MAX_PAUSE_MS
    this.tokens = opts.burst
    this.last = this.now()
    const r = opts.backgroundReserve ?? { tokens: opts.burst - 1, slots: 1 }
    // Background work must always be able to start eventually: at least one token and one slot are its.
    this.reserve = { tokens: clamp(r.tokens, 0, opts.burst - 1), slots: clamp(r.slots, 0, opts.maxInFlight - 1) }
  }

  get pending(): number {
    return this.queues.view.length + this.queues.background.length
  }

  get active(): number {
    return this.inFlight
  }

  /** Resolves with a release function once the request may start. */
  acquire(signal?: AbortSignal, priority: Priority = 'view'): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(cancelled())
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal }
      const queue = this.queues[priority]
      if (signal) {
        waiter.onAbort = () => {
          const i = queue.indexOf(waiter)
          if (i >= 0) queue.splice(i, 1)
          reject(cancelled())
        }
        signal.addEventListener('abort', waiter.onAbort, { once: true })
      }
      queue.push(waiter)
      this.pump()
    })
  }

  /** Requests waiting: queued for a turn, or backing off before their next attempt. */
  get waiting(): number {
    return this.pending + this.sleepers.size
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
    const queued = [...this.queues.view.splice(0), ...this.queues.background.splice(0)]
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
    while (this.pending > 0) {
      const t = this.now()
      if (t < this.pausedUntil) return this.schedule(this.pausedUntil - t)
      const view = this.queues.view.length > 0
      // A view request may use the whole burst and every slot; background work leaves the reserve.
      const keepTokens = view ? 0 : this.reserve.tokens
      const keepSlots = view ? 0 : this.reserve.slots
      if (this.inFlight >= this.opts.maxInFlight - keepSlots) return
      if (this.tokens < 1 + keepTokens) return this.schedule(((1 + keepTokens - this.tokens) / this.opts.perSecond) * 1000)
      const waiter = (view ? this.queues.view : this.queues.background).shift()!
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

  /** Pumps again after `ms`; an earlier wake-up replaces a later one (a view request needs fewer tokens than background work). */
  private schedule(ms: number): void {
    const wait = Math.max(1, Math.ceil(ms))
    const due = this.now() + wait
    if (this.timer) {
      if (this.timerDue <= due) return
      clearTimeout(this.timer)
    }
    this.timerDue = due
    this.timer = setTimeout(() => {
      this.timer = null
      this.pump()
    }, wait)
  }
}

function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, n))
}

function cancelled(): AppError {
  return new AppError('CANCELLED', 'The request was cancelled.')
}
