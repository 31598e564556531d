/// <reference lib="dom" />
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { coachDate } from '../src-main/services/dates'

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

test('Esc closes every dialog and popover, and only that: the selection under a popover stays', async ({ app }) => {
  const { page, sim } = app
  await openCalendar(page)
  const ride = sim.state.coached.flatMap((a) => a.events.filter((e) => e.category === 'WORKOUT' && e.type === 'Ride').map((e) => ({ a, e })))
  const chip = page.locator(`.chip-event[data-event="${(await firstShown(page, ride.map((x) => x.e.id!)))!}"]`)
  await chip.click()
  await expect(page.getByTestId('selection-count')).toHaveText('1 selected')

  // The bulk bar's popovers: shift, rename, sport, copy.
  for (const action of ['shift', 'rename', 'sport', 'copy']) {
    await page.getByTestId(`bulk-${action}`).click()
    await expect(page.locator('[data-testid="bulk-menu"] form.popover')).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.locator('[data-testid="bulk-menu"] form.popover')).toHaveCount(0)
    // Esc went to the popover, not to the calendar: the selection stays.
    await expect(page.getByTestId('selection-count')).toHaveText('1 selected')
  }

  // The export popover, then the export's report.
  await page.getByTestId('export-selection').click()
  await expect(page.getByTestId('export-popover')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('export-popover')).toHaveCount(0)
  await expect(page.getByTestId('selection-count')).toHaveText('1 selected')
  // Esc with nothing open clears the selection, as before.
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('bulk-menu')).toHaveCount(0)

  // A whole row exported into a folder: Esc closes the report.
  await page.locator('[data-testid="calendar-row"][data-athlete="i100004"] th.athlete-col').click()
  await page.getByTestId('export-selection').click()
  await page.getByTestId('export-format-fit').check()
  await page.getByTestId('export-layout-folders').check()
  await page.getByTestId('export-start').click()
  await expect(page.getByTestId('export-summary')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('export-dialog')).toHaveCount(0)

  // The import dialog on the Workouts page.
  await page.getByTestId('nav-workouts').click()
  const zwo = `<workout_file><name>Short</name><sportType>bike</sportType><workout><SteadyState Duration="600" Power="0.7"/></workout></workout_file>`
  await page.getByTestId('import-input').setInputFiles({ name: 'short.zwo', mimeType: 'application/xml', buffer: Buffer.from(zwo) })
  await expect(page.getByTestId('import-dialog')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('import-dialog')).toHaveCount(0)

  // The rules panel on Needs attention.
  await page.getByTestId('nav-attention').click()
  await page.getByTestId('edit-rules').click()
  await expect(page.getByTestId('rules-panel')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('rules-panel')).toHaveCount(0)

  // Logging activities on an athlete's page.
  await page.getByTestId('nav-roster').click()
  const writer = sim.state.coached.find((a) => a.athlete.icu_permission === 'WRITE')!
  await page.locator(`[data-testid="roster-row"][data-athlete="${writer.id}"]`).click()
  await page.getByTestId('log-manual').click()
  await expect(page.getByTestId('manual-dialog')).toBeVisible()
  await page.getByTestId('manual-name').first().focus()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('manual-dialog')).toHaveCount(0)
})

/** The first of these events that has a chip on screen. */
async function firstShown(page: Page, ids: number[]): Promise<number | null> {
  for (const id of ids) if (await page.locator(`.chip-event[data-event="${id}"]`).count()) return id
  return null
}

test("the event editor writes its date the way the rest of the app does", async ({ app }) => {
  const { page } = app
  await openCalendar(page)
  const chip = page.getByTestId('calendar-row').nth(2).locator('.chip-event.cat-workout').first()
  const day = (await chip.locator('xpath=ancestor::td[1]').getAttribute('data-day'))!
  await chip.dblclick()
  await expect(page.getByTestId('editor-date')).toHaveValue(day)
  await expect(page.getByTestId('editor-date-read')).toHaveText(coachDate(day))
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('event-editor')).toHaveCount(0)
})
