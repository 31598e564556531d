import { CHANNELS, type Channel, type EventName } from './contract/channels'
import { AppError, type Result } from './contract/errors'
import { issuesMessage } from './contract/issueMessage'
import { contract, type EventPayloadOf } from './contract/schemas'
import type { LimiterOptions } from './icu/limiter'
import type { Logger } from './log'
import type { SecretStore } from './secrets/store'
import { athleteHandlers } from './services/athlete'
import { attentionHandlers } from './services/attention/handlers'
import { calendarHandlers, createCalendar } from './services/calendar/handlers'
import type { HandlersFor, InvokeContext, ServiceDeps } from './services/deps'
import type { ExportDialogs } from './services/exports/dialogs'
import { exportsHandlers } from './services/exports/handlers'
import { groupsHandlers } from './services/groups/handlers'
import { cleanExportLeftovers } from './services/exports/housekeeping'
import { RosterCache, rosterHandlers } from './services/roster'
import { SessionService, type DemoServer } from './services/session'
import { workoutsHandlers } from './services/workouts/handlers'
import { isAllowedExternalUrl } from './security'

export const DEFAULT_BASE_URL = 'https://intervals.icu'

/**
 * The client's limiter: intervals.icu allows about 10 requests a second per IP address "with a
 * short burst"; half of the simulator's burst of 20 is kept as slack for other programs (the web
 * app in the coach's browser) on the same address.
 */
export const DEFAULT_LIMITER: LimiterOptions = { perSecond: 10, burst: 10, maxInFlight: 6 }

export interface CoreOptions {
  /** The OS keychain in the app; a memory store in tests. */
  secrets: SecretStore
  /** ICU_BASE_URL: intervals.icu, the simulator, a proxy or a test server. */
  baseUrl?: string
  log: Logger
  /** Sends a main-to-renderer event (only names from the contract's EVENTS list). */
  emit: <E extends EventName>(event: E, payload: EventPayloadOf<E>) => void
  /** Starts the in-process simulator for "Explore demo data". */
  startDemo: () => Promise<DemoServer>
  /** Opens an allowed https URL in the system browser. */
  openExternal?: (url: string) => Promise<void>
  /** Shows a desktop notification (Electron's Notification); absent in the browser host. */
  notify?: (n: { title: string; body: string }) => void
  now?: () => Date
  limiter?: Partial<LimiterOptions>
  timeoutMs?: number
  /** The folder main writes its own files into (exports, drag files). */
  dataDir: string
  /** Open the demo at start when no account is stored. */
  demoWhenDisconnected?: boolean
  /** Where exports go: native dialogs in Electron, a fixed folder in the browser host and tests. */
  dialogs?: ExportDialogs
}

export type { InvokeContext }


export interface Core {
  /** Validates the arguments strictly, runs the handler, and answers the contract's envelope. */
  invoke(channel: string, args: unknown, ctx?: InvokeContext): Promise<Result<unknown>>
  /** Restores a stored account (or opens the demo); call once at start. */
  start(): Promise<void>
  dispose(): Promise<void>
}

/** The composition root: Electron main and the browser host both build the app through this. */
export function createCore(opts: CoreOptions): Core {
  const now = opts.now ?? (() => new Date())
  const log = opts.log
  const session = new SessionService({
    keychain: opts.secrets,
    baseUrl: opts.baseUrl ?? DEFAULT_BASE_URL,
    log,
    limiter: { ...DEFAULT_LIMITER, ...opts.limiter },
    timeoutMs: opts.timeoutMs,
    startDemo: opts.startDemo,
    onChange: (status) => opts.emit('session:changed', status),
    onRetry: (n) => opts.emit('icu:retrying', { delaySecs: Math.max(1, Math.round(n.delayMs / 1000)), reason: n.reason }),
  })
  const deps: ServiceDeps = { session, now, log, emit: opts.emit, dataDir: opts.dataDir }
  const roster = new RosterCache(deps)
  const calendar = createCalendar(deps, roster)

  const handlers: HandlersFor<Channel> = {
    'session:status': async () => session.status(),
    'session:testConnection': async ({ athleteId, apiKey }) => session.test(athleteId, apiKey),
    'session:connect': async ({ athleteId, apiKey, storage }) => session.connect(athleteId, apiKey, storage),
    'session:disconnect': async () => session.disconnect(),
    'session:openDemo': async () => session.openDemo(),
    'session:stopWaiting': async () => session.stopWaiting(),
    'app:openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url) || !opts.openExternal) return { opened: false }
      await opts.openExternal(url)
      return { opened: true }
    },
    'app:notify': async ({ title, body }) => {
      if (!opts.notify) return { shown: false }
      opts.notify({ title, body })
      return { shown: true }
    },
    ...rosterHandlers(deps, roster),
    ...athleteHandlers(deps, roster),
    ...calendarHandlers(deps, roster, calendar),
    ...exportsHandlers(deps, roster, calendar.loader, opts.dialogs),
    ...workoutsHandlers(deps, roster, calendar),
    ...attentionHandlers(deps, roster),
    ...groupsHandlers(deps),
  }

  /** Temporary files of writes cut short and old drag folders, at start and at quit. */
  async function cleanLeftovers(): Promise<void> {
    try {
      const removed = await cleanExportLeftovers(opts.dataDir)
      if (removed.tempFiles || removed.dragFolders) log.info('exports.cleaned', { ...removed })
    } catch (e) {
      log.warn('exports.clean_failed', { error: (e as Error)?.message })
    }
  }

  async function invoke(channel: string, args: unknown, ctx: InvokeContext = {}): Promise<Result<unknown>> {
    if (!(CHANNELS as readonly string[]).includes(channel)) {
      return fail(new AppError('INVALID_INPUT', 'Unknown request.'))
    }
    const c = channel as Channel
    const parsed = contract[c].args.safeParse(args ?? {})
    if (!parsed.success) {
      log.warn('ipc.invalid_args', { channel, issues: parsed.error.issues.length })
      return fail(new AppError('INVALID_INPUT', issuesMessage(parsed.error.issues)))
    }
    try {
      const handler = handlers[c] as (a: unknown, ctx: InvokeContext) => Promise<unknown>
      const value = await handler(parsed.data, ctx)
      return { ok: true, value }
    } catch (e) {
      if (e instanceof AppError) {
        log.warn('ipc.failed', { channel, code: e.code, detail: e.detail })
        return fail(e)
      }
      log.error('ipc.crashed', { channel, error: (e as Error)?.stack ?? String(e) })
      return fail(new AppError('INTERNAL', 'Something went wrong in Coach Desk. The details are in the log.'))
    }
  }

  return {
    invoke,
    async start() {
      try {
        const status = await session.restore()
        if (status.state === 'disconnected' && opts.demoWhenDisconnected) await session.openDemo()
      } catch (e) {
        log.error('core.start_failed', { error: (e as Error)?.message })
      }
      await cleanLeftovers()
    },
    async dispose() {
      await session.dispose()
      await cleanLeftovers()
    },
  }
}

function fail(e: AppError): Result<never> {
  return { ok: false, error: { code: e.code, message: e.message } }
}
