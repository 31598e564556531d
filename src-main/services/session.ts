import { AppError } from '../contract/errors'
import type { SessionStatus } from '../contract/schemas'
import { getAthlete } from '../icu/api'
import { IcuHttp, type RetryNotice } from '../icu/http'
import { RateLimiter, type LimiterOptions } from '../icu/limiter'
import type { Logger } from '../log'
import { MemorySecretStore } from '../secrets/memory'
import type { SecretStore } from '../secrets/store'

export interface DemoServer {
  url: string
  coachId: string
  apiKey: string
  close(): Promise<void>
}

export interface SessionOptions {
  keychain: SecretStore
  baseUrl: string
  log: Logger
  limiter: LimiterOptions
  timeoutMs?: number
  startDemo: () => Promise<DemoServer>
  onChange: (status: SessionStatus) => void
  onRetry?: (notice: RetryNotice) => void
}

type Mode = 'disconnected' | 'connected' | 'demo'

/**
 * Who the app talks to intervals.icu as. Holds the key in this closure only: it is read from the
 * keychain (or kept in memory when the coach chose so), and no method hands it back.
 */
export class SessionService {
  private mode: Mode = 'disconnected'
  private athleteId: string | null = null
  private name: string | null = null
  private keyStorage: 'keychain' | 'memory' | null = null
  private keychainProblem: string | null = null
  private demo: DemoServer | null = null
  private client: IcuHttp | null = null
  private readonly memory = new MemorySecretStore()
  /** Bumped whenever the account changes, so caches know their data belongs to someone else. */
  generation = 0
  // One limiter for the app's life: the service's limit is per IP address, whichever account.
  private readonly limiter: RateLimiter

  constructor(private readonly opts: SessionOptions) {
    this.limiter = new RateLimiter(opts.limiter)
  }

  status(): SessionStatus {
    return {
      state: this.mode,
      athleteId: this.athleteId,
      name: this.name,
      keyStorage: this.keyStorage,
      keychain: { available: this.keychainProblem === null, problem: this.keychainProblem },
      server: this.mode === 'disconnected' ? null : this.mode === 'demo' ? 'demo' : this.opts.baseUrl,
    }
  }

  /** The client for the current account; AUTH_MISSING when nobody is connected. */
  http(): IcuHttp {
    if (!this.client) throw new AppError('AUTH_MISSING', 'Connect your intervals.icu account or open the demo first.')
    return this.client
  }

  coachId(): string {
    if (!this.athleteId) throw new AppError('AUTH_MISSING', 'Connect your intervals.icu account or open the demo first.')
    return this.athleteId
  }

  /** At start: reconnect with a key already in the keychain, if there is one. */
  async restore(): Promise<SessionStatus> {
    this.keychainProblem = await this.opts.keychain.problem()
    if (this.keychainProblem) {
      this.opts.log.warn('keychain.unavailable')
      return this.status()
    }
    let account: string | undefined
    let key: string | null = null
    try {
      account = (await this.opts.keychain.accounts())[0]
      key = account ? await this.opts.keychain.get(account) : null
    } catch (e) {
      // The keychain answered the probe and then failed (it crashed or locked in between): same as unavailable.
      if (!(e instanceof AppError) || e.code !== 'KEYCHAIN_UNAVAILABLE') throw e
      this.keychainProblem = e.message
      this.opts.log.warn('keychain.unavailable', { detail: e.detail })
      return this.status()
    }
    if (!account || !key) return this.status()
    this.use('connected', account, key, 'keychain', this.opts.baseUrl)
    try {
      this.name = nameOf(await getAthlete(this.http(), account))
    } catch (e) {
      // Stay connected offline; the views will show the error of their own calls.
      this.opts.log.warn('session.restore.name_failed', { code: (e as AppError).code })
    }
    this.changed()
    return this.status()
  }

  /** Checks the id and key against intervals.icu without storing anything. */
  async test(athleteId: string, apiKey: string): Promise<{ athleteId: string; name: string }> {
    this.redactKey(apiKey)
    const probe = this.makeHttp(this.opts.baseUrl, () => apiKey)
    try {
      // Athlete 0 is whoever owns the key: a coach's key also opens the athletes they coach, so asking for the
      // id entered alone would "connect" a coach as one of their athletes. Both are asked side by side.
      const [entered, owner] = await Promise.allSettled([getAthlete(probe, athleteId), getAthlete(probe, '0')])
      if (owner.status === 'rejected') {
        if (entered.status === 'rejected') throw entered.reason
        // No answer for athlete 0: the id entered is all there is to go by.
        return { athleteId: entered.value.id ?? athleteId, name: nameOf(entered.value) ?? athleteId }
      }
      const ownerId = owner.value.id ?? athleteId
      const ownerName = nameOf(owner.value) ?? ownerId
      if (!sameAthlete(ownerId, athleteId)) {
        const name = entered.status === 'fulfilled' ? (nameOf(entered.value) ?? null) : null
        throw new AppError('INVALID_INPUT', notTheOwner({ id: ownerId, name: ownerName }, { id: athleteId, name }))
      }
      // intervals.icu's own spelling of the id (i12345) is what is stored, whatever shape was typed.
      return { athleteId: ownerId, name: ownerName }
    } catch (e) {
      if (e instanceof AppError && ['AUTH_MISSING', 'AUTH_INVALID', 'FORBIDDEN', 'NOT_FOUND'].includes(e.code)) {
        throw new AppError(
          'AUTH_INVALID',
          `intervals.icu refused this API key for athlete ${athleteId}. Check both in intervals.icu under Settings → Developer Settings.`,
          e.detail,
        )
      }
      throw e
    }
  }

  /** Test first; only a key intervals.icu accepted is stored. */
  async connect(athleteId: string, apiKey: string, storage: 'keychain' | 'memory'): Promise<SessionStatus> {
    this.stopWaiting()
    const who = await this.test(athleteId, apiKey)
    athleteId = who.athleteId
    const store = storage === 'keychain' ? this.opts.keychain : this.memory
    if (storage === 'keychain') {
      this.keychainProblem = await store.problem()
      if (this.keychainProblem) throw new AppError('KEYCHAIN_UNAVAILABLE', this.keychainProblem)
      for (const other of await store.accounts()) if (other !== athleteId) await store.delete(other)
    }
    await store.set(athleteId, apiKey)
    await this.closeDemo()
    this.use('connected', athleteId, apiKey, storage, this.opts.baseUrl)
    this.name = who.name
    this.opts.log.info('session.connected', { athleteId, storage })
    this.changed()
    return this.status()
  }

  async disconnect(): Promise<SessionStatus> {
    this.stopWaiting()
    if (this.mode === 'connected' && this.athleteId) {
      if (this.keyStorage === 'keychain') await this.opts.keychain.delete(this.athleteId)
      else await this.memory.delete(this.athleteId)
    }
    await this.closeDemo()
    this.mode = 'disconnected'
    this.athleteId = this.name = this.keyStorage = null
    this.client = null
    this.generation++
    this.opts.log.info('session.disconnected')
    this.changed()
    return this.status()
  }

  async openDemo(): Promise<SessionStatus> {
    if (this.mode === 'demo') return this.status()
    this.stopWaiting()
    const demo = await this.opts.startDemo()
    await this.closeDemo()
    this.demo = demo
    this.use('demo', demo.coachId, demo.apiKey, null, demo.url)
    this.name = nameOf(await getAthlete(this.http(), demo.coachId)) ?? 'Demo coach'
    this.opts.log.info('session.demo', { url: demo.url })
    this.changed()
    return this.status()
  }

  /**
   * Stops waiting for intervals.icu: every request queued or backing off (after a 429 or a failed
   * attempt) fails with CANCELLED before it is sent, and the queue's pause ends. Reconnecting does
   * the same, so a long Retry-After never outlives the account it was meant for.
   */
  stopWaiting(): { cancelled: number } {
    const cancelled = this.limiter.cancelWaiting()
    if (cancelled > 0) this.opts.log.info('session.stopWaiting', { cancelled })
    return { cancelled }
  }

  async dispose(): Promise<void> {
    await this.closeDemo()
  }

  private use(mode: Mode, athleteId: string, key: string, storage: 'keychain' | 'memory' | null, baseUrl: string): void {
    this.redactKey(key)
    this.mode = mode
    this.athleteId = athleteId
    this.keyStorage = storage
    // Each client keeps its own key: a request still queued from a previous account never borrows the next one's.
    this.client = this.makeHttp(baseUrl, () => key)
    this.generation++
  }

  /** The log scrubs the key, and the Basic credential made from it, whatever a server echoes. */
  private redactKey(key: string): void {
    this.opts.log.redact(key)
    this.opts.log.redact(Buffer.from(`API_KEY:${key}`).toString('base64'))
  }

  private makeHttp(baseUrl: string, apiKey: () => string | null): IcuHttp {
    return new IcuHttp({
      baseUrl,
      apiKey,
      limiter: this.limiter,
      log: this.opts.log,
      timeoutMs: this.opts.timeoutMs,
      onRetry: this.opts.onRetry,
    })
  }

  private async closeDemo(): Promise<void> {
    const demo = this.demo
    this.demo = null
    if (demo) await demo.close()
  }

  private changed(): void {
    this.opts.onChange(this.status())
  }
}

function nameOf(a: { name?: string | null; firstname?: string | null; lastname?: string | null }): string | null {
  return a.name || [a.firstname, a.lastname].filter(Boolean).join(' ') || null
}

/** `i12345` and `12345` name the same athlete (older accounts show the plain number). */
export function sameAthlete(a: string, b: string): boolean {
  const bare = (x: string) => x.trim().toLowerCase().replace(/^i/, '')
  return bare(a) === bare(b)
}

/** Said when the key belongs to someone else than the id typed: whose key it is, and whose id was typed. */
export function notTheOwner(owner: { id: string; name: string }, entered: { id: string; name: string | null }): string {
  const typed = entered.name ? `${entered.name}'s id (${entered.id})` : `${entered.id}, which is not this key's owner`
  return `This key belongs to ${owner.name} (${owner.id}); you entered ${typed}. Enter ${owner.id} to connect as yourself.`
}
