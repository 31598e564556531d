// The window measured where a coach sees it: the built renderer in Chromium through the browser
// host, wired to the real core and the simulator. Timings come from the page's own clocks.
import { chromium, type Browser, type Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { silentLogger } from '../../src-main/log'
import { MemorySecretStore } from '../../src-main/secrets/memory'
import { fixedFolderDialogs } from '../../src-main/services/exports/dialogs'
import type { SimHandle } from '../../src-main/sim'
import { startHost, type HostHandle } from '../../src-host/server'
import { CHROMIUM_ARGS } from '../../e2e/fixtures'

export interface WindowUnderTest {
  page: Page
  host: HostHandle
  close(): Promise<void>
}

/** Main-thread tasks over 50 ms, as Chromium reports them, recorded from the page's first script. */
const RECORD_LONG_TASKS = `
  // tsx compiles the functions handed to page.evaluate with a name-keeping helper the page lacks.
  globalThis.__name ??= (f) => f
  window.__longTasks = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration])
  }).observe({ type: 'longtask', buffered: true })
`

let browser: Browser | null = null

async function sharedBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  return browser
}

export async function closeBrowser(): Promise<void> {
  await browser?.close()
  browser = null
}

/**
 * A fresh core (nothing cached) on the given simulator, serving rendererDir, opened in a new page
 * with the demo (which is that simulator). The client's limiter is opened up to the simulator's
 * own: these scenarios time the window, not the network.
 */
export async function openWindow(sim: SimHandle, rendererDir: string): Promise<WindowUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), 'coach-desk-bench-window-'))
  const host = await startHost({
    secrets: new MemorySecretStore(),
    baseUrl: sim.url,
    log: silentLogger,
    dataDir: dir,
    dialogs: fixedFolderDialogs(dir),
    limiter: { perSecond: 100, burst: 100, maxInFlight: 16 },
    startDemo: async () => ({ url: sim.url, coachId: sim.coachId, apiKey: sim.apiKey, close: async () => {} }),
    rendererDir,
  })
  const context = await (await sharedBrowser()).newContext({ viewport: { width: 1360, height: 860 } })
  const page = await context.newPage()
  // A window busy for minutes (a large calendar drawn all at once) is a figure to report, not a failure.
  page.setDefaultTimeout(600_000)
  await page.addInitScript(RECORD_LONG_TASKS)
  await page.goto(host.openUrl)
  await page.getByTestId('open-demo').click()
  await page.getByTestId('roster-table').waitFor({ timeout: 60_000 })
  await networkQuiet(sim)
  return {
    page,
    host,
    close: async () => {
      await context.close()
      await host.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Waits until the simulator has had no request for quietMs (background loads finished). */
export async function networkQuiet(sim: SimHandle, quietMs = 800, maxMs = 120_000): Promise<void> {
  const t0 = Date.now()
  let seen = sim.requests.length
  let since = Date.now()
  while (Date.now() - t0 < maxMs) {
    await new Promise((r) => setTimeout(r, 100))
    if (sim.requests.length !== seen) {
      seen = sim.requests.length
      since = Date.now()
    } else if (Date.now() - since >= quietMs) return
  }
}

export interface LongTasks {
  totalMs: number
  longestMs: number
  count: number
}

/**
 * Clicks selector (the index-th match, or the one whose text is `index` when a string) inside the
 * page, with no wait for the page to answer, and returns the page's clock at the click.
 */
export function clickInPage(page: Page, selector: string, index: number | string = 0): Promise<number> {
  return page.evaluate(
    ([sel, i]) => {
      const all = Array.from(document.querySelectorAll<HTMLElement>(sel))
      const el = typeof i === 'string' ? all.find((e) => e.textContent?.trim() === i) : all[i]
      if (!el) throw new Error(`nothing matches ${sel} #${i}`)
      const t0 = performance.now()
      el.click()
      return t0
    },
    [selector, index] as const,
  )
}

/** The long tasks since t0, once the page has been idle long enough for the observer to report them. */
export async function longTasksSince(page: Page, t0: number): Promise<LongTasks> {
  await page.waitForTimeout(600)
  return page.evaluate((since) => {
    const tasks = ((window as unknown as { __longTasks: [number, number][] }).__longTasks ?? []).filter(([start]) => start >= since - 1)
    return {
      totalMs: tasks.reduce((s, [, d]) => s + d, 0),
      longestMs: tasks.reduce((m, [, d]) => Math.max(m, d), 0),
      count: tasks.length,
    }
  }, t0)
}

/** The calendar has every row: its answer has come (Refresh enabled) and no rendered row is loading. */
export async function calendarLoaded(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForFunction(
    () =>
      !!document.querySelector('[data-testid="calendar-grid"]') &&
      !!document.querySelector('[data-testid="calendar-refresh"]:not([disabled])') &&
      !document.querySelector('[data-testid="calendar-row"] .row-loading'),
    undefined,
    { timeout, polling: 50 },
  )
}

/** From a click to the next frame painted after it: what a coach waits for. */
export function clickToNextFrame(page: Page, selector: string, index = 0): Promise<number> {
  return page.evaluate(
    ([sel, i]) =>
      new Promise<number>((resolve, reject) => {
        const el = document.querySelectorAll<HTMLElement>(sel)[i]
        if (!el) return reject(new Error(`nothing matches ${sel} #${i}`))
        const t0 = performance.now()
        el.click()
        // The frame's callbacks run before its style, layout and paint; the task after it, after them.
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0))
      }),
    [selector, index] as const,
  )
}

export interface ScrollFrames {
  frames: number
  dropped: number
  /** The longest interval between two frames. */
  worstMs: number
  fps: number
}

/**
 * Scrolls an element by step px every frame for the given number of frames and counts the frames
 * missed on the way (a 60 Hz display: an interval of 2 x 16.7 ms is one frame dropped).
 */
export function scrollFrames(page: Page, selector: string, step: number, frames: number): Promise<ScrollFrames> {
  return page.evaluate(
    ([sel, px, n]) =>
      new Promise<ScrollFrames>((resolve, reject) => {
        const el = document.querySelector<HTMLElement>(sel)
        if (!el) return reject(new Error(`nothing matches ${sel}`))
        el.scrollTop = 0
        const stamps: number[] = []
        const tick = (t: number) => {
          stamps.push(t)
          if (stamps.length > n) {
            const intervals = stamps.slice(1).map((s, i) => s - stamps[i]!)
            const dropped = intervals.reduce((d, ms) => d + Math.max(0, Math.round(ms / (1000 / 60)) - 1), 0)
            const span = stamps.at(-1)! - stamps[0]!
            return resolve({ frames: intervals.length, dropped, worstMs: Math.max(...intervals), fps: (intervals.length / span) * 1000 })
          }
          el.scrollTop += px
          // Back to the top when the end is reached: the scroll keeps bringing new rows into view.
          if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) el.scrollTop = 0
          requestAnimationFrame(tick)
        }
        requestAnimationFrame(tick)
      }),
    [selector, step, frames] as const,
  )
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}
