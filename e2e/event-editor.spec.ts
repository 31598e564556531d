/// <reference lib="dom" />
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { addDays, athleteToday, coachDate } from '../src-main/services/dates'

async function openCalendar(page: Page) {
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  await page.getByTestId('nav-calendar').click()
  await expect(page.locator('[data-testid="calendar-row"] .athlete-col .row-loading')).toHaveCount(0, { timeout: 20_000 })
}

test("the event editor shows a workout's graph, duration and load for that athlete, and marks lines it cannot read", async ({ app }) => {
  const { page, sim } = app
  await openCalendar(page)
  const row = page.getByTestId('calendar-row').nth(4)
  const athleteId = (await row.getAttribute('data-athlete'))!
  const chip = row.locator('.chip-event.cat-workout').first()
  const id = Number(await chip.getAttribute('data-event'))
  await chip.dblclick()
  await expect(page.getByTestId('event-workout')).toBeVisible()
  await expect(page.getByTestId('graph-block').first()).toBeVisible()
  await expect.poll(async () => Number(await page.getByTestId('editor-load').textContent())).toBeGreaterThan(0)
  await expect(page.getByTestId('editor-duration')).not.toHaveText('0:00')
  await page.screenshot({ path: test.info().outputPath('event-editor.png') })

  const text = page.getByTestId('editor-description')
  await text.fill('- 10m 60%\n- fast bit\n- 10m 50%')
  await expect(page.getByTestId('editor-issues')).toContainText('Line 2')
  await expect(page.getByTestId('editor-duration')).toHaveText('20 min')
  await page.getByTestId('editor-save').click()
  await expect(page.getByTestId('event-editor')).toHaveCount(0)
  expect(sim.state.athlete(athleteId)!.events.find((e) => e.id === id)!.description).toBe('- 10m 60%\n- fast bit\n- 10m 50%')
})

test("a new workout starts in the athlete's own sport", async ({ app }) => {
  const { page, sim } = app
  await openCalendar(page)
  const runner = sim.state.coached.find((a) => a.athlete.firstname === 'Jamal')!
  const swimmer = sim.state.coached.find((a) => a.athlete.firstname === 'Aroha')!
  for (const [athlete, sport] of [[runner, 'Run'], [swimmer, 'Swim']] as const) {
    const cell = page.locator(`[data-testid="calendar-row"][data-athlete="${athlete.id}"] td.cell:not(:has(.chip-event)):not(:has(.chip-activity))`).first()
    await cell.dblclick({ position: { x: 50, y: 40 } })
    await expect(page.getByTestId('editor-sport')).toHaveValue(sport)
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('event-editor')).toHaveCount(0)
  }
})

test('a new event on a past day waits for the coach’s yes, then lands on that day', async ({ app }) => {
  const { page, sim } = app
  await openCalendar(page)
  const oliver = sim.state.coached.find((a) => a.athlete.firstname === 'Oliver')!
  const today = athleteToday(oliver.athlete.timezone ?? 'UTC', new Date())
  // Three weeks back, typed into the date field as a slip of the finger would.
  const day = addDays(today, -21)
  const named = () => sim.state.athlete(oliver.id)!.events.filter((e) => e.name === 'Saddle height check')
  await page.locator(`[data-testid="calendar-row"][data-athlete="${oliver.id}"] td.cell:not(:has(.chip-event)):not(:has(.chip-activity))`).first().dblclick({ position: { x: 50, y: 40 } })
  await page.getByTestId('editor-name').fill('Saddle height check')
  await page.getByTestId('editor-category').selectOption('NOTE')
  await page.getByTestId('editor-date').fill(day)

  await expect(page.getByTestId('editor-date-warning')).toContainText(`${coachDate(day)} is in the past for ${oliver.athlete.name} (today is ${coachDate(today)}).`)
  await expect(page.getByTestId('editor-save')).toBeDisabled()
  sim.resetRequests()
  // Enter in a field does not get round the held Save.
  await page.getByTestId('editor-name').press('Enter')
  await expect(page.getByTestId('event-editor')).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('editor-past-date.png') })
  expect(sim.requests.filter((r) => r.method !== 'GET')).toEqual([])
  expect(named()).toEqual([])

  await page.getByTestId('editor-confirm-date').check()
  await page.getByTestId('editor-save').click()
  await expect(page.getByTestId('event-editor')).toHaveCount(0)
  expect(named().map((e) => [e.category, e.start_date_local?.slice(0, 10)])).toEqual([['NOTE', day]])
})
