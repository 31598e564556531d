/// <reference lib="dom" />
import { test, expect } from './fixtures'

test('when intervals.icu cannot be reached, a refresh keeps the calendar and the roster on screen, marked stale', async ({ app }) => {
  test.setTimeout(120_000)
  const { page, sim } = app
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  await page.getByTestId('nav-calendar').click()
  // The calendar's page loads on first open: its rows exist only once it is there.
  await expect(page.getByTestId('calendar-row').first()).toBeVisible()
  await expect(page.locator('[data-testid="calendar-row"] .athlete-col .row-loading')).toHaveCount(0, { timeout: 45_000 })
  const chips = await page.locator('.chip-event').count()
  const rows = await page.getByTestId('calendar-row').count()
  const totals = await page.getByTestId('week-total').allTextContents()
  expect(chips).toBeGreaterThan(20)

  await sim.close()
  const clicked = Date.now()
  await page.getByTestId('calendar-refresh').click()
  await expect(page.getByTestId('calendar-stale')).toBeVisible({ timeout: 60_000 })
  // A refused connection is told in seconds, not after the 12-15 s of retries a timeout would take.
  expect(Date.now() - clicked).toBeLessThan(8_000)
  await expect(page.getByTestId('calendar-stale')).toContainText(/Showing what was loaded at \d\d:\d\d \(\d+ athletes?\)\. Refreshing failed: /)
  await expect(page.getByTestId('row-stale')).toHaveCount(rows)
  // Nothing was wiped: the same chips and the same week totals as before.
  await expect(page.locator('.chip-event')).toHaveCount(chips)
  expect(await page.getByTestId('week-total').allTextContents()).toEqual(totals)
  await page.screenshot({ path: test.info().outputPath('calendar-stale.png') })

  await page.getByTestId('nav-roster').click()
  const names = await page.locator('[data-testid="roster-table"] tbody tr').count()
  await page.getByTestId('roster-refresh').click()
  await expect(page.getByTestId('roster-stale')).toBeVisible({ timeout: 60_000 })
  await expect(page.getByTestId('roster-table')).toBeVisible()
  await expect(page.locator('[data-testid="roster-table"] tbody tr')).toHaveCount(names)
  await expect(page.getByTestId('roster-error')).toHaveCount(0)
})
