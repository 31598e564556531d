/// <reference lib="dom" />
import { test, expect } from './fixtures'

// 80 athletes (more than fit the window): the calendar renders the rows in view, yet selecting and scrolling reach them all.
test.use({ athletes: 80 })

test('a calendar of 80 athletes renders a window of rows; a week header selects every athlete’s events and scrolling reaches the last row', async ({ app }) => {
  test.setTimeout(180_000)
  const { page, sim } = app
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  await page.getByTestId('nav-calendar').click()
  await expect(page.getByTestId('calendar-grid')).toBeVisible()
  await expect(page.getByTestId('calendar-refresh')).toBeEnabled({ timeout: 120_000 })
  await expect(page.locator('[data-testid="calendar-row"] .row-loading')).toHaveCount(0)

  const rows = page.getByTestId('calendar-row')
  const drawn = await rows.count()
  expect(drawn).toBeGreaterThan(5)
  expect(drawn).toBeLessThan(60)

  // Every event of the first week shown, across all 80 athletes, drawn or not.
  const monday = (await page.locator('th.day-col').first().getAttribute('data-day'))!
  const sunday = (await page.locator('th.day-col').nth(6).getAttribute('data-day'))!
  const expected = sim.state.coached.flatMap((a) => a.events).filter((e) => {
    const day = (e.start_date_local ?? '').slice(0, 10)
    return day >= monday && day <= sunday
  }).length
  expect(expected).toBeGreaterThan(80)
  await page.getByTestId('select-week').first().click()
  await expect(page.getByTestId('selection-count')).toHaveText(`${expected} selected`)
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('bulk-menu')).toHaveCount(0)

  // Scrolled to the end, the last athlete's row is drawn and its chips respond.
  // The roster lists athletes by name (main sorts them).
  const last = sim.state.coached.map((a) => ({ id: a.id, name: a.athlete.name ?? '' })).sort((a, b) => a.name.localeCompare(b.name)).at(-1)!.id
  await page.locator('.cal-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight))
  const lastRow = page.locator(`[data-testid="calendar-row"][data-athlete="${last}"]`)
  await expect(lastRow).toBeVisible()
  expect(await rows.count()).toBeLessThan(60)
  await lastRow.locator('.chip-event').first().click()
  await expect(page.getByTestId('selection-count')).toHaveText('1 selected')
  await expect(lastRow.locator('.chip-event.selected')).toHaveCount(1)
})
