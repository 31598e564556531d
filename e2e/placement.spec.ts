/// <reference lib="dom" />
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { addDays, athleteToday, mondayOf } from '../src-main/services/dates'
import type { SimHandle } from '../src-main/sim'

async function openTemplates(page: Page) {
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  await page.getByTestId('nav-workouts').click()
  await expect(page.getByTestId('workout-editor')).toBeVisible()
  await page.getByTestId('tab-templates').click()
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
  await page.getByTestId('preview-cancel').click()
  expect(sim.state.athlete(runner.id)!.events.some((e) => e.name === 'Threshold ride')).toBe(false)
})
