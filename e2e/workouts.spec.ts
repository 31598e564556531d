/// <reference lib="dom" />
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { libraryOf } from '../src-main/sim/library/store'
import { addDays, athleteToday, mondayOf } from '../src-main/services/dates'
import type { SimHandle } from '../src-main/sim'

async function openWorkouts(page: Page) {
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  await page.getByTestId('nav-workouts').click()
  await expect(page.getByTestId('workout-editor')).toBeVisible()
  await expect(page.getByTestId('library-workout').first()).toBeVisible()
}

/** The athlete's own Tuesday of next week, as main works it out from the athlete's timezone. */
function tuesdayNextWeek(sim: SimHandle, athleteId: string): string {
  const tz = sim.state.athlete(athleteId)!.athlete.timezone ?? 'UTC'
  return addDays(mondayOf(athleteToday(tz, new Date())), 8)
}

const WORKOUT = ['Warmup', '- 15m ramp 50%-75%', '', 'Main Set 5x', '- 4m 110-120%', '- 4m 55%', '', 'Cooldown', '- 10m 50%'].join('\n')

test('write a workout, see its graph and load, assign it to three athletes, check their calendars, then undo', async ({ app }) => {
  const { page, sim } = app
  await openWorkouts(page)

  await page.getByTestId('workout-name').fill('Spec VO2 5x4')
  const text = page.getByTestId('workout-text')
  // A step without a duration is marked on its line, with the reason.
  await text.fill(`${WORKOUT}\n- fast finish`)
  await expect(page.getByTestId('workout-issues')).toContainText('Line 10')
  await expect(page.locator('.wt-gutter .wt-bad')).toHaveText('10')
  await text.fill(WORKOUT)
  await expect(page.getByTestId('workout-issues')).toHaveCount(0)

  // Warm-up ramp, 5 x (on, off), cool-down.
  await expect(page.getByTestId('graph-block')).toHaveCount(12)
  await expect(page.getByTestId('workout-duration')).toHaveText('1:05')
  const athlete = page.getByTestId('workout-athlete')
  await athlete.selectOption({ index: 2 })
  await expect(page.getByTestId('workout-stats')).toContainText('FTP')
  const load = Number(await page.getByTestId('workout-load').textContent())
  expect(load).toBeGreaterThan(60)
  expect(load).toBeLessThan(110)

  const ids = ['i100001', 'i100002', 'i100003']
  for (const id of ids) await page.locator(`[data-testid="assign-panel"] input[data-athlete="${id}"]`).check()
  sim.resetRequests()
  await page.getByTestId('assign-preview').click()
  await expect(page.getByTestId('preview-title')).toHaveText('Assign “Spec VO2 5x4” (Tuesday next week)')
  await expect(page.getByTestId('preview-change')).toHaveCount(3)
  expect(sim.requests.filter((r) => r.method !== 'GET')).toHaveLength(0)
  await page.getByTestId('preview-apply').click()
  await expect(page.getByTestId('report-summary')).toContainText('3 done')
  // One write per athlete.
  expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(3)

  for (const id of ids) {
    const made = sim.state.athlete(id)!.events.filter((e) => e.name === 'Spec VO2 5x4')
    expect(made).toHaveLength(1)
    expect(made[0]!.start_date_local).toBe(`${tuesdayNextWeek(sim, id)}T00:00:00`)
    expect(made[0]!.description).toBe(WORKOUT)
    expect(made[0]!.moving_time).toBe(65 * 60)
    expect(made[0]!.icu_training_load).toBeGreaterThan(60)
  }

  await page.getByTestId('report-undo').click()
  await expect(page.getByTestId('preview-title')).toHaveText('Undo: Assign “Spec VO2 5x4” (Tuesday next week)')
  await page.getByTestId('preview-apply').click()
  await expect(page.getByTestId('report-summary')).toContainText('3 done')
  await page.getByTestId('report-close').click()
  for (const id of ids) expect(sim.state.athlete(id)!.events.filter((e) => e.name === 'Spec VO2 5x4')).toEqual([])
})

test('import a .zwo file, preview what was read and save it to a new library folder', async ({ app }) => {
  const { page, sim } = app
  await openWorkouts(page)
  const zwo = `<workout_file><name>Imported Over-Unders</name><sportType>bike</sportType><workout>
    <Warmup Duration="600" PowerLow="0.5" PowerHigh="0.75"/>
    <IntervalsT Repeat="4" OnDuration="120" OffDuration="60" OnPower="1.05" OffPower="0.9"/>
    <Cooldown Duration="300" PowerLow="0.6" PowerHigh="0.4"/>
  </workout></workout_file>`
  await page.getByTestId('import-input').setInputFiles({ name: 'over-unders.zwo', mimeType: 'application/xml', buffer: Buffer.from(zwo) })
  await expect(page.getByTestId('import-dialog')).toContainText('Imported Over-Unders')
  await expect(page.getByTestId('import-text')).toContainText('4x')
  await expect(page.locator('[data-testid="import-dialog"] [data-testid="graph-block"]')).toHaveCount(10)
  await page.getByTestId('import-save').click()
  await page.getByTestId('save-folder').selectOption({ label: 'New folder…' })
  await page.getByTestId('save-new-folder').fill('Imported')
  await page.getByTestId('save-confirm').click()
  await expect(page.getByTestId('import-dialog')).toHaveCount(0)
  const lib = libraryOf(sim.state, sim.state.coach)
  const folder = lib.folders.find((f) => f.name === 'Imported')!
  const saved = lib.workouts.find((w) => w.folder_id === folder.id)!
  expect(saved).toMatchObject({ name: 'Imported Over-Unders', moving_time: 600 + 4 * 180 + 300 })
  await expect(page.locator('[data-testid="library-folder"]', { hasText: 'Imported' })).toContainText('Imported Over-Unders')
})

test('drag a library workout onto a calendar cell, and add a holiday with the quick kinds', async ({ app }) => {
  const { page, sim } = app
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  await page.getByTestId('nav-calendar').click()
  await expect(page.locator('[data-testid="calendar-row"] .athlete-col .row-loading')).toHaveCount(0, { timeout: 20_000 })
  await page.getByTestId('toggle-library').click()
  const workout = page.locator('[data-testid="library-workout"]', { hasText: 'Threshold 2x20' })
  const row = page.getByTestId('calendar-row').nth(2)
  const athleteId = (await row.getAttribute('data-athlete'))!
  const cell = row.locator('td.cell').nth(9)
  const day = (await cell.getAttribute('data-day'))!
  await workout.dragTo(cell)
  // A ride dropped on a runner's calendar: the preview stays open to say so.
  await expect(page.locator('[data-testid="placement-warning"][data-kind="notTheirSport"]')).toBeVisible()
  await page.getByTestId('preview-apply').click()
  await page.getByTestId('report-close').click()
  await expect.poll(() => sim.state.athlete(athleteId)!.events.filter((e) => e.name === 'Threshold 2x20').map((e) => e.start_date_local)).toEqual([`${day}T00:00:00`])
  await expect(cell.locator('.chip-event', { hasText: 'Threshold 2x20' })).toBeVisible()

  const empty = row.locator('td.cell:not(:has(.chip-event))').last()
  const from = (await empty.getAttribute('data-day'))!
  await empty.dblclick({ position: { x: 5, y: 5 } })
  await page.locator('[data-testid="quick-add"] [data-category="HOLIDAY"]').click()
  await expect(page.getByTestId('editor-name')).toHaveValue('Holiday')
  await page.locator('[data-testid="event-editor"] input[type="date"]').nth(1).fill(addDays(from, 2))
  await page.getByTestId('editor-save').click()
  await expect(page.getByTestId('event-editor')).toHaveCount(0)
  const holiday = sim.state.athlete(athleteId)!.events.find((e) => e.category === 'HOLIDAY' && e.start_date_local === `${from}T00:00:00`)!
  expect(holiday.end_date_local).toBe(`${addDays(from, 3)}T00:00:00`)

  const monday = row.locator('td.cell').first()
  await monday.dblclick({ position: { x: 5, y: 5 } })
  await page.locator('[data-testid="quick-add"] [data-category="TARGET"]').click()
  await page.getByTestId('editor-load-target').fill('450')
  // This week's Monday is gone unless it is today: then the target goes on only with the coach's yes.
  if ((await monday.getAttribute('data-day'))! < athleteToday(sim.state.athlete(athleteId)!.athlete.timezone ?? 'UTC', new Date())) {
    await expect(page.getByTestId('editor-save')).toBeDisabled()
    await page.getByTestId('editor-confirm-date').check()
  }
  await page.getByTestId('editor-save').click()
  await expect(page.getByTestId('event-editor')).toHaveCount(0)
  const target = sim.state.athlete(athleteId)!.events.find((e) => e.category === 'TARGET')!
  expect(target).toMatchObject({ name: 'Weekly target', load_target: 450, start_date_local: `${(await monday.getAttribute('data-day'))!}T00:00:00` })
})

test('save a week as a template and apply it to two athletes from their next week, then undo', async ({ app }) => {
  const { page, sim } = app
  await openWorkouts(page)
  await page.getByTestId('tab-templates').click()
  await page.getByTestId('template-source').selectOption('i100001')
  await page.getByTestId('template-week').selectOption('1')
  const name = `Spec week ${Date.now()}`
  await page.getByTestId('template-name').fill(name)
  await page.getByTestId('template-save').click()
  const card = page.locator('[data-testid="template"]', { hasText: name })
  await expect(card).toBeVisible()
  // The source week as intervals.icu holds it: each event's name and its day within the week.
  const nextMonday = (id: string) => addDays(mondayOf(athleteToday(sim.state.athlete(id)!.athlete.timezone ?? 'UTC', new Date())), 7)
  const dayIndex = (monday: string, date: string) => Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${monday}T00:00:00Z`)) / 86_400_000)
  const sourceMonday = nextMonday('i100001')
  const sourceWeek = sim.state
    .athlete('i100001')!
    .events.filter((e) => e.start_date_local!.slice(0, 10) >= sourceMonday && e.start_date_local!.slice(0, 10) < addDays(sourceMonday, 7))
    .map((e) => `${dayIndex(sourceMonday, e.start_date_local!.slice(0, 10))} ${e.name}`)
    .sort()
  expect(sourceWeek.length).toBeGreaterThan(0)

  await card.getByTestId('template-apply').click()
  const targets = ['i100002', 'i100004']
  for (const id of targets) await card.locator(`input[data-athlete="${id}"]`).check()
  await expect(card.getByTestId('template-start-week')).toHaveValue('1')
  await card.getByTestId('template-preview').click()
  const count = await card.locator('.chip-event').count()
  expect(count).toBe(sourceWeek.length)
  await expect(page.getByTestId('preview-change')).toHaveCount(2 * count)
  const calendarOf = (id: string) => sim.state.athlete(id)!.events.map((e) => `${e.start_date_local} ${e.category} ${e.name}`).sort()
  const before = Object.fromEntries(targets.map((id) => [id, calendarOf(id)]))
  const idsBefore = new Set(targets.flatMap((id) => sim.state.athlete(id)!.events.map((e) => e.id)))
  await page.getByTestId('preview-apply').click()
  await expect(page.getByTestId('report-summary')).toContainText(`${2 * count} done`)
  // Each athlete's new events fill their own next week, day for day as in the source week.
  for (const id of targets) {
    const monday = nextMonday(id)
    const added = sim.state
      .athlete(id)!
      .events.filter((e) => !idsBefore.has(e.id) || e.name !== undefined)
      .filter((e) => !idsBefore.has(e.id))
      .map((e) => `${dayIndex(monday, e.start_date_local!.slice(0, 10))} ${e.name}`)
      .sort()
    expect(added, id).toEqual(sourceWeek)
  }
  await page.getByTestId('report-undo').click()
  await page.getByTestId('preview-apply').click()
  await expect(page.getByTestId('report-summary')).toContainText(`${2 * count} done`)
  await page.getByTestId('report-close').click()
  for (const id of targets) expect(calendarOf(id), id).toEqual(before[id])
  await card.getByRole('button', { name: 'Delete' }).click()
  await expect(card).toHaveCount(0)
})
