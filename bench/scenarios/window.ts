// The window's own work, measured in Chromium through the browser host: opening the calendar with
// and without main's cache at 12, 50 and 200 athletes, selecting a week, scrolling the calendar and
// a 1,000-row activity list. Each figure is the median of several runs.
//
// BENCH_WINDOW_RUNS (default 3) and BENCH_WINDOW_SIZES (default 12,50,200; empty for the activity
// list alone) trim a run; BENCH_RENDERER measures another build than out/renderer.
// BENCH_COMPARE_RENDERER=<dir> measures a second build (another commit's out/renderer) in the same
// run, alternating with this one, and prints both with their ratio.
import { resolve } from 'node:path'
import { startSim, type SimHandle } from '../../src-main/sim'
import type { BenchRow } from '../harness'
import {
  calendarLoaded,
  clickInPage,
  clickToNextFrame,
  closeBrowser,
  longTasksSince,
  median,
  networkQuiet,
  openWindow,
  scrollFrames,
  type LongTasks,
} from '../window/browser'

const RUNS = Number(process.env.BENCH_WINDOW_RUNS ?? 3)
const SIZES = (process.env.BENCH_WINDOW_SIZES ?? '12,50,200').split(',').filter(Boolean).map(Number)
/** One dropped frame at 60 Hz: an interval over 1.5 frames. */
const FRAME_BUDGET_MS = 25

interface Build {
  label: string
  dir: string
}

function builds(): Build[] {
  const own = { label: '', dir: resolve(process.env.BENCH_RENDERER ?? resolve(import.meta.dirname, '../../out/renderer')) }
  const other = process.env.BENCH_COMPARE_RENDERER
  return other ? [{ label: ' [compared build]', dir: resolve(other) }, own] : [own]
}

interface CalendarRun {
  uncached: LongTasks
  uncachedRequests: number
  cached: LongTasks
  cachedRequests: number
  weekSelectMs: number[]
  scroll: { dropped: number; worstMs: number; fps: number } | null
}

/**
 * One coach's session on a fresh core: the first calendar open (2 weeks, nothing cached), then
 * 4 weeks, back to the roster, and the 4 weeks opened again from main's cache.
 */
async function calendarSession(sim: SimHandle, build: Build, athletes: number): Promise<CalendarRun> {
  const w = await openWindow(sim, build.dir)
  try {
    const { page } = w
    let before = sim.requests.length
    let t0 = await clickInPage(page, '[data-testid="nav-calendar"]')
    await calendarLoaded(page, 600_000)
    const uncached = await longTasksSince(page, t0)
    const uncachedRequests = sim.requests.length - before

    await clickInPage(page, '.calendar .seg button', '4w')
    await calendarLoaded(page, 600_000)
    await networkQuiet(sim)
    await clickInPage(page, '[data-testid="nav-roster"]')
    await page.getByTestId('roster-table').waitFor({ timeout: 600_000 })
    await page.waitForTimeout(500)
    before = sim.requests.length
    t0 = await clickInPage(page, '[data-testid="nav-calendar"]')
    await calendarLoaded(page, 600_000)
    const cached = await longTasksSince(page, t0)
    const cachedRequests = sim.requests.length - before

    const weekSelectMs: number[] = []
    if (athletes === 50) {
      // The week headers belong to the day columns of one and two weeks (four weeks is a month per athlete).
      await clickInPage(page, '.calendar .seg button', '2w')
      await calendarLoaded(page, 600_000)
      await networkQuiet(sim)
      for (let i = 0; i < 5; i++) {
        weekSelectMs.push(await clickToNextFrame(page, '[data-testid="select-week"]', i % 2))
        await page.keyboard.press('Escape')
        await page.waitForTimeout(200)
      }
    }
    let scroll: CalendarRun['scroll'] = null
    if (athletes === 200) {
      const s = await scrollFrames(page, '.cal-scroll', 30, 180)
      scroll = { dropped: s.dropped, worstMs: s.worstMs, fps: s.fps }
    }
    return { uncached, uncachedRequests, cached, cachedRequests, weekSelectMs, scroll }
  } finally {
    await w.close()
  }
}

function fmt(n: number): string {
  return n.toFixed(0)
}

function calendarRows(athletes: number, build: Build, runs: CalendarRun[]): BenchRow[] {
  const compared = build.label !== ''
  const cachedTotal = median(runs.map((r) => r.cached.totalMs))
  const cachedLongest = median(runs.map((r) => r.cached.longestMs))
  const cachedBudget = athletes > 50 ? 400 : 150
  const uncachedLongest = median(runs.map((r) => r.uncached.longestMs))
  const rows: BenchRow[] = [
    {
      scenario: `window: calendar 4 weeks from cache, ${athletes} athletes${build.label}`,
      requests: median(runs.map((r) => r.cachedRequests)),
      requestTarget: '0',
      naiveRequests: null,
      ms: cachedTotal,
      boundMs: cachedBudget,
      ratio: cachedTotal / cachedBudget,
      target: `≤ ${cachedBudget} ms long tasks, none > 100`,
      pass: compared || (cachedTotal <= cachedBudget && cachedLongest <= 100),
      note: `long-task total ${runs.map((r) => fmt(r.cached.totalMs)).join(', ')} ms; longest task median ${fmt(cachedLongest)} ms`,
    },
    {
      scenario: `window: calendar 2 weeks uncached, ${athletes} athletes${build.label}`,
      requests: median(runs.map((r) => r.uncachedRequests)),
      requestTarget: '–',
      naiveRequests: null,
      ms: uncachedLongest,
      boundMs: 100,
      ratio: uncachedLongest / 100,
      target: 'longest task ≤ 100 ms',
      pass: compared || uncachedLongest <= 100,
      note: `longest task ${runs.map((r) => fmt(r.uncached.longestMs)).join(', ')} ms; long-task total median ${fmt(median(runs.map((r) => r.uncached.totalMs)))} ms`,
    },
  ]
  const selects = runs.flatMap((r) => r.weekSelectMs)
  if (selects.length) {
    const ms = median(selects)
    rows.push({
      scenario: `window: select a week, ${athletes} athletes${build.label}`,
      requests: 0,
      requestTarget: '0',
      naiveRequests: null,
      ms,
      boundMs: 50,
      ratio: ms / 50,
      target: 'click to next frame < 50 ms',
      pass: compared || ms < 50,
      note: `click to next frame ${selects.map(fmt).join(', ')} ms`,
    })
  }
  const scrolls = runs.flatMap((r) => (r.scroll ? [r.scroll] : []))
  if (scrolls.length) rows.push(scrollRow(`window: calendar scroll, ${athletes} athletes${build.label}`, scrolls, compared))
  return rows
}

function scrollRow(scenario: string, runs: { dropped: number; worstMs: number; fps: number }[], compared: boolean): BenchRow {
  const worst = median(runs.map((r) => r.worstMs))
  const dropped = median(runs.map((r) => r.dropped))
  return {
    scenario,
    requests: 0,
    requestTarget: '0',
    naiveRequests: null,
    ms: worst,
    boundMs: FRAME_BUDGET_MS,
    ratio: worst / FRAME_BUDGET_MS,
    target: 'no dropped frame',
    pass: compared || dropped === 0,
    note: `dropped frames ${runs.map((r) => r.dropped).join(', ')} of 180; fps ${runs.map((r) => r.fps.toFixed(0)).join(', ')}; worst frame interval median ${fmt(worst)} ms`,
  }
}

/** One athlete with 1,000 activities over three years: the activity list's virtual scroll. */
async function activityListRuns(build: Build): Promise<BenchRow> {
  const sim = await startSim({ athletes: 12, latencyMs: 40, rateLimit: { perSecond: 100, burst: 100 } })
  try {
    const athlete = sim.state.coached[0]!
    seedActivities(sim, athlete.id, 1000)
    const runs: { dropped: number; worstMs: number; fps: number }[] = []
    for (let i = 0; i < RUNS; i++) {
      const w = await openWindow(sim, build.dir)
      try {
        await w.page.evaluate((id) => (location.hash = `#/athlete/${id}`), athlete.id)
        await w.page.locator('[data-testid="range-presets"] [data-days="1095"]').click()
        await w.page.waitForFunction(() => Number(document.querySelector('[data-testid="activity-list"]')?.getAttribute('data-count')) >= 1000, undefined, {
          timeout: 60_000,
        })
        await w.page.waitForTimeout(500)
        runs.push(await scrollFrames(w.page, '.vscroll', 20, 180))
      } finally {
        await w.close()
      }
    }
    return scrollRow(`window: activity list scroll, 1,000 rows${build.label}`, runs, build.label !== '')
  } finally {
    await sim.close()
  }
}

/** Copies of the athlete's own activities, a day apart going back, until there are `count`. */
function seedActivities(sim: SimHandle, athleteId: string, count: number): void {
  const a = sim.state.athlete(athleteId)!
  const own = [...a.activities]
  const today = Date.parse(`${own.at(-1)!.start_date_local!.slice(0, 10)}T00:00:00Z`)
  const extra = Array.from({ length: count - own.length }, (_, i) => {
    const src = own[i % own.length]!
    const day = new Date(today - (i + 1) * 86_400_000).toISOString().slice(0, 10)
    return { ...src, id: `b${900000 + i}`, start_date_local: `${day}T${(src.start_date_local ?? '').slice(11) || '07:00:00'}`, paired_event_id: null }
  })
  a.activities = [...extra, ...own].sort((x, y) => (x.start_date_local ?? '').localeCompare(y.start_date_local ?? ''))
}

/** Each row as soon as it is measured, so a run cut short still tells what it found. */
function report(rows: BenchRow[]): BenchRow[] {
  for (const r of rows) process.stderr.write(`  ${r.scenario}: ${r.ms.toFixed(0)} ms (${r.note ?? ''})\n`)
  return rows
}

export async function windowBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  try {
    for (const athletes of SIZES) {
      const sim = await startSim({ athletes, latencyMs: 40, rateLimit: { perSecond: 100, burst: 100 } })
      try {
        const runs = new Map<Build, CalendarRun[]>(builds().map((b) => [b, []]))
        // Builds alternate run by run, so both see the same load on a shared machine.
        for (let i = 0; i < RUNS; i++) {
          for (const [build, list] of runs) {
            process.stderr.write(`  calendar ${athletes} athletes${build.label}, run ${i + 1}\n`)
            list.push(await calendarSession(sim, build, athletes))
          }
        }
        for (const [build, list] of runs) rows.push(...report(calendarRows(athletes, build, list)))
      } finally {
        await sim.close()
      }
    }
    for (const build of builds()) rows.push(...report([await activityListRuns(build)]))
  } finally {
    await closeBrowser()
  }
  return compared(rows)
}

/** Each figure of this build beside the compared build's, as a ratio (the same run, the same load). */
function compared(rows: BenchRow[]): BenchRow[] {
  const label = builds()[0]!.label
  if (!label) return rows
  return rows.map((r) => {
    const other = rows.find((o) => o.scenario === `${r.scenario}${label}`)
    if (!other) return r
    const ratio = other.ms / Math.max(r.ms, 1)
    return { ...r, note: `${r.note ?? ''}; compared build ${other.ms.toFixed(0)} ms, this one ${r.ms.toFixed(0)} ms: ${ratio.toFixed(1)}x less` }
  })
}
