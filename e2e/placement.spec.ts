/// <reference lib="dom" />
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { addDays, athleteToday, coachDate, mondayOf } from '../src-main/services/dates'
import type { SimHandle } from '../src-main/sim'

async function openTemplates(page: Page) {
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  await page.getByTestId('nav-workouts').click()
  await expect(page.getByTestId('workout-editor')).toBeVisible()
  await page.getByTestId('tab-templates').click()
}

/** The calendar from last week's Monday, its rows loaded: the first days in view are before today. */
async function openLastWeek(page: Page) {
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  await page.getByTestId('nav-calendar').click()
  await page.getByTestId('prev-week').click()
  await expect(page.locator('[data-testid="calendar-row"] .athlete-col .row-loading')).toHaveCount(0, { timeout: 20_000 })
}

const workoutsOn = (sim: SimHandle, athleteId: string, day: string) =>
  sim.state.athlete(athleteId)!.events.filter((e) => e.category === 'WORKOUT' && e.start_date_local?.slice(0, 10) === day)

test('a week template onto an already planned week shows what is there, and replace leaves one plan, not two', async ({ app }) => {
  const { page, sim } = app
  await openTemplates(page)
  await page.getByTestId('template-source').selectOption('i100001')
  await page.getByTestId('template-week').selectOption('1')
  await page.getByTestId('template-name').fill('Build week')
  await page.getByTestId('template-save').click()
  const card = page.locator('[data-testid="template"]', { hasText: 'Build week' })
  await card.getByTestId('template-apply').click()
  await card.locator('input[data-athlete="i100002"]').check()
  await card.getByTestId('template-start-week').selectOption('1')

  const weekOf = (id: string) => addDays(mondayOf(athleteToday(sim.state.athlete(id)!.athlete.timezone ?? 'UTC', new Date())), 7)
  const week = weekOf('i100002')
  // The source's next week, day by day: where the template puts events, and which of them are workouts.
  const source = sim.state.athlete('i100001')!.events.map((e) => ({ e, offset: Math.round((Date.parse(e.start_date_local!.slice(0, 10)) - Date.parse(weekOf('i100001'))) / 86_400_000) }))
  const inWeek = source.filter((x) => x.offset >= 0 && x.offset < 7 && !['SET_EFTP', 'SET_FITNESS', 'FITNESS_DAYS', 'SEASON_START', 'PLAN'].includes(x.e.category!))
  const landing = new Set(inWeek.map((x) => addDays(week, x.offset)))
  const templateDays = new Map<string, string[]>()
  for (const { e, offset } of inWeek.filter((x) => x.e.category === 'WORKOUT')) templateDays.set(addDays(week, offset), [...(templateDays.get(addDays(week, offset)) ?? []), e.name!])
  const plannedBefore = [...landing].filter((d) => workoutsOn(sim, 'i100002', d).length > 0)
  expect(plannedBefore.length).toBeGreaterThan(0)

  await card.getByTestId('template-preview').click()
  // Every day the template lands on that already has a workout shows it, before anything is written.
  await expect(page.getByTestId('placement-existing')).toBeVisible()
  for (const d of plannedBefore) {
    const line = page.locator(`[data-testid="placement-day"][data-athlete="i100002"][data-day="${d}"]`)
    for (const e of workoutsOn(sim, 'i100002', d)) await expect(line).toContainText(e.name!)
  }
  await page.screenshot({ path: test.info().outputPath('preview-existing.png') })
  const replaced = [...templateDays.keys()].flatMap((d) => workoutsOn(sim, 'i100002', d))
  expect(replaced.length).toBeGreaterThan(0)

  await page.getByTestId('placement-replace').click()
  await expect(page.getByTestId('placement-replace')).toHaveAttribute('aria-checked', 'true')
  await expect(page.locator('[data-testid="preview-change"]', { hasText: 'deleted' })).toHaveCount(replaced.length)
  await page.screenshot({ path: test.info().outputPath('preview-replace.png') })
  await page.getByTestId('preview-apply').click()
  await expect(page.getByTestId('report-failures')).toHaveCount(0)
  await expect(page.getByTestId('report-summary')).toContainText('done')
  for (const [day, names] of templateDays) expect(workoutsOn(sim, 'i100002', day).map((e) => e.name).sort()).toEqual([...names].sort())
  for (const e of replaced) expect(sim.state.athlete('i100002')!.events.some((x) => x.id === e.id)).toBe(false)
})

test('assigning a ride to a runner in 1900 warns and waits for the coach to confirm the date', async ({ app }) => {
  const { page, sim } = app
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  await page.getByTestId('nav-workouts').click()
  await page.getByTestId('workout-name').fill('Threshold ride')
  await page.getByTestId('workout-text').fill('- 10m 60%\n- 2x20m 95%\n- 10m 50%')
  const runner = sim.state.coached.find((a) => a.activities.length && a.activities.every((x) => !String(x.type).endsWith('Ride')))!
  await page.locator(`[data-testid="assign-panel"] input[data-athlete="${runner.id}"]`).check()
  await page.getByTestId('when-date').check()
  await page.getByTestId('assign-date').fill('1900-01-02')
  await page.getByTestId('assign-preview').click()
  await expect(page.locator('[data-testid="placement-warning"][data-kind="notTheirSport"]')).toBeVisible()
  await expect(page.locator('[data-testid="placement-warning"][data-kind="past"]')).toContainText('1900')
  await expect(page.getByTestId('preview-apply')).toBeDisabled()
  await page.getByTestId('placement-confirm').check()
  await expect(page.getByTestId('preview-apply')).toBeEnabled()
  expect(sim.state.athlete(runner.id)!.events.some((e) => e.name === 'Threshold ride')).toBe(false)
  // The coach's yes goes with Apply: main writes such a date only with it.
  await page.getByTestId('preview-apply').click()
  await expect(page.getByTestId('report-summary')).toContainText('done')
  expect(sim.state.athlete(runner.id)!.events.filter((e) => e.name === 'Threshold ride').map((e) => e.start_date_local!.slice(0, 10))).toEqual(['1900-01-02'])
})

test('a copy onto days already planned offers skip or replace, through the same preview, report and undo', async ({ app }) => {
  const { page, sim } = app
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  await page.getByTestId('nav-calendar').click()
  await expect(page.locator('[data-testid="calendar-row"] .athlete-col .row-loading')).toHaveCount(0, { timeout: 20_000 })

  // A workout ahead on a chip in view, on a day another athlete also has a workout planned.
  const writers = sim.state.coached.filter((a) => a.athlete.icu_permission === 'WRITE')
  const todayOf = (id: string) => athleteToday(sim.state.athlete(id)!.athlete.timezone ?? 'UTC', new Date())
  let pick: { from: string; to: string; eventId: number; name: string; day: string } | null = null
  for (const a of writers) {
    for (const e of a.events.filter((x) => x.category === 'WORKOUT' && x.start_date_local!.slice(0, 10) > todayOf(a.id))) {
      const day = e.start_date_local!.slice(0, 10)
      const to = writers.find((b) => b.id !== a.id && day > todayOf(b.id) && workoutsOn(sim, b.id, day).length > 0)
      if (!to || !(await page.locator(`[data-testid="calendar-row"][data-athlete="${a.id}"] .chip-event[data-event="${e.id}"]`).count())) continue
      pick = { from: a.id, to: to.id, eventId: e.id!, name: e.name!, day }
      break
    }
    if (pick) break
  }
  expect(pick, 'a workout ahead that clashes with another athlete’s').not.toBeNull()
  const { from, to, eventId, name, day } = pick!
  const there = workoutsOn(sim, to, day)

  await page.locator(`[data-testid="calendar-row"][data-athlete="${from}"] .chip-event[data-event="${eventId}"]`).click()
  await page.getByTestId('bulk-copy').click()
  await page.locator(`input[type="checkbox"][data-athlete="${to}"]`).check()
  await page.getByTestId('copy-offset').fill('0')
  await page.getByTestId('copy-preview').click()

  const line = page.locator(`[data-testid="placement-day"][data-athlete="${to}"][data-day="${day}"]`)
  for (const e of there) await expect(line).toContainText(e.name!)
  await expect(page.getByTestId('placement-alongside')).toHaveAttribute('aria-checked', 'true')

  // Skip: nothing for that day, and the preview says why.
  await page.getByTestId('placement-skip').click()
  await expect(page.getByTestId('placement-skip')).toHaveAttribute('aria-checked', 'true')
  await expect(page.getByTestId('preview-change')).toHaveCount(0)
  await expect(page.getByTestId('preview-skipped')).toContainText('already has')

  // Replace: the workouts there are deleted in the same plan.
  await page.getByTestId('placement-replace').click()
  await expect(page.getByTestId('placement-replace')).toHaveAttribute('aria-checked', 'true')
  await expect(page.locator('[data-testid="preview-change"]', { hasText: 'deleted' })).toHaveCount(there.length)
  await page.getByTestId('preview-apply').click()
  await expect(page.getByTestId('report-summary')).toContainText('done')
  expect(workoutsOn(sim, to, day).map((e) => e.name)).toEqual([name])
  expect(sim.state.athlete(from)!.events.some((e) => e.id === eventId)).toBe(true)

  // One undo gives the athlete's own workouts back and takes the copy away.
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('bulk-dialog')).toHaveCount(0)
  await page.getByTestId('undo').click()
  await page.getByTestId('preview-apply').click()
  await expect(page.getByTestId('report-summary')).toContainText('done')
  expect(workoutsOn(sim, to, day).map((e) => e.name).sort()).toEqual(there.map((e) => e.name).sort())
})

test('a library workout dropped on a day that already has one waits in the preview, and replace leaves it alone there', async ({ app }) => {
  const { page, sim } = app
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  await page.getByTestId('nav-calendar').click()
  await expect(page.locator('[data-testid="calendar-row"] .athlete-col .row-loading')).toHaveCount(0, { timeout: 20_000 })
  await page.getByTestId('toggle-library').click()
  const workout = page.locator('[data-testid="library-workout"]', { hasText: 'Threshold 2x20' })

  // A day ahead in a writable athlete's row that holds a workout.
  const todayOf = (id: string) => athleteToday(sim.state.athlete(id)!.athlete.timezone ?? 'UTC', new Date())
  let target: { athleteId: string; day: string } | null = null
  for (const a of sim.state.coached.filter((x) => x.athlete.icu_permission === 'WRITE')) {
    const cells = page.locator(`[data-testid="calendar-row"][data-athlete="${a.id}"] td.cell`)
    for (const day of await cells.evaluateAll((tds) => tds.map((td) => td.getAttribute('data-day')!))) {
      if (day > todayOf(a.id) && workoutsOn(sim, a.id, day).length) {
        target = { athleteId: a.id, day }
        break
      }
    }
    if (target) break
  }
  expect(target, 'a planned day ahead in view').not.toBeNull()
  const { athleteId, day } = target!
  const there = workoutsOn(sim, athleteId, day)

  await workout.dragTo(page.locator(`[data-testid="calendar-row"][data-athlete="${athleteId}"] td.cell[data-day="${day}"]`))
  // Something is planned there: nothing is written until the coach chooses.
  const line = page.locator(`[data-testid="placement-day"][data-athlete="${athleteId}"][data-day="${day}"]`)
  for (const e of there) await expect(line).toContainText(e.name!)
  expect(workoutsOn(sim, athleteId, day).map((e) => e.id)).toEqual(there.map((e) => e.id))
  await page.getByTestId('placement-replace').click()
  await expect(page.locator('[data-testid="preview-change"]', { hasText: 'deleted' })).toHaveCount(there.length)
  await page.getByTestId('preview-apply').click()
  await expect(page.getByTestId('report-summary')).toContainText('done')
  expect(workoutsOn(sim, athleteId, day).map((e) => e.name)).toEqual(['Threshold 2x20'])
})

test('a workout dragged onto another athlete’s past day stops at the preview until the coach confirms the date', async ({ app }) => {
  const { page, sim } = app
  await openLastWeek(page)

  // A workout in one writable athlete's row, dropped on the first day in view of another's: last week's Monday.
  const [from, to] = sim.state.coached.filter((a) => a.athlete.icu_permission === 'WRITE')
  const chip = page.locator(`[data-testid="calendar-row"][data-athlete="${from!.id}"] .chip-event.cat-workout`).first()
  const eventId = Number(await chip.getAttribute('data-event'))
  const name = sim.state.athlete(from!.id)!.events.find((e) => e.id === eventId)!.name!
  const target = page.locator(`[data-testid="calendar-row"][data-athlete="${to!.id}"] td.cell`).first()
  const day = (await target.getAttribute('data-day'))!
  const today = athleteToday(to!.athlete.timezone ?? 'UTC', new Date())
  expect(day < today).toBe(true)
  const copies = () => sim.state.athlete(to!.id)!.events.filter((e) => e.name === name && e.start_date_local?.slice(0, 10) === day)
  const before = copies().length

  await chip.dragTo(target)
  await expect(page.locator('[data-testid="placement-warning"][data-kind="past"]')).toContainText(`${coachDate(day)} is in the past for ${to!.athlete.name}`)
  await expect(page.getByTestId('preview-apply')).toBeDisabled()
  expect(copies()).toHaveLength(before)
  await page.getByTestId('placement-confirm').check()
  await page.getByTestId('preview-apply').click()
  await expect(page.getByTestId('report-summary')).toContainText('done')
  expect(copies()).toHaveLength(before + 1)
})

test('a workout dragged within its row onto a day before today warns in the preview and moves only once the coach confirms', async ({ app }) => {
  const { page, sim } = app
  await openLastWeek(page)

  // A workout from the athlete's today on, in a writable row, moved to the first day in view: last week's Monday.
  const todayOf = (id: string) => athleteToday(sim.state.athlete(id)!.athlete.timezone ?? 'UTC', new Date())
  let pick: { athleteId: string; eventId: number; from: string } | null = null
  for (const a of sim.state.coached.filter((x) => x.athlete.icu_permission === 'WRITE')) {
    for (const e of a.events.filter((x) => x.category === 'WORKOUT' && x.start_date_local!.slice(0, 10) >= todayOf(a.id))) {
      if (!(await page.locator(`[data-testid="calendar-row"][data-athlete="${a.id}"] .chip-event[data-event="${e.id}"]`).count())) continue
      pick = { athleteId: a.id, eventId: e.id!, from: e.start_date_local!.slice(0, 10) }
      break
    }
    if (pick) break
  }
  expect(pick, 'a workout from today on in view').not.toBeNull()
  const { athleteId, eventId, from } = pick!
  const row = page.locator(`[data-testid="calendar-row"][data-athlete="${athleteId}"]`)
  const target = row.locator('td.cell').first()
  const day = (await target.getAttribute('data-day'))!
  expect(day < todayOf(athleteId)).toBe(true)
  const dayOf = () => sim.state.athlete(athleteId)!.events.find((e) => e.id === eventId)!.start_date_local!.slice(0, 10)

  await row.locator(`.chip-event[data-event="${eventId}"]`).dragTo(target)
  const name = sim.state.athlete(athleteId)!.athlete.name
  await expect(page.locator('[data-testid="placement-warning"][data-kind="past"]')).toContainText(`${coachDate(day)} is in the past for ${name}`)
  await expect(page.getByTestId('preview-apply')).toBeDisabled()
  await page.screenshot({ path: test.info().outputPath('shift-past.png') })
  expect(dayOf()).toBe(from)
  await page.getByTestId('placement-confirm').check()
  await page.getByTestId('preview-apply').click()
  await expect(page.getByTestId('report-summary')).toContainText('1 done')
  expect(dayOf()).toBe(day)
})
