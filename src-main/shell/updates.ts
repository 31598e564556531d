import type { Logger } from '../log'

// Checks the release feed for a newer Coach Desk at start and then at most once a day, tells the
// coach, and downloads and installs only when the coach asks. Only packaged copies check: in
// development and in the browser host there is nothing to update. The feed itself (where releases
// are published) is set in one place, packaging/releaseFeed.ts, which electron-builder writes into
// the package as app-update.yml for electron-updater to read.

export const CHECK_EVERY_MS = 24 * 60 * 60 * 1000
/** How often the daily rule is looked at while the app stays open for days. */
export const LOOK_EVERY_MS = 60 * 60 * 1000

/** The part of electron-updater's AppUpdater this uses. */
export interface UpdateFeed {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  checkForUpdates(): Promise<{ isUpdateAvailable?: boolean; updateInfo: { version: string } } | null>
  downloadUpdate(): Promise<unknown>
  quitAndInstall(): void
}

/** The questions and notices the coach sees (native message boxes in Electron). */
export interface UpdatePrompts {
  /** A newer version is there: true when the coach chooses to download and install it now. */
  offer(version: string, current: string): Promise<boolean>
  /** After a check the coach asked for: nothing newer, or the check failed. */
  tell(message: string): Promise<void>
}

export interface UpdateCheckerDeps {
  feed: UpdateFeed
  prompts: UpdatePrompts
  currentVersion: string
  /** When the last check ran (ms since epoch), kept across restarts. */
  lastCheck: { read(): Promise<number | null>; write(at: number): Promise<void> }
  log: Logger
  now?: () => number
}

export class UpdateChecker {
  private running: Promise<void> | null = null
  private timer: ReturnType<typeof setInterval> | null = null
  private readonly now: () => number

  constructor(private readonly deps: UpdateCheckerDeps) {
    this.now = deps.now ?? Date.now
    // The coach decides: nothing is downloaded until they say so, nothing installed behind their back.
    deps.feed.autoDownload = false
    deps.feed.autoInstallOnAppQuit = false
  }

  /** At start, then hourly: check when the last check is a day old or more. */
  start(): void {
    void this.checkIfDue()
    this.timer = setInterval(() => void this.checkIfDue(), LOOK_EVERY_MS)
    this.timer.unref?.()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  async checkIfDue(): Promise<void> {
    const last = await this.deps.lastCheck.read()
    if (last !== null && this.now() - last < CHECK_EVERY_MS && this.now() >= last) return
    await this.check(false)
  }

  /** One check at a time; `asked` when the coach chose "Check for Updates…" (they hear the outcome). */
  check(asked: boolean): Promise<void> {
    this.running ??= this.run(asked).finally(() => (this.running = null))
    return this.running
  }

  private async run(asked: boolean): Promise<void> {
    const { feed, prompts, log, currentVersion } = this.deps
    await this.deps.lastCheck.write(this.now())
    let found: Awaited<ReturnType<UpdateFeed['checkForUpdates']>>
    try {
      found = await feed.checkForUpdates()
    } catch (e) {
      log.warn('updates.check_failed', { error: String(e) })
      if (asked) await prompts.tell('Coach Desk could not reach its release feed. Try again later.')
      return
    }
    const version = found?.updateInfo.version
    if (!found || found.isUpdateAvailable === false || !version || version === currentVersion) {
      log.info('updates.none', { currentVersion })
      if (asked) await prompts.tell(`Coach Desk ${currentVersion} is the latest version.`)
      return
    }
    log.info('updates.available', { currentVersion, version })
    if (!(await prompts.offer(version, currentVersion))) return
    try {
      await feed.downloadUpdate()
    } catch (e) {
      log.warn('updates.download_failed', { error: String(e) })
      await prompts.tell(`Coach Desk ${version} could not be downloaded. Try again later from Check for Updates.`)
      return
    }
    feed.quitAndInstall()
  }
}

/** Whether this copy checks for updates: a packaged app with a feed, unless turned off. */
export function updatesEnabled(opts: { isPackaged: boolean; hasFeed: boolean; env: NodeJS.ProcessEnv }): boolean {
  return opts.isPackaged && opts.hasFeed && opts.env.COACH_DESK_UPDATES !== 'off'
}
