/// <reference lib="dom" />
import { test, expect } from './fixtures'

test('the demo shows twelve athletes with fitness and form', async ({ app }) => {
  const { page } = app
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  const rows = page.getByTestId('roster-row')
  await expect(rows).toHaveCount(12)
  await page.getByTestId('include-self').check()
  await expect(rows).toHaveCount(13)
  await expect(page.locator('[data-testid="roster-row"] .badge', { hasText: 'you' })).toHaveCount(1)
  await page.getByTestId('include-self').uncheck()
  await expect(page.locator('.form-badge:not(.unknown)').first()).toBeVisible()
  // The week's plan fills in after the table shows.
  await expect(page.locator('td .muted', { hasText: '…' })).toHaveCount(0, { timeout: 20_000 })
})

test('sorting by fitness orders the rows, and a second click reverses them', async ({ app }) => {
  const { page } = app
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-row')).toHaveCount(12)
  const fitness = async () =>
    (await page.locator('td[data-col="fitness"]').allTextContents()).map((t) => (t.trim() === '–' ? NaN : Number(t)))
  // The numbers move to each athlete's today as the week details arrive: the order is checked once
  // the table has settled on it.
  const sortedBy = async (order: (a: number, b: number) => number) => {
    const shown = (await fitness()).filter((n) => !Number.isNaN(n))
    return shown.length > 5 && shown.every((n, i) => i === 0 || order(shown[i - 1]!, n) <= 0)
  }
  await page.locator('th[data-sort="fitness"]').click()
  await expect.poll(() => sortedBy((a, b) => b - a)).toBe(true)
  await page.locator('th[data-sort="fitness"]').click()
  await expect.poll(() => sortedBy((a, b) => a - b)).toBe(true)
})

test('the tag filter shows only athletes with that tag, and search narrows by name', async ({ app }) => {
  const { page } = app
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-row')).toHaveCount(12)
  const chip = page.locator('[data-testid="tag-filter"] [data-tag]').first()
  const tag = (await chip.getAttribute('data-tag'))!
  await chip.click()
  const rows = page.getByTestId('roster-row')
  const count = await rows.count()
  expect(count).toBeGreaterThan(0)
  expect(count).toBeLessThan(12)
  for (let i = 0; i < count; i++) await expect(rows.nth(i).locator('.tag-cell')).toContainText(`#${tag}`)
  await page.locator('[data-testid="tag-filter"] .chip', { hasText: 'All' }).click()
  const firstName = (await page.getByTestId('athlete-name').nth(3).textContent())!.trim()
  await page.getByTestId('roster-search').fill(firstName.split(' ')[0]!)
  await expect(rows.first()).toContainText(firstName.split(' ')[0]!)
  expect(await rows.count()).toBeLessThan(12)
})

test('clicking an athlete opens their page with profile and recent activities', async ({ app }) => {
  const { page } = app
  await page.getByTestId('open-demo').click()
  const row = page.getByTestId('roster-row').nth(2)
  const name = (await row.getByTestId('athlete-name').textContent())!.trim()
  await row.click()
  await expect(page.getByTestId('athlete-title')).toHaveText(name)
  await expect(page.getByTestId('activity-row').first()).toBeVisible()
})

test('leaving the roster cancels its week details not yet sent; coming back asks for the rest', async ({ app }) => {
  const { page, sim } = app
  // Slow answers, so the details are still on their way when the coach moves on.
  sim.setLatency(400)
  const details = () => sim.requests.filter((r) => r.query.includes('category=WORKOUT') || r.query.includes('limit=1')).length
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-row')).toHaveCount(12)
  await page.getByTestId('nav-calendar').click()
  await expect(page.getByTestId('calendar-grid')).toBeVisible()
  const atLeave = details()
  await expect(page.locator('[data-testid="calendar-row"] .athlete-col .row-loading')).toHaveCount(0, { timeout: 30_000 })
  await page.waitForTimeout(1500)
  // Nothing more was asked for the roster after it closed, and not all of it had been.
  expect(details()).toBe(atLeave)
  expect(atLeave).toBeLessThan(24)
  sim.setLatency(0)
  await page.getByTestId('nav-roster').click()
  await expect(page.locator('td .muted', { hasText: '…' })).toHaveCount(0, { timeout: 20_000 })
  await expect(page.getByTestId('roster-details-error')).toHaveCount(0)
  // Each athlete's two detail requests, some before leaving and the rest now: none twice.
  expect(details()).toBeLessThanOrEqual(24 + 6)
})
