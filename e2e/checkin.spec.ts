/// <reference lib="dom" />
import { test, expect } from './fixtures'
import { addDays, coachDate } from '../src-main/services/dates'

// Half past midnight in London (the coach): Los Angeles is still on the afternoon before.
const now = new Date()
const LONDON_PAST_MIDNIGHT = new Date(`${now.toISOString().slice(0, 10)}T00:30:00Z`)
test.use({ appTime: LONDON_PAST_MIDNIGHT.toISOString() })

const LOS_ANGELES = 'i100001'
const LONDON = 'i100007'

test("the check-in shows each athlete's own day: yesterday for an athlete west of the coach, with that day's wellness", async ({ app }) => {
  test.skip(app.mode === 'electron', 'the app clock is set through the browser host')
  const { page, sim } = app
  expect(sim.state.athlete(LOS_ANGELES)!.athlete.timezone).toBe('America/Los_Angeles')
  expect(sim.state.athlete(LONDON)!.athlete.timezone).toBe('Europe/London')
  const coachDay = LONDON_PAST_MIDNIGHT.toISOString().slice(0, 10)
  const laDay = addDays(coachDay, -1)

  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  await page.getByTestId('nav-calendar').click()
  await page.getByTestId('mode-day').click()
  await expect(page.getByTestId('day-label')).toHaveText("Each athlete's today")
  const la = page.locator(`[data-testid="day-row"][data-athlete="${LOS_ANGELES}"]`)
  const london = page.locator(`[data-testid="day-row"][data-athlete="${LONDON}"]`)
  // Wellness over four weeks for every athlete: room for a busy machine.
  await expect(la).toHaveAttribute('data-day', laDay, { timeout: 30_000 })
  await expect(london).toHaveAttribute('data-day', coachDay)
  await expect(la.getByTestId('day-date-cell')).toHaveText(coachDate(laDay))

  // That day's own wellness, read against the athlete's own baseline.
  const w = sim.state.athlete(LOS_ANGELES)!.wellness.find((x) => x.id === laDay)
  if (w?.hrv) await expect(la.getByTestId('day-hrv')).toContainText(String(w.hrv))
  await expect(la.getByTestId('day-hrv').locator('.base')).toBeVisible()
  // The plan shown is that athlete's plan for their own day.
  const planned = sim.state.athlete(LOS_ANGELES)!.events.filter((e) => e.category === 'WORKOUT' && e.start_date_local?.slice(0, 10) === laDay)
  for (const e of planned) await expect(la).toContainText(e.name!)

  // The coach picks a day: every row shows it, and previous/next day move it.
  await page.getByTestId('day-date').fill(addDays(coachDay, -3))
  await expect(page.getByTestId('day-label')).toHaveText(`${coachDate(addDays(coachDay, -3))}, for every athlete`)
  await expect(la).toHaveAttribute('data-day', addDays(coachDay, -3), { timeout: 30_000 })
  await expect(london).toHaveAttribute('data-day', addDays(coachDay, -3))
  await page.getByTestId('day-next').click()
  await expect(la).toHaveAttribute('data-day', addDays(coachDay, -2), { timeout: 30_000 })
  await page.getByTestId('day-today').click()
  await page.getByTestId('day-prev').click()
  await expect(page.getByTestId('day-label')).toHaveText("Each athlete's yesterday")
  await expect(la).toHaveAttribute('data-day', addDays(laDay, -1), { timeout: 30_000 })
  await expect(london).toHaveAttribute('data-day', addDays(coachDay, -1))
})

test('wellness still loading is shown as loading, not as no data', async ({ app }) => {
  const { page, sim } = app
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  // The roster's week details finish first, so the check-in's requests are the only ones waiting.
  await expect(page.locator('td .muted', { hasText: '…' })).toHaveCount(0, { timeout: 20_000 })
  await page.getByTestId('nav-calendar').click()
  await expect(page.locator('[data-testid="calendar-row"] .athlete-col .row-loading')).toHaveCount(0, { timeout: 20_000 })
  sim.setLatency(1000)
  await page.getByTestId('mode-day').click()
  await expect(page.locator('[data-testid="day-row"]').first().locator('.cell-loading').first()).toBeVisible()
  await expect(page.locator('[data-testid="day-row"]').first().getByTestId('day-hrv')).toHaveCount(0)
  await expect(page.locator('[data-testid="day-row"] .cell-loading')).toHaveCount(0, { timeout: 20_000 })
  await expect(page.locator('[data-testid="day-row"]').first().getByTestId('day-hrv')).toBeVisible()
})
