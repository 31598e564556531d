/// <reference lib="dom" />
import { test, expect } from './fixtures'
import { athleteToday, coachDate } from '../src-main/services/dates'

test('the roster, the athlete header and the fitness chart show the same fitness, fatigue and form, and say for which day', async ({ app }) => {
  const { page, sim } = app
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  for (const athleteId of ['i100003', 'i100012']) {
    const today = athleteToday(sim.state.athlete(athleteId)!.athlete.timezone, new Date())
    const row = page.locator(`[data-testid="roster-row"][data-athlete="${athleteId}"]`)
    // Today's numbers replace the weekly summary's once the athlete's record for the day is read.
    await expect(row.locator('td[data-col="form"]')).toHaveAttribute('data-day', today)
    const roster = {
      fitness: (await row.locator('td[data-col="fitness"]').textContent())!.trim(),
      fatigue: (await row.locator('td[data-col="fatigue"]').textContent())!.trim(),
      form: (await row.locator('td[data-col="form"]').textContent())!.trim(),
    }
    await row.click()
    const kpis = page.getByTestId('athlete-kpis')
    await expect(kpis.locator('div').nth(0).locator('dd')).toHaveText(roster.fitness)
    await expect(kpis.locator('div').nth(1).locator('dd')).toHaveText(roster.fatigue)
    await expect(kpis.locator('div').nth(2).locator('dd')).toHaveText(roster.form)
    await expect(page.getByTestId('athlete-fitness-day')).toContainText(coachDate(today))
    await page.getByTestId('tab-fitness').click()
    const chart = page.getByTestId('fitness-today')
    await expect(chart).toContainText(coachDate(today))
    await expect(chart).toContainText(`fitness ${roster.fitness}, fatigue ${roster.fatigue}`)
    await page.getByTestId('nav-roster').click()
    await expect(page.getByTestId('roster-table')).toBeVisible()
  }
})
