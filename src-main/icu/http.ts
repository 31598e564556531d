import { AppError } from '../contract/errors'
import type { Logger } from '../log'
import { RateLimiter, type Priority } from './limiter'
import { errorFromResponse, errorFromNetwork } from './errors'

/** A 429 costs the server nothing, so it is waited out longer than other failures. */
const MAX_RATE_LIMITED_ATTEMPTS = 10
/**
 * Nothing answers at all (no DNS, connection refused, no route): one quick retry for a blip, then
 * the coach hears it in seconds instead of after a round of backoffs.
 */
const UNREACHABLE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|EHOSTUNREACH|ENETUNREACH/
const UNREACHABLE_ATTEMPTS = 2
const UNREACHABLE_RETRY_MS = 300

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'
export type Query = Record<string, string | number | boolean | undefined | null>

export interface RequestOptions {
  method?: Method
  path: string
  query?: Query
  body?: unknown
  signal?: AbortSignal
  /** Safe to send again after a failure: GET, PUT, DELETE and upserts keyed by uid. */
  idempotent?: boolean
  /** Read the answer as bytes (workout files, zips) instead of JSON. */
  binary?: boolean
  /** `background` for work the coach is not waiting on: it yields to the view's requests. */
  priority?: Priority
}

export interface RetryNotice {
  attempt: number
  delayMs: number
  reason: string
  /** The server's Retry-After in ms, when its answer carried one. */
  retryAfterMs?: number
}

export interface IcuHttpOptions {
  baseUrl: string
  apiKey: () => string | null
  limiter: RateLimiter
  log: Logger
  timeoutMs?: number
  maxAttempts?: number
  backoffBaseMs?: number
  onRetry?: (notice: RetryNotice) => void
  random?: () => number
}

/** The one door to intervals.icu: auth, the shared limiter, retries, timeouts and typed errors. */
export class IcuHttp {
  private readonly timeoutMs: number
  private readonly maxAttempts: number
  private readonly backoffBaseMs: number
  private readonly random: () => number
  requestCount = 0

  constructor(private readonly opts: IcuHttpOptions) {
    this.timeoutMs = opts.timeoutMs ?? 20_000
    this.maxAttempts = opts.maxAttempts ?? 4
    this.backoffBaseMs = opts.backoffBaseMs ?? 500
    this.random = opts.random ?? Math.random
  }

  get baseUrl(): string {
    return this.opts.baseUrl
  }

  async request<T>(req: RequestOptions): Promise<T> {
    const method = req.method ?? 'GET'
    const idempotent = req.idempotent ?? method !== 'POST'
    const url = buildUrl(this.opts.baseUrl, req.path, req.query)
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt<T>(method, url, req)
      if (outcome.ok) return outcome.value
      const { error, retryAfterMs } = outcome
      const rateLimited = error.code === 'RATE_LIMITED'
      const unreachable = error.code === 'NETWORK' && UNREACHABLE.test(error.detail ?? '')
      // A 429 means the request was not processed, so even a POST may be sent again. A refused
      // connection never reached the server either.
      const retryable = rateLimited || ((idempotent || unreachable) && ['NETWORK', 'TIMEOUT', 'SERVER'].includes(error.code))
      const limit = rateLimited ? MAX_RATE_LIMITED_ATTEMPTS : unreachable ? UNREACHABLE_ATTEMPTS : this.maxAttempts
      if (!retryable || attempt >= limit || req.signal?.aborted) throw error
      const wanted = unreachable ? UNREACHABLE_RETRY_MS : (retryAfterMs ?? this.backoff(attempt))
      // The queue's pause is bounded: a Retry-After of an hour holds it for maxPauseMs at most.
      const delayMs = rateLimited ? this.opts.limiter.pause(wanted) : Math.min(wanted, this.opts.limiter.maxPauseMs)
      this.opts.log.warn('icu.retry', { method, path: req.path, code: error.code, attempt, delayMs, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) })
      if (!unreachable) this.opts.onRetry?.({ attempt, delayMs, reason: error.code, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) })
      if (!rateLimited) await this.opts.limiter.delay(delayMs, req.signal)
    }
  }

  private backoff(attempt: number): number {
    const base = this.backoffBaseMs * 2 ** (attempt - 1)
    return Math.round(base / 2 + this.random() * base)
  }

  private async attempt<T>(
    method: Method,
    url: string,
    req: RequestOptions,
  ): Promise<{ ok: true; value: T } | { ok: false; error: AppError; retryAfterMs?: number }> {
    const key = this.opts.apiKey()
    if (!key) return { ok: false, error: new AppError('AUTH_MISSING', 'Connect your intervals.icu account first.') }
    const release = await this.opts.limiter.acquire(req.signal, req.priority)
    const timeout = new AbortController()
    const timer = setTimeout(() => timeout.abort(), this.timeoutMs)
    const signal = req.signal ? AbortSignal.any([req.signal, timeout.signal]) : timeout.signal
    const started = Date.now()
    this.requestCount++
    try {
      const headers: Record<string, string> = {
        Authorization: `Basic ${Buffer.from(`API_KEY:${key}`).toString('base64')}`,
        Accept: req.binary ? '*/*' : 'application/json',
      }
      let body: string | undefined
      if (req.body !== undefined) {
        headers['Content-Type'] = 'application/json'
        body = JSON.stringify(req.body)
      }
      const res = await fetch(url, { method, headers, body, signal })
      const bytes = new Uint8Array(await res.arrayBuffer())
      this.opts.log.debug('icu.response', { method, path: req.path, status: res.status, ms: Date.now() - started })
      if (!res.ok) {
        const text = new TextDecoder().decode(bytes.subarray(0, 2000))
        return { ok: false, error: errorFromResponse(res.status, text, req.path, key), retryAfterMs: retryAfter(res) }
      }
      if (req.binary) return { ok: true, value: bytes as T }
      if (bytes.length === 0) return { ok: true, value: null as T }
      try {
        return { ok: true, value: JSON.parse(new TextDecoder().decode(bytes)) as T }
      } catch {
        return { ok: false, error: new AppError('SERVER', 'intervals.icu sent an answer Coach Desk could not read.') }
      }
    } catch (e) {
      if (req.signal?.aborted) return { ok: false, error: new AppError('CANCELLED', 'The request was cancelled.') }
      if (timeout.signal.aborted) {
        return {
          ok: false,
          error: new AppError('TIMEOUT', `intervals.icu did not answer within ${Math.round(this.timeoutMs / 1000)} s.`),
        }
      }
      return { ok: false, error: errorFromNetwork(e) }
    } finally {
      clearTimeout(timer)
      release()
    }
  }
}

function retryAfter(res: Response): number | undefined {
  const h = res.headers.get('retry-after')
  if (!h) return undefined
  const secs = Number(h)
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000)
  const at = Date.parse(h)
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now())
}

export function buildUrl(base: string, path: string, query?: Query): string {
  const url = new URL(`/api/v1${path}`, base)
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null) url.searchParams.set(k, String(v))
  }
  return url.toString()
}
