/// <reference lib="dom" />
import { test, expect } from './fixtures'
import { athleteToday, coachDate } from '../src-main/services/dates'

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
