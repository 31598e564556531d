import { AppError } from '../contract/errors'
import { isKeychainReply, type KeychainRequest, type KeychainWorker, type LaunchKeychainWorker } from './keychainProtocol'
import { SERVICE_NAME, type SecretStore } from './store'

/** Long enough for a keychain that is slow to wake, short enough that a hung one is not waited on for ever. */
export const KEYCHAIN_TIMEOUT_MS = 10_000

type WithoutId<R> = R extends KeychainRequest ? Omit<R, 'id'> : never
type RequestWithoutId = WithoutId<KeychainRequest>

interface Pending {
  resolve(value: unknown): void
  reject(e: AppError): void
  timer: ReturnType<typeof setTimeout>
}

/**
 * The OS keychain, reached through a worker process (see keychainWorker.ts). keytar can end its
 * process natively (SIGSEGV on a locked Secret Service collection), so that process is never main:
 * a crash, a hang or an unexpected exit of the worker becomes KEYCHAIN_UNAVAILABLE, and the next
 * call starts a fresh worker.
 */
export class IsolatedKeychainStore implements SecretStore {
  readonly kind = 'keychain' as const
  private worker: KeychainWorker | null = null
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private readonly service: string
  private readonly timeoutMs: number

  constructor(
    private readonly launch: LaunchKeychainWorker,
    opts: { service?: string; timeoutMs?: number } = {},
  ) {
    this.service = opts.service ?? SERVICE_NAME
    this.timeoutMs = opts.timeoutMs ?? KEYCHAIN_TIMEOUT_MS
  }

  async problem(): Promise<string | null> {
    try {
      await this.accounts()
      return null
    } catch (e) {
      return e instanceof AppError ? e.message : unavailable('').message
    }
  }

  async get(account: string): Promise<string | null> {
    const v = await this.call({ op: 'get', service: this.service, account })
    if (v !== null && typeof v !== 'string') throw malformed()
    return v
  }

  async set(account: string, secret: string): Promise<void> {
    await this.call({ op: 'set', service: this.service, account, secret })
  }

  async delete(account: string): Promise<boolean> {
    const v = await this.call({ op: 'delete', service: this.service, account })
    if (typeof v !== 'boolean') throw malformed()
    return v
  }

  async accounts(): Promise<string[]> {
    const v = await this.call({ op: 'accounts', service: this.service })
    if (!Array.isArray(v) || !v.every((a) => typeof a === 'string')) throw malformed()
    return v
  }

  /** Ends the worker; a later call starts another. */
  close(): void {
    const w = this.worker
    this.worker = null
    this.failAll(unavailable('closed'))
    w?.kill()
  }

  private call(request: RequestWithoutId): Promise<unknown> {
    let worker: KeychainWorker
    try {
      worker = this.running()
    } catch (e) {
      return Promise.reject(unavailable(`could not start: ${(e as Error)?.message}`))
    }
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        // A hung keychain (a prompt nobody answers, a stuck D-Bus call) holds every call behind it: start over.
        this.failAll(
          new AppError(
            'KEYCHAIN_UNAVAILABLE',
            `The system keychain did not answer within ${Math.round(this.timeoutMs / 1000)} s. ` +
              'It may be locked or waiting to be unlocked: unlock it and try again, or keep the key for this session only.',
            `${request.op} timed out`,
          ),
        )
        if (this.worker === worker) this.worker = null
        worker.kill()
      }, this.timeoutMs)
      this.pending.set(id, { resolve, reject, timer })
      try {
        worker.send({ ...request, id } as KeychainRequest)
      } catch (e) {
        this.settle(id)?.reject(unavailable(`could not send: ${(e as Error)?.message}`))
      }
    })
  }

  private running(): KeychainWorker {
    if (this.worker) return this.worker
    const worker = this.launch()
    this.worker = worker
    worker.onMessage((m) => {
      if (!isKeychainReply(m)) return
      const p = this.settle(m.id)
      if (!p) return
      if (m.ok) p.resolve(m.value)
      else p.reject(new AppError('KEYCHAIN_UNAVAILABLE', m.message, m.detail))
    })
    worker.onExit(({ code, signal }) => {
      if (this.worker === worker) this.worker = null
      this.failAll(unavailable(signal ? `ended by ${signal}` : `exited with code ${code}`))
    })
    return worker
  }

  private settle(id: number): Pending | undefined {
    const p = this.pending.get(id)
    if (!p) return undefined
    this.pending.delete(id)
    clearTimeout(p.timer)
    return p
  }

  private failAll(error: AppError): void {
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(error)
  }
}

function unavailable(how: string): AppError {
  return new AppError(
    'KEYCHAIN_UNAVAILABLE',
    'The system keychain could not be read; it may be locked. Unlock your keyring (on Linux: GNOME Keyring or KWallet) ' +
      'and try again, or keep the key for this session only.',
    `keychain process ${how}`.trim(),
  )
}

function malformed(): AppError {
  return new AppError('KEYCHAIN_UNAVAILABLE', 'The system keychain gave an answer Coach Desk could not read.', 'malformed reply')
}
