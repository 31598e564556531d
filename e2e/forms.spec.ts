/// <reference lib="dom" />
import type { Page } from '@playwright/test'
import type { SimRequestLog } from '../src-main/sim'
import { test, expect } from './fixtures'

// Every form sends only what the coach changed, compared with what it showed when it opened: the
// simulator's request log holds the exact body of each write.

const CYCLIST = 'i100001'

async function openAthlete(page: Page, athleteId: string) {
  await page.getByTestId('open-demo').click()
  await page.locator(`[data-testid="roster-row"][data-athlete="${athleteId}"]`).click()
  await expect(page.getByTestId('athlete-title')).toBeVisible()
  await expect(page.getByTestId('activity-row').first()).toBeVisible()
}

const bodyOf = (r: SimRequestLog | undefined) => r?.body
const writes = (requests: SimRequestLog[]) => requests.filter((r) => r.method === 'PUT' || r.method === 'POST')

test('a resting HR and mood edit sends those two, never the sleep the form shows rounded', async ({ app }) => {
  const { page, sim } = app
  await openAthlete(page, CYCLIST)
  await page.getByTestId('tab-wellness').click()
  const rows = page.getByTestId('wellness-row')
  await expect(rows.first()).toBeVisible()
  const date = (await rows.nth(2).getAttribute('data-date'))!
  const day = sim.state.athlete(CYCLIST)!.wellness.find((w) => w.id === date)!
  // A device's exact sleep, which the form shows as 8.37 h (8.37 h reads back as 30 132 s).
  day.sleepSecs = 30_123
  await page.getByTestId('tab-settings').click()
  await page.getByTestId('tab-wellness').click()
  await rows.nth(2).click()
  await expect(page.getByTestId('wellness-sleepSecs')).toHaveValue('8.37')
  await page.getByTestId('wellness-restingHr').fill('44')
  await page.getByTestId('wellness-mood').selectOption('2')
  sim.resetRequests()
  await page.getByTestId('wellness-save').click()
  await expect(page.getByTestId('wellness-editor')).toHaveCount(0)
  const sent = writes(sim.requests)
  expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`PUT /api/v1/athlete/${CYCLIST}/wellness/${date}`])
  expect(bodyOf(sent[0])).toEqual({ restingHR: 44, mood: 2 })
  expect(sim.state.athlete(CYCLIST)!.wellness.find((w) => w.id === date)).toMatchObject({ restingHR: 44, mood: 2, sleepSecs: 30_123 })
})

test('sport settings send only the field changed; an activity edit only the name', async ({ app }) => {
  const { page, sim } = app
  await openAthlete(page, CYCLIST)
  await page.getByTestId('tab-settings').click()
  const ride = page.locator('[data-testid="sport-card"][data-sport="Ride"]')
  await ride.getByTestId('edit-settings').click()
  const ftp = sim.state.athlete(CYCLIST)!.sportSettings.find((s) => s.types?.includes('Ride'))!.ftp! + 7
  await ride.getByTestId('edit-ftp').fill(String(ftp))
  sim.resetRequests()
  await ride.getByTestId('save-settings').click()
  await expect(ride.getByTestId('ftp-value')).toHaveText(`${ftp} W`)
  const put = writes(sim.requests)
  expect(put).toHaveLength(1)
  expect(bodyOf(put[0])).toEqual({ ftp })

  const activity = sim.state.athlete(CYCLIST)!.activities.filter((a) => a.source !== 'STRAVA').at(-1)!
  const before = { description: activity.description, tags: activity.tags, icu_rpe: activity.icu_rpe, feel: activity.feel }
  await page.evaluate((id) => (location.hash = `#/athlete/${'i100001'}/activity/${id}`), activity.id!)
  await expect(page.getByTestId('edit-name')).toHaveValue(activity.name!)
  await page.getByTestId('edit-name').fill('Hill repeats, windy')
  sim.resetRequests()
  await page.getByTestId('save-activity').click()
  await expect(page.getByTestId('saved')).toBeVisible()
  const edit = writes(sim.requests)
  expect(edit.map((r) => `${r.method} ${r.path}`)).toEqual([`PUT /api/v1/activity/${activity.id}`])
  expect(bodyOf(edit[0])).toEqual({ name: 'Hill repeats, windy' })
  expect(activity).toMatchObject({ name: 'Hill repeats, windy', ...before })
})

test('renaming an event sends the name alone; a new note is created without a sport or empty fields', async ({ app }) => {
  const { page, sim } = app
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  await page.getByTestId('nav-calendar').click()
  await expect(page.locator('[data-testid="calendar-row"] .athlete-col .row-loading')).toHaveCount(0, { timeout: 20_000 })
  const row = page.locator(`[data-testid="calendar-row"][data-athlete="${CYCLIST}"]`)
  const chip = row.locator('.chip-event.cat-workout').first()
  const id = Number(await chip.getAttribute('data-event'))
  const event = sim.state.athlete(CYCLIST)!.events.find((e) => e.id === id)!
  const { name, description } = event
  // Selected first, so the double-click lands on the chip whatever the selection bar does.
  await chip.click()
  await expect(page.getByTestId('bulk-menu')).toBeVisible()
  await chip.dblclick()
  await expect(page.getByTestId('editor-name')).toHaveValue(name!)
  await page.getByTestId('editor-name').fill(`${name} (long)`)
  sim.resetRequests()
  await page.getByTestId('editor-save').click()
  await expect(page.getByTestId('event-editor')).toHaveCount(0)
  const rename = writes(sim.requests)
  expect(rename.map((r) => `${r.method} ${r.path}`)).toEqual([`PUT /api/v1/athlete/${CYCLIST}/events/${id}`])
  expect(bodyOf(rename[0])).toEqual({ name: `${name} (long)` })
  expect(event).toMatchObject({ name: `${name} (long)`, description })

  await page.keyboard.press('Escape')
  // A day from the athlete's today on: an earlier one asks for the coach's yes first.
  const empty = row.locator('td.cell:not(.past):not(:has(.chip-event))').first()
  const day = (await empty.getAttribute('data-day'))!
  await empty.dblclick({ position: { x: 5, y: 5 } })
  await page.getByTestId('editor-name').fill('Travel day')
  await page.getByTestId('editor-category').selectOption('NOTE')
  sim.resetRequests()
  await page.getByTestId('editor-save').click()
  await expect(page.getByTestId('event-editor')).toHaveCount(0)
  const create = writes(sim.requests)
  expect(create).toHaveLength(1)
  const body = bodyOf(create[0]) as Record<string, unknown>
  expect(body).not.toHaveProperty('type')
  expect(Object.entries(body).filter(([, v]) => v === null || v === '')).toEqual([])
  expect(body).toMatchObject({ name: 'Travel day', category: 'NOTE', start_date_local: `${day}T00:00:00` })
  expect(sim.state.athlete(CYCLIST)!.events.find((e) => e.name === 'Travel day')).toMatchObject({ category: 'NOTE' })
})
