/// <reference lib="dom" />
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { addDays } from '../src-main/services/dates'
import { publicActivity } from '../src-main/sim/strava'

// The calendar at 1360 x 860 (the fixture's window) in each density: every day (or week) column and
// the week totals fit without scrolling sideways, columns are equal, the header and the toolbar stay put.

const DENSITIES = [1, 2, 4, 12] as const

async function openCalendar(page: Page) {
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  await page.getByTestId('nav-calendar').click()
  await expect(page.getByTestId('calendar-grid')).toBeVisible()
  await rowsLoaded(page)
}

/** Every row drawn has its data once no row shows its loading mark. */
async function rowsLoaded(page: Page) {
  await expect(page.locator('[data-testid="calendar-row"] .athlete-col .row-loading')).toHaveCount(0, { timeout: 30_000 })
  await expect(page.getByTestId('calendar-refresh')).toBeEnabled({ timeout: 30_000 })
}

async function showWeeks(page: Page, weeks: number) {
  await page.getByTestId(`weeks-${weeks}`).click()
  await expect(page.getByTestId('calendar-grid')).toHaveAttribute('data-weeks', String(weeks))
  await rowsLoaded(page)
}

/** What the grid's geometry is, read in the page in one go. */
function measure(page: Page) {
  return page.evaluate(() => {
    const grid = document.querySelector<HTMLElement>('[data-testid="calendar-grid"]')!
    const scroller = grid.closest<HTMLElement>('.cal-scroll')!
    const box = (el: Element) => {
      const r = el.getBoundingClientRect()
      return { left: r.left, right: r.right, top: r.top, width: r.width }
    }
    const firstRow = grid.querySelector('[data-testid="calendar-row"]')!
    return {
      scrollWidth: scroller.scrollWidth,
      clientWidth: scroller.clientWidth,
      viewport: { width: window.innerWidth, height: window.innerHeight },
      // The scroll area's inside, where the rows are seen: within its border, left of a scrollbar.
      inside: { left: scroller.getBoundingClientRect().left + scroller.clientLeft, right: scroller.getBoundingClientRect().left + scroller.clientLeft + scroller.clientWidth },
      heads: Array.from(grid.querySelectorAll('thead th')).map((th) => ({ cls: th.className, ...box(th) })),
      totals: Array.from(firstRow.querySelectorAll('[data-testid="week-total"], [data-testid="overview-week"]')).map(box),
    }
  })
}

/** The toolbar's box and where each of its items sits. */
function toolbar(page: Page) {
  return page.evaluate(() => {
    const bar = document.querySelector<HTMLElement>('.calendar .toolbar')!
    const r = bar.getBoundingClientRect()
    return {
      height: r.height,
      top: r.top,
      // Within the window: nothing pushed past its right edge.
      fits: r.right <= window.innerWidth && Array.from(bar.children).every((c) => c.getBoundingClientRect().right <= r.right + 0.5),
      // Each item's left edge and vertical middle: items of one line share their middle.
      items: Array.from(bar.children).map((c) => {
        const b = c.getBoundingClientRect()
        return [Math.round(b.left), Math.round(b.top + b.height / 2)]
      }),
      gridTop: Math.round(document.querySelector('[data-testid="calendar-grid"]')!.getBoundingClientRect().top),
    }
  })
}

test.describe('with more athletes than fit the screen', () => {
  // Forty athletes: rows are drawn only as they come into view, which the end of the scroll shows.
  test.use({ athletes: 40 })

  test('each density fits 1360 x 860: every column and the week totals without scrolling sideways, equal columns, the header in place', async ({ app }, testInfo) => {
    test.setTimeout(240_000)
    const { page, sim } = app
    await openCalendar(page)
    const coached = sim.state.roster.filter((a) => a.relation === 'coached').map((a) => a.id)
    const firstAthlete = (await page.getByTestId('calendar-row').first().getAttribute('data-athlete'))!
    /** The last row of the calendar, as the first density finds it at the end of its scroll. */
    let lastAthlete: string | null = null
    const oneLine = await toolbar(page)
    // One line: every item of the toolbar on the same row.
    expect(new Set(oneLine.items.map(([, middle]) => middle)).size, 'toolbar items on one line').toBe(1)
    expect(oneLine.fits, 'toolbar within the window').toBe(true)
    // Nothing squeezed or cut: every item has the width its content asks for.
    const squeezed = await page.evaluate(() => Array.from(document.querySelectorAll('.calendar .toolbar > :not(.calendar-title), .calendar .toolbar .seg button')).filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent))
    expect(squeezed).toEqual([])

    for (const weeks of DENSITIES) {
      await showWeeks(page, weeks)
      const m = await measure(page)
      await page.screenshot({ path: testInfo.outputPath(`calendar-${weeks}w.png`) })

      expect(m.scrollWidth, `${weeks}w: no horizontal scroll`).toBe(m.clientWidth)
      const expectedColumns = weeks === 12 ? 12 : weeks === 4 ? 8 : weeks * 8
      expect(m.heads, `${weeks}w: athlete, day and week headers`).toHaveLength(1 + expectedColumns)
      for (const h of m.heads) {
        expect(h.left, `${weeks}w: ${h.cls} starts in view`).toBeGreaterThanOrEqual(m.inside.left - 0.5)
        expect(h.right, `${weeks}w: ${h.cls} ends in view`).toBeLessThanOrEqual(Math.min(m.viewport.width, m.inside.right) + 0.5)
      }
      expect(m.totals, `${weeks}w: the week totals of the first row`).toHaveLength(weeks)
      for (const t of m.totals) expect(t.right, `${weeks}w: week total in view`).toBeLessThanOrEqual(m.inside.right + 0.5)

      // Equal columns: days (and the week columns) share the width evenly.
      const dayWidths = m.heads.filter((h) => /day-col|overview-week-col/.test(h.cls)).map((h) => h.width)
      expect(dayWidths).toHaveLength(weeks === 12 ? 12 : 7 * (weeks === 4 ? 1 : weeks))
      expect(Math.max(...dayWidths) - Math.min(...dayWidths), `${weeks}w: equal day columns`).toBeLessThanOrEqual(1)
      const weekWidths = m.heads.filter((h) => /\bweek-col\b/.test(h.cls)).map((h) => h.width)
      if (weekWidths.length) expect(Math.max(...weekWidths) - Math.min(...weekWidths)).toBeLessThanOrEqual(1)
      // Wide enough to read: a day of the two-week view still holds a compact chip.
      expect(Math.min(...dayWidths), `${weeks}w: readable columns`).toBeGreaterThanOrEqual(weeks === 2 ? 66 : 90)

      // The header stays where it is while the rows scroll under it.
      const scroller = page.locator('.cal-scroll')
      const headTop = m.heads[1]!.top
      await scroller.evaluate((el) => (el.scrollTop = 300))
      expect(await scroller.evaluate((el) => el.scrollTop), `${weeks}w: the rows scroll`).toBeGreaterThan(0)
      const after = await measure(page)
      expect(after.heads[1]!.top, `${weeks}w: header in place`).toBeCloseTo(headTop, 0)
      expect(after.heads[0]!.left, `${weeks}w: athlete column in place`).toBeCloseTo(m.heads[0]!.left, 0)
      await page.screenshot({ path: testInfo.outputPath(`calendar-${weeks}w-scrolled.png`) })
      // Rows are drawn as they come into view, whatever their height at this density.
      const drawnAtTop = await page.getByTestId('calendar-row').evaluateAll((els) => els.map((el) => el.getAttribute('data-athlete')))
      await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight))
      if (lastAthlete === null) {
        await expect(page.getByTestId('calendar-row').last()).not.toHaveAttribute('data-athlete', drawnAtTop.at(-1)!)
        lastAthlete = (await page.getByTestId('calendar-row').last().getAttribute('data-athlete'))!
        expect(coached).toContain(lastAthlete)
      }
      await expect(page.getByTestId('calendar-row').last()).toHaveAttribute('data-athlete', lastAthlete)
      await expect(page.getByTestId('calendar-row').last()).toBeInViewport()
      await scroller.evaluate((el) => (el.scrollTop = 0))
      await expect(page.getByTestId('calendar-row').first()).toHaveAttribute('data-athlete', firstAthlete)

      // Nothing in the toolbar moved with the density.
      expect(await toolbar(page)).toEqual(oneLine)
    }
  })

})

test('the toolbar keeps its line and place when a chip is selected and when Undo appears', async ({ app }, testInfo) => {
  const { page, sim } = app
  await openCalendar(page)
  await showWeeks(page, 1)
  const before = await toolbar(page)
  await expect(page.getByTestId('undo')).toBeHidden()

  const chip = page.locator('[data-testid="calendar-row"] .chip-event[data-hidden="false"].cat-workout').first()
  const id = Number(await chip.getAttribute('data-event'))
  await chip.click()
  await expect(page.getByTestId('selection-count')).toHaveText('1 selected')
  expect(await toolbar(page), 'with a selection').toEqual(before)

  await page.getByTestId('bulk-hide').click()
  await page.getByTestId('preview-apply').click()
  await expect(page.getByTestId('report-summary')).toContainText('1 done')
  await page.getByTestId('report-close').click()
  expect(sim.state.roster.flatMap((a) => a.events).find((e) => e.id === id)?.hide_from_athlete).toBe(true)
  await expect(page.getByTestId('undo')).toBeVisible()
  expect(await toolbar(page), 'with Undo').toEqual(before)
  await page.screenshot({ path: testInfo.outputPath('calendar-1w-undo.png') })
  // While a refresh is on its way, too.
  sim.setLatency(1500)
  await page.getByTestId('calendar-refresh').click()
  await expect(page.getByTestId('calendar-refresh')).toHaveAttribute('aria-label', 'Loading')
  expect(await toolbar(page), 'while loading').toEqual(before)
  sim.setLatency(0)
  await rowsLoaded(page)
  // In every density, Undo and all.
  for (const weeks of DENSITIES) {
    await showWeeks(page, weeks)
    expect(await toolbar(page), `${weeks}w with Undo`).toEqual(before)
  }
})

test("the overview's bars are each week's planned and done load, and a week opens in one click", async ({ app }, testInfo) => {
  test.setTimeout(180_000)
  const { page, sim } = app
  await openCalendar(page)
  // Twelve weeks for every athlete in one events and one activities request each: the weeks already
  // shown are cached, the others asked as one range.
  sim.resetRequests()
  await showWeeks(page, 12)
  const reads = sim.requests.filter((r) => r.method === 'GET' && /\/athlete\/[^/]+\/(events|activities)/.test(r.path))
  const perAthlete = new Map<string, number>()
  for (const r of reads) {
    const key = r.path.replace(/\?.*/, '')
    perAthlete.set(key, (perAthlete.get(key) ?? 0) + 1)
  }
  const rows = await page.getByTestId('calendar-row').count()
  expect([...perAthlete.keys()].filter((k) => k.endsWith('/events')).length, 'the new weeks asked for every athlete').toBe(rows)
  expect(Math.max(...perAthlete.values()), 'one request per athlete and kind').toBe(1)

  // Eight weeks back, so the overview holds done weeks and planned ones.
  for (let i = 0; i < 8; i++) await page.getByTestId('prev-week').click()
  await rowsLoaded(page)
  await expect(page.getByTestId('calendar-grid')).toHaveAttribute('data-weeks', '12')

  const row = page.getByTestId('calendar-row').first()
  const athleteId = (await row.getAttribute('data-athlete'))!
  const athlete = sim.state.roster.find((a) => a.id === athleteId)!
  const cells = row.getByTestId('overview-week')
  await expect(cells).toHaveCount(12)
  const mondays = await cells.evaluateAll((els) => els.map((el) => el.getAttribute('data-week')!))
  const inWeek = (date: string | null | undefined, monday: string) => !!date && date.slice(0, 10) >= monday && date.slice(0, 10) <= addDays(monday, 6)
  const expected = mondays.map((monday) => ({
    planned: Math.round(athlete.events.filter((e) => e.category === 'WORKOUT' && inWeek(e.start_date_local, monday)).reduce((s, e) => s + (e.icu_training_load ?? 0), 0)),
    // As the API gives them: a Strava import carries no load there.
    done: Math.round(athlete.activities.map(publicActivity).filter((a) => inWeek(a.start_date_local, monday)).reduce((s, a) => s + (a.icu_training_load ?? 0), 0)),
  }))
  // The seeded data has both in this span, or the comparison would prove little.
  expect(expected.some((w) => w.done > 0)).toBe(true)
  expect(expected.some((w) => w.planned > 0)).toBe(true)
  const shown = await cells.evaluateAll((els) => els.map((el) => ({ planned: Number(el.getAttribute('data-planned')), done: Number(el.getAttribute('data-done')) })))
  expect(shown).toEqual(expected)
  await expect(cells.first().locator('.nums')).toHaveText(`${expected[0]!.done} / ${expected[0]!.planned}`)

  // Bar heights follow the loads, scaled to the athlete's largest week.
  const top = Math.max(...expected.flatMap((w) => [w.planned, w.done]))
  const heights = await cells.evaluateAll((els) =>
    els.map((el) => ({
      planned: el.querySelector<HTMLElement>('.bar.planned')!.getBoundingClientRect().height,
      done: el.querySelector<HTMLElement>('.bar.done')!.getBoundingClientRect().height,
      full: el.querySelector<HTMLElement>('.bars')!.getBoundingClientRect().height,
    })),
  )
  heights.forEach((h, i) => {
    expect(h.planned).toBeCloseTo(Math.max(1, (expected[i]!.planned / top) * h.full), -0.5)
    expect(h.done).toBeCloseTo(Math.max(1, (expected[i]!.done / top) * h.full), -0.5)
  })
  await page.screenshot({ path: testInfo.outputPath('calendar-12w-past.png') })

  // A week's cell opens that week alone; its header opens four weeks from it.
  const third = mondays[2]!
  await cells.nth(2).click()
  await expect(page.getByTestId('calendar-grid')).toHaveAttribute('data-weeks', '1')
  await expect(page.locator('thead th.day-col').first()).toHaveAttribute('data-day', third)
  await expect(page.locator('thead th.day-col')).toHaveCount(7)
  // The density stays while moving between weeks.
  await page.getByTestId('next-week').click()
  await expect(page.locator('thead th.day-col').first()).toHaveAttribute('data-day', addDays(third, 7))
  await showWeeks(page, 12)
  await page.getByTestId('overview-week-head').nth(1).click()
  await expect(page.getByTestId('calendar-grid')).toHaveAttribute('data-weeks', '4')
  await rowsLoaded(page)
  await expect(page.getByTestId('calendar-row').first().locator('td.cell').first()).toHaveAttribute('data-day', addDays(third, 14))
})

test('the density chosen is the one the calendar opens at after a restart, also one opened from the overview', async ({ app }) => {
  const { page } = app
  await openCalendar(page)
  await expect(page.getByTestId('calendar-grid')).toHaveAttribute('data-weeks', '2')
  await showWeeks(page, 12)
  await page.reload()
  await page.getByTestId('nav-calendar').click()
  await expect(page.getByTestId('calendar-grid')).toHaveAttribute('data-weeks', '12')
  await rowsLoaded(page)
  // Four weeks opened from the overview's heading is the density kept too.
  await page.getByTestId('overview-week-head').nth(1).click()
  await expect(page.getByTestId('calendar-grid')).toHaveAttribute('data-weeks', '4')
  await page.reload()
  await page.getByTestId('nav-calendar').click()
  await expect(page.getByTestId('calendar-grid')).toHaveAttribute('data-weeks', '4')
  await expect(page.getByTestId('weeks-4')).toHaveClass(/active/)
})
