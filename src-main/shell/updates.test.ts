import { afterEach, describe, expect, it, vi } from 'vitest'
import { silentLogger } from '../log'
import { CHECK_EVERY_MS, LOOK_EVERY_MS, UpdateChecker, updatesEnabled, type UpdateFeed } from './updates'

const HOUR = 60 * 60 * 1000

function setup(opts: { latest?: string | null; fails?: boolean; accept?: boolean; lastCheck?: number | null } = {}) {
  let now = 1_000_000_000_000
  let last = opts.lastCheck === undefined ? null : opts.lastCheck
  const feed: UpdateFeed = {
    autoDownload: true,
    autoInstallOnAppQuit: true,
    checkForUpdates: vi.fn(async () => {
      if (opts.fails) throw new Error('net::ERR_INTERNET_DISCONNECTED')
      const latest = opts.latest === undefined ? '0.2.0' : opts.latest
      return latest ? { isUpdateAvailable: latest !== '0.1.0', updateInfo: { version: latest } } : null
    }),
    downloadUpdate: vi.fn(async () => []),
    quitAndInstall: vi.fn(),
  }
  const prompts = { offer: vi.fn(async () => opts.accept ?? false), tell: vi.fn(async () => {}) }
  const checker = new UpdateChecker({
    feed,
    prompts,
    currentVersion: '0.1.0',
    log: silentLogger,
    now: () => now,
    lastCheck: { read: async () => last, write: async (at) => void (last = at) },
  })
  return { checker, feed, prompts, advance: (ms: number) => (now += ms), lastCheck: () => last }
}

describe('update checks', () => {
  afterEach(() => vi.useRealTimers())

  it('nothing is downloaded or installed without the coach: automatic download and install-on-quit are off', () => {
    const { feed } = setup()
    expect(feed.autoDownload).toBe(false)
    expect(feed.autoInstallOnAppQuit).toBe(false)
  })

  it('checks at start, then not again until a day has passed', async () => {
    const { checker, feed, advance } = setup({ latest: '0.1.0' })
    await checker.checkIfDue()
    expect(feed.checkForUpdates).toHaveBeenCalledTimes(1)
    advance(23 * HOUR)
    await checker.checkIfDue()
    expect(feed.checkForUpdates).toHaveBeenCalledTimes(1)
    advance(HOUR)
    await checker.checkIfDue()
    expect(feed.checkForUpdates).toHaveBeenCalledTimes(2)
  })

  it('a restart within the day does not check again (the time is kept)', async () => {
    const { feed, checker } = setup({ latest: '0.1.0', lastCheck: 1_000_000_000_000 - 2 * HOUR })
    await checker.checkIfDue()
    expect(feed.checkForUpdates).not.toHaveBeenCalled()
  })

  it('a clock set back does not silence checks for good', async () => {
    const { feed, checker } = setup({ latest: '0.1.0', lastCheck: 1_000_000_000_000 + 30 * 24 * HOUR })
    await checker.checkIfDue()
    expect(feed.checkForUpdates).toHaveBeenCalledOnce()
  })

  it('left open for days, it looks every hour and checks once a day', async () => {
    vi.useFakeTimers()
    const { checker, feed, advance } = setup({ latest: '0.1.0' })
    checker.start()
    await vi.advanceTimersByTimeAsync(0)
    for (let h = 0; h < 48; h++) {
      advance(LOOK_EVERY_MS)
      await vi.advanceTimersByTimeAsync(LOOK_EVERY_MS)
    }
    checker.stop()
    expect(CHECK_EVERY_MS / LOOK_EVERY_MS).toBe(24)
    expect(feed.checkForUpdates).toHaveBeenCalledTimes(3)
  })

  it('tells the coach about a newer version and installs it only when they ask', async () => {
    const declined = setup({ latest: '0.2.0', accept: false })
    await declined.checker.check(false)
    expect(declined.prompts.offer).toHaveBeenCalledWith('0.2.0', '0.1.0')
    expect(declined.feed.downloadUpdate).not.toHaveBeenCalled()
    expect(declined.feed.quitAndInstall).not.toHaveBeenCalled()

    const accepted = setup({ latest: '0.2.0', accept: true })
    await accepted.checker.check(false)
    expect(accepted.feed.downloadUpdate).toHaveBeenCalledOnce()
    expect(accepted.feed.quitAndInstall).toHaveBeenCalledOnce()
  })

  it('an automatic check stays quiet when there is nothing new or the feed cannot be reached', async () => {
    for (const opts of [{ latest: '0.1.0' }, { latest: null }, { fails: true }]) {
      const { checker, prompts } = setup(opts)
      await checker.check(false)
      expect(prompts.offer).not.toHaveBeenCalled()
      expect(prompts.tell).not.toHaveBeenCalled()
    }
  })

  it('a check the coach asked for always says how it went', async () => {
    const latest = setup({ latest: '0.1.0' })
    await latest.checker.check(true)
    expect(latest.prompts.tell).toHaveBeenCalledWith('Coach Desk 0.1.0 is the latest version.')
    const offline = setup({ fails: true })
    await offline.checker.check(true)
    expect(offline.prompts.tell).toHaveBeenCalledWith('Coach Desk could not reach its release feed. Try again later.')
  })

  it('one check at a time: asking again while one runs joins it', async () => {
    const { checker, feed } = setup({ latest: '0.1.0' })
    await Promise.all([checker.check(true), checker.check(false)])
    expect(feed.checkForUpdates).toHaveBeenCalledOnce()
  })

  it('only a packaged copy with a feed checks, and COACH_DESK_UPDATES=off turns it off', () => {
    expect(updatesEnabled({ isPackaged: true, hasFeed: true, env: {} })).toBe(true)
    expect(updatesEnabled({ isPackaged: false, hasFeed: true, env: {} })).toBe(false)
    expect(updatesEnabled({ isPackaged: true, hasFeed: false, env: {} })).toBe(false)
    expect(updatesEnabled({ isPackaged: true, hasFeed: true, env: { COACH_DESK_UPDATES: 'off' } })).toBe(false)
  })
})
