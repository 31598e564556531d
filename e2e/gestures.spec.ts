/// <reference lib="dom" />
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'

async function openCalendar(page: Page) {
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  await page.getByTestId('nav-calendar').click()
  await expect(page.getByTestId('calendar-grid')).toBeVisible()
  await expect(page.locator('[data-testid="calendar-row"] .athlete-col .row-loading')).toHaveCount(0, { timeout: 20_000 })
}

async function rowName(page: Page, row: number): Promise<string> {
  return (await page.getByTestId('calendar-row').nth(row).locator('.athlete-col .nm').textContent())!.trim()
}

test('double-clicking an unselected chip edits that chip, on that athlete, in several rows', async ({ app }) => {
  const { page } = app
  await openCalendar(page)
  for (const row of [2, 5, 8]) {
    await expect(page.getByTestId('bulk-menu')).toHaveCount(0)
    const chip = page.getByTestId('calendar-row').nth(row).locator('.chip-event.cat-workout').first()
    const name = (await chip.locator('.nm').textContent())!.trim()
    await chip.dblclick()
    const editor = page.getByTestId('event-editor')
    await expect(editor.locator('h2')).toHaveText(`Edit event · ${await rowName(page, row)}`)
    await expect(page.getByTestId('editor-name')).toHaveValue(name)
    await editor.getByRole('button', { name: 'Cancel' }).click()
    await page.keyboard.press('Escape')
  }
})

test('double-clicking an empty day while something is selected creates on that day, for that athlete', async ({ app }) => {
  const { page } = app
  await openCalendar(page)
  for (const row of [1, 4, 7]) {
    // A selection elsewhere shows the bulk bar; the first click of the double-click clears it.
    await page.getByTestId('calendar-row').nth(0).locator('.chip-event').first().click()
    await expect(page.getByTestId('bulk-menu')).toBeVisible()
    const cell = page.getByTestId('calendar-row').nth(row).locator('td.cell:not(:has(.chip-event)):not(:has(.chip-activity))').first()
    const day = (await cell.getAttribute('data-day'))!
    await cell.dblclick({ position: { x: 50, y: 40 } })
    await expect(page.getByTestId('event-editor').locator('h2')).toHaveText(`New event · ${await rowName(page, row)}`)
    await expect(page.getByTestId('editor-date')).toHaveValue(day)
    await page.getByTestId('event-editor').getByRole('button', { name: 'Cancel' }).click()
  }
})

test('selecting a chip does not move the grid under the pointer', async ({ app }) => {
  const { page } = app
  await openCalendar(page)
  const grid = page.getByTestId('calendar-grid')
  const before = (await grid.boundingBox())!.y
  await page.getByTestId('calendar-row').nth(3).locator('.chip-event').first().click()
  await expect(page.getByTestId('bulk-menu')).toBeVisible()
  expect((await grid.boundingBox())!.y).toBe(before)
})
