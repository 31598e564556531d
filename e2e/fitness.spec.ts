/// <reference lib="dom" />
import { test, expect } from './fixtures'
import { athleteToday, coachDate, mondayOf } from '../src-main/services/dates'

test('the athlete header and the fitness chart show the same fitness, fatigue and form, and say for which day', async ({ app }) => {
  const { page, sim } = app
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  for (const athleteId of ['i100003', 'i100012']) {
    const today = athleteToday(sim.state.athlete(athleteId)!.athlete.timezone, new Date())
    await page.locator(`[data-testid="roster-row"][data-athlete="${athleteId}"]`).click()
    const kpis = page.getByTestId('athlete-kpis')
    await expect(page.getByTestId('athlete-fitness-day')).toContainText(coachDate(today))
    await expect(kpis.locator('div').nth(0).locator('dd')).not.toHaveText('–')
    const fitness = (await kpis.locator('div').nth(0).locator('dd').textContent())!.trim()
    const fatigue = (await kpis.locator('div').nth(1).locator('dd').textContent())!.trim()
    await page.getByTestId('tab-fitness').click()
    const chart = page.getByTestId('fitness-today')
    await expect(chart).toContainText(coachDate(today))
    await expect(chart).toContainText(`fitness ${fitness}, fatigue ${fatigue}`)
    await page.getByTestId('nav-roster').click()
    await expect(page.getByTestId('roster-table')).toBeVisible()
  }
})

/** The number as the window writes it: one decimal kept, whole numbers shown, form with its sign when above zero. */
const shown = (v: number, signed = false): string => {
  const kept = Math.round(v * 10) / 10
  return signed && kept > 0 ? `+${kept.toFixed(0)}` : kept.toFixed(0)
}
/** Far enough from .5 that the simulator's two kept decimals cannot tip the whole number. */
const clearOfEdge = (v: number): boolean => Math.abs((((v % 1) + 1) % 1) - 0.5) > 0.05

test("the roster and the athlete's page show the same fitness, fatigue and form, and the same day", async ({ app }) => {
  const { page, sim } = app
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  // An athlete active earlier this week but not today: the weekly summary's numbers are as of that
  // activity, so the roster's used to differ from the page's.
  const now = new Date()
  const candidates = sim.state.roster.filter((a) => a.relation !== 'self')
  const pick = candidates.find((a) => {
    const today = athleteToday(a.athlete.timezone, now)
    const w = a.wellness.find((x) => x.id === today)
    const last = a.activities.filter((x) => (x.start_date_local ?? '').slice(0, 10) <= today).at(-1)
    const lastDay = (last?.start_date_local ?? '').slice(0, 10)
    return !!w && !!last && lastDay < today && lastDay >= mondayOf(today) && [w.ctl!, w.atl!, w.ctl! - w.atl!].every(clearOfEdge)
  })
  expect(pick, 'an athlete active earlier this week').toBeTruthy()
  const today = athleteToday(pick!.athlete.timezone, now)
  const w = pick!.wellness.find((x) => x.id === today)!
  const expected = [shown(w.ctl!), shown(w.atl!), shown(w.ctl! - w.atl!, true)]

  const row = page.locator(`[data-testid="roster-row"][data-athlete="${pick!.id}"]`)
  await expect(row.getByTestId('fitness-day')).toHaveText(`on ${coachDate(today)}`)
  const rosterShows = [
    (await row.locator('td[data-col="fitness"]').textContent())!.trim(),
    (await row.locator('td[data-col="fatigue"]').textContent())!.trim(),
    (await row.locator('td[data-col="form"] .form-badge').textContent())!.trim(),
  ]
  expect(rosterShows).toEqual(expected)

  await row.click()
  await expect(page.getByTestId('athlete-fitness-day')).toContainText(coachDate(today))
  const kpis = page.getByTestId('athlete-kpis').locator('div')
  await expect(kpis.nth(0).locator('dd')).not.toHaveText('–')
  const pageShows = [
    (await kpis.nth(0).locator('dd').textContent())!.trim(),
    (await kpis.nth(1).locator('dd').textContent())!.trim(),
    (await kpis.nth(2).locator('.form-badge').textContent())!.trim(),
  ]
  expect(pageShows).toEqual(rosterShows)
})
