/// <reference lib="dom" />
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { athleteToday } from '../src-main/services/dates'

async function openCalendar(page: Page) {
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  await page.getByTestId('nav-calendar').click()
  await expect(page.getByTestId('calendar-grid')).toBeVisible()
  // Every row has loaded once no row shows its loading mark.
  await expect(page.locator('[data-testid="calendar-row"] .athlete-col .row-loading')).toHaveCount(0, { timeout: 20_000 })
}

/** Next week's first visible, not yet hidden workout chip in an athlete's row. */
function visibleChip(page: Page, row: number) {
  return page.getByTestId('calendar-row').nth(row).locator('.chip-event[data-hidden="false"].cat-workout').last()
}

test('select events across three athletes, hide them with a preview, see them marked, then undo', async ({ app }) => {
  const { page, sim } = app
  await openCalendar(page)
  const chips = [visibleChip(page, 1), visibleChip(page, 2), visibleChip(page, 3)]
  const ids = await Promise.all(chips.map(async (c) => Number(await c.getAttribute('data-event'))))
  await chips[0]!.click()
  await chips[1]!.click({ modifiers: ['Control'] })
  await chips[2]!.click({ modifiers: ['Control'] })
  await expect(page.getByTestId('selection-count')).toHaveText('3 selected')

  sim.resetRequests()
  await page.getByTestId('bulk-hide').click()
  await expect(page.getByTestId('preview-title')).toHaveText('Hide from athlete')
  await expect(page.getByTestId('preview-athlete')).toHaveCount(3)
  await expect(page.getByTestId('preview-change')).toHaveCount(3)
  // Planning read the calendar again but wrote nothing.
  expect(sim.requests.filter((r) => r.method !== 'GET')).toHaveLength(0)
  await page.getByTestId('preview-apply').click()
  await expect(page.getByTestId('report-summary')).toContainText('3 done')
  // One write request per athlete.
  expect(sim.requests.filter((r) => r.method !== 'GET')).toHaveLength(3)
  const hiddenOnServer = () =>
    ids.map((id) => sim.state.roster.flatMap((a) => a.events).find((e) => e.id === id)?.hide_from_athlete)
  expect(hiddenOnServer()).toEqual([true, true, true])
  await page.getByTestId('report-close').click()
  for (const id of ids) await expect(page.locator(`.chip-event[data-event="${id}"]`)).toHaveAttribute('data-hidden', 'true')
  await page.screenshot({ path: test.info().outputPath('calendar-hidden.png') })

  await page.getByTestId('undo').click()
  await expect(page.getByTestId('preview-title')).toHaveText('Undo: Hide from athlete')
  await expect(page.getByTestId('preview-change')).toHaveCount(3)
  await page.getByTestId('preview-apply').click()
  await expect(page.getByTestId('report-summary')).toContainText('3 done')
  await page.getByTestId('report-close').click()
  expect(hiddenOnServer()).toEqual([false, false, false])
  for (const id of ids) await expect(page.locator(`.chip-event[data-event="${id}"]`)).toHaveAttribute('data-hidden', 'false')
})

test('a failed write is reported per event and can be retried', async ({ app }) => {
  const { page, sim } = app
  await openCalendar(page)
  const a = visibleChip(page, 1)
  const b = visibleChip(page, 2)
  await a.click()
  await b.click({ modifiers: ['Control'] })
  await page.getByTestId('bulk-lock').click()
  await expect(page.getByTestId('preview-change')).toHaveCount(2)
  const ids = [Number(await a.getAttribute('data-event')), Number(await b.getAttribute('data-event'))]
  const locked = () => ids.map((id) => sim.state.roster.flatMap((x) => x.events).find((e) => e.id === id)!.athlete_cannot_edit === true)
  // The simulator refuses the first write: one event fails, the other lands.
  sim.addFault({ method: 'PUT', path: /\/events(\/\d+)?$/, status: 422, body: { status: 422, error: 'Calendar is busy' }, times: 1 })
  await page.getByTestId('preview-apply').click()
  await expect(page.getByTestId('report-summary')).toContainText('1 done')
  await expect(page.getByTestId('report-failures')).toContainText('Calendar is busy')
  expect(locked().filter(Boolean)).toHaveLength(1)
  await page.getByTestId('retry-failed').click()
  await expect(page.getByTestId('preview-change')).toHaveCount(1)
  // The retry joins the action: one report for both events, the same title.
  await page.getByTestId('preview-apply').click()
  await expect(page.getByTestId('report-summary')).toContainText('2 done')
  await expect(page.getByTestId('report-failures')).toHaveCount(0)
  expect(locked()).toEqual([true, true])
})

test('shift a selection by two days through the menu', async ({ app }) => {
  const { page, sim } = app
  await openCalendar(page)
  const chip = visibleChip(page, 2)
  const id = Number(await chip.getAttribute('data-event'))
  const before = sim.state.roster.flatMap((x) => x.events).find((e) => e.id === id)!.start_date_local!
  await chip.click()
  await page.getByTestId('bulk-shift').click()
  await page.getByTestId('shift-days').fill('2')
  await page.getByTestId('shift-days').press('Enter')
  await expect(page.getByTestId('preview-change')).toContainText('date:')
  await page.getByTestId('preview-apply').click()
  await expect(page.getByTestId('report-summary')).toContainText('1 done')
  const after = sim.state.roster.flatMap((x) => x.events).find((e) => e.id === id)!.start_date_local!
  expect(Date.parse(after) - Date.parse(before)).toBe(2 * 86_400_000)
})

test('drag a workout to the next day moves it; double-click a day creates a note', async ({ app }) => {
  const { page, sim } = app
  await openCalendar(page)
  const row = page.getByTestId('calendar-row').nth(4)
  const athleteId = (await row.getAttribute('data-athlete'))!
  const chip = row.locator('.chip-event.cat-workout').first()
  const id = Number(await chip.getAttribute('data-event'))
  const from = sim.state.athlete(athleteId)!.events.find((e) => e.id === id)!.start_date_local!.slice(0, 10)
  const cell = chip.locator('xpath=ancestor::td[1]')
  const nextDay = await cell.evaluate((td) => {
    const d = new Date(`${td.getAttribute('data-day')}T00:00:00Z`)
    d.setUTCDate(d.getUTCDate() + 1)
    return d.toISOString().slice(0, 10)
  })
  await chip.dragTo(row.locator(`td.cell[data-day="${nextDay}"]`))
  await expect.poll(() => sim.state.athlete(athleteId)!.events.find((e) => e.id === id)?.start_date_local?.slice(0, 10)).toBe(nextDay)
  expect(nextDay > from).toBe(true)
  await expect(row.locator(`td.cell[data-day="${nextDay}"] .chip-event[data-event="${id}"]`)).toBeVisible()

  // A day from the athlete's today on: an earlier one asks for the coach's yes first.
  const empty = row.locator('td.cell:not(.past):not(:has(.chip-event))').first()
  const day = (await empty.getAttribute('data-day'))!
  await empty.dblclick({ position: { x: 5, y: 5 } })
  await page.getByTestId('editor-name').fill('Call about race week')
  await page.getByTestId('editor-category').selectOption('NOTE')
  await page.getByTestId('editor-save').click()
  await expect(page.getByTestId('event-editor')).toHaveCount(0)
  const note = sim.state.athlete(athleteId)!.events.find((e) => e.name === 'Call about race week')!
  expect(note.category).toBe('NOTE')
  expect(note.start_date_local!.slice(0, 10)).toBe(day)
  await expect(row.locator(`td.cell[data-day="${day}"] .chip-event.cat-note`)).toContainText('Call about race week')
})

test("the day check-in shows each athlete's plan, what was done and the morning's wellness", async ({ app }) => {
  const { page, sim } = app
  await openCalendar(page)
  await page.getByTestId('mode-day').click()
  const coached = sim.state.coached
  await expect(page.getByTestId('day-row')).toHaveCount(coached.length)
  await expect(page.locator('[data-testid="day-row"] .cell-loading')).toHaveCount(0, { timeout: 20_000 })
  let withWellness = 0
  for (const a of coached) {
    // Each row is that athlete's own today, in their timezone.
    const day = athleteToday(a.athlete.timezone ?? 'UTC', new Date())
    const row = page.locator(`[data-testid="day-row"][data-athlete="${a.id}"]`)
    const cells = row.locator('td')
    // Each wellness column shows what intervals.icu holds for that morning, or a dash (the baseline follows it).
    const w = a.wellness.find((r) => r.id === day)
    if (w?.hrv != null || w?.restingHR != null) withWellness++
    const shown = (v: number | null | undefined) => new RegExp(`^\\s*${v == null ? '–' : String(v)}(\\s|$)`)
    await expect(row.getByTestId('day-hrv'), `${a.athlete.name} HRV`).toHaveText(shown(w?.hrv))
    await expect(row.getByTestId('day-rhr'), `${a.athlete.name} resting HR`).toHaveText(shown(w?.restingHR))
    await expect(cells.nth(7), `${a.athlete.name} fatigue`).toHaveText(shown(w?.fatigue))
    await expect(cells.nth(8), `${a.athlete.name} soreness`).toHaveText(shown(w?.soreness))
    // Every event starting that day is in the plan column, every activity of that day in the done column.
    const planned = a.events.filter((e) => e.start_date_local?.slice(0, 10) === day).map((e) => e.name ?? '')
    for (const name of planned) await expect(cells.nth(2), `${a.athlete.name} plan`).toContainText(name)
    const done = a.activities.filter((x) => x.start_date_local?.slice(0, 10) === day).map((x) => x.name ?? '')
    for (const name of done) await expect(cells.nth(3), `${a.athlete.name} done`).toContainText(name)
  }
  // The demo has mornings logged, so the comparison above covered real numbers, not only dashes.
  expect(withWellness).toBeGreaterThan(0)
})

test('clicking a week header selects every event of that week for the athletes shown', async ({ app }) => {
  const { page, sim } = app
  await openCalendar(page)
  const firstWeekDays = await page.locator('thead th.day-col').evaluateAll((ths) => ths.slice(0, 7).map((th) => th.getAttribute('data-day')!))
  const [first, last] = [firstWeekDays[0]!, firstWeekDays[6]!]
  const shown = await page.getByTestId('calendar-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-athlete')!))
  // The expected count comes from intervals.icu's calendar, not the page: every event that covers a day
  // of the week, counted once though a holiday spans several days (its end date is exclusive at midnight).
  const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
  const lastDay = (start: string, end: string | null | undefined) =>
    !end ? start.slice(0, 10) : end.endsWith('T00:00:00') && end.slice(0, 10) > start.slice(0, 10) ? dayBefore(end.slice(0, 10)) : end.slice(0, 10)
  const expected = shown
    .flatMap((id) => sim.state.athlete(id)!.events)
    .filter((e) => e.start_date_local!.slice(0, 10) <= last && lastDay(e.start_date_local!, e.end_date_local) >= first).length
  expect(expected).toBeGreaterThan(0)
  await page.getByTestId('select-week').first().click()
  await expect(page.getByTestId('selection-count')).toHaveText(`${expected} selected`)
})
