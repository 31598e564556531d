/// <reference lib="dom" />
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'

async function openCalendar(page: Page) {
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  await page.getByTestId('nav-calendar').click()
  await expect(page.locator('[data-testid="calendar-row"] .athlete-col .row-loading')).toHaveCount(0, { timeout: 20_000 })
}

test('Esc closes the event editor and the bulk preview, and nothing is written', async ({ app }) => {
  const { page, sim } = app
  await openCalendar(page)
  const chip = page.getByTestId('calendar-row').nth(3).locator('.chip-event').first()
  await chip.dblclick()
  await expect(page.getByTestId('event-editor')).toBeVisible()
  // With the focus in a field, too.
  await page.getByTestId('editor-name').focus()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('event-editor')).toHaveCount(0)

  await chip.click()
  await page.getByTestId('bulk-hide').click()
  await expect(page.getByTestId('preview-title')).toBeVisible()
  sim.resetRequests()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('bulk-dialog')).toHaveCount(0)
  expect(sim.requests.filter((r) => r.method !== 'GET')).toEqual([])
})

test('a value out of range is told in a coach’s words, not the validator’s', async ({ app }) => {
  const { page } = app
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  await page.getByTestId('nav-workouts').click()
  await page.locator('[data-testid="assign-panel"] input[type="checkbox"]').nth(1).check()
  await page.getByTestId('when-from-today').check()
  await page.getByTestId('assign-days').fill('400')
  await page.getByTestId('assign-preview').click()
  await expect(page.getByTestId('workouts-error')).toContainText('Days can be at most 366.')
  await expect(page.getByTestId('workouts-error')).not.toContainText(/Too big|expected|<=|not valid/)
})
