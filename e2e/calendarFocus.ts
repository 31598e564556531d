/// <reference lib="dom" />
import type { Page } from '@playwright/test'
import { expect, type AppUnderTest } from './fixtures'
import { weekday } from '../src-main/contract'
import { athleteToday } from '../src-main/services/dates'

// Where the calendar's keyboard focus is, and what the simulator holds there: the calendar's key specs share these.

export const CYCLIST = 'i100001'

/** "2026-12" to "2027-01": the month after. */
export const nextMonth = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1)).toISOString().slice(0, 7)

/** A month's rows, worked out here on their own: Monday on or before the 1st, to Sunday on or after the last day. */
export function monthWeeks(month: string) {
  const first = new Date(`${month}-01T00:00:00Z`)
  const last = new Date(Date.parse(`${nextMonth(month)}-01T00:00:00Z`) - 86_400_000)
  const start = new Date(first.getTime() - ((first.getUTCDay() + 6) % 7) * 86_400_000)
  const end = new Date(last.getTime() + ((7 - last.getUTCDay()) % 7) * 86_400_000)
  return { start: start.toISOString().slice(0, 10), weeks: Math.round((end.getTime() - start.getTime()) / 86_400_000 + 1) / 7 }
}

export async function openCalendar(page: Page) {
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  await page.getByTestId('nav-calendar').click()
  await expect(page.getByTestId('calendar-grid')).toBeVisible()
  await expect(page.locator('[data-testid="calendar-row"] .athlete-col .row-loading')).toHaveCount(0, { timeout: 20_000 })
}

/** Tab from wherever the focus is until a calendar cell has it: the grid is one tab stop. */
export async function tabIntoCalendar(page: Page) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate(() => document.activeElement?.matches('td.cell') ?? false)) return
  }
  throw new Error('Tab never reached a calendar cell')
}

export const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement
    return { athleteId: el.closest('tr')?.dataset.athlete ?? el.closest('table')?.dataset.athlete ?? '', date: el.dataset.day ?? '' }
  })

/** The simulator's events of one athlete starting between two dates (inclusive). */
export function eventsBetween(app: AppUnderTest, athleteId: string, from: string, to: string) {
  return app.sim.state.athlete(athleteId)!.events.filter((e) => {
    const day = e.start_date_local!.slice(0, 10)
    return day >= from && day <= to
  })
}

/** The keyboard's cell in any layout: the athlete's row, month block or month table carries the id. */
export const focusedAnywhere = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement
    return { athleteId: (el.closest('[data-athlete]') as HTMLElement | null)?.dataset.athlete ?? '', date: el.dataset.day ?? '' }
  })

export async function showFourWeeks(page: Page) {
  await page.getByTestId('weeks-4').click()
  await expect(page.getByTestId('calendar-grid')).toHaveAttribute('data-weeks', '4')
  await expect(page.locator('[data-testid="calendar-row"] .row-loading')).toHaveCount(0, { timeout: 20_000 })
  // Every athlete's four weeks have arrived, drawn or not: the refresh button is back.
  await expect(page.getByTestId('calendar-refresh')).toBeEnabled({ timeout: 20_000 })
}

/**
 * The selection is exactly these events, and Delete previews exactly those; Esc closes the preview
 * with nothing deleted.
 */
export async function expectDeletePreview(app: AppUnderTest, expected: unknown[]) {
  const { page, sim } = app
  expect(expected.length).toBeGreaterThan(0)
  await expect(page.getByTestId('selection-count')).toHaveText(`${expected.length} selected`)
  await page.keyboard.press('Delete')
  await expect(page.getByTestId('preview-title')).toHaveText('Delete')
  await expect(page.getByTestId('preview-change')).toHaveCount(expected.length)
  const listed = await page.getByTestId('preview-change').evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.event)))
  expect(listed.sort()).toEqual([...expected].sort())
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('bulk-dialog')).toHaveCount(0)
  for (const id of expected) expect(sim.state.roster.flatMap((a) => a.events).some((e) => e.id === id)).toBe(true)
}

/**
 * Shift drew the box from `anchor` to `corner` weeks later, of one athlete: the selection is that
 * box's events (the weekdays between the corners' in each week), not every date between.
 */
export async function expectBoxDeletePreview(app: AppUnderTest, athleteId: string, anchor: string, corner: string) {
  const [lo, hi] = [weekday(anchor), weekday(corner)].sort((a, b) => a - b) as [number, number]
  const inLine = eventsBetween(app, athleteId, anchor, corner)
  const expected = inLine.filter((e) => weekday(e.start_date_local!) >= lo && weekday(e.start_date_local!) <= hi).map((e) => e.id)
  expect(expected.length, 'the demo has events between the box and the dates in a line').toBeLessThan(inLine.length)
  await expectDeletePreview(app, expected)
}

/** The demo's cyclist's page, on its Calendar tab: the month of the athlete's today. */
export async function openCyclistMonth(app: AppUnderTest) {
  const { page, sim } = app
  await page.getByTestId('open-demo').click()
  await page.locator(`[data-testid="roster-row"][data-athlete="${CYCLIST}"]`).click()
  await page.getByTestId('tab-calendar').click()
  const today = athleteToday(sim.state.athlete(CYCLIST)!.athlete.timezone ?? 'UTC', new Date())
  return { grid: page.getByTestId('month-grid'), today, ...monthWeeks(today.slice(0, 7)) }
}
