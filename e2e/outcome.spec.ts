/// <reference lib="dom" />
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { addDays, athleteToday, mondayOf } from '../src-main/services/dates'
import type { SimHandle } from '../src-main/sim'

// What happened to the plan, as the calendar shows it: a missed workout, an activity without a plan,
// done workouts in their compliance band. Expectations are worked out here from the simulator's data
// with the rules written out by hand, not through the app's own rule module.

const ATHLETE = 'i100007' // Oliver Hughes, triathlete in London

/** A request to the simulator as any intervals.icu client would send it. */
async function icu(sim: SimHandle, method: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${sim.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from(`API_KEY:${sim.apiKey}`).toString('base64')}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(res.ok, `${method} ${path}`).toBe(true)
  return (await res.json()) as Record<string, unknown>
}

const family = (type: string | null | undefined) => (/Ride/.test(type ?? '') ? 'Ride' : /Run/.test(type ?? '') ? 'Run' : /Swim/.test(type ?? '') ? 'Swim' : (type ?? ''))
const day = (local: string | null | undefined) => (local ?? '').slice(0, 10)
function band(pct: number): string {
  const off = Math.abs(pct - 100)
  return off <= 20 ? 'good' : off <= 50 ? 'fair' : 'poor'
}

async function openLastAndThisWeek(page: Page) {
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  await page.getByTestId('nav-calendar').click()
  await expect(page.getByTestId('calendar-grid')).toBeVisible()
  await expect(page.locator('[data-testid="calendar-row"] .athlete-col .row-loading')).toHaveCount(0, { timeout: 20_000 })
  // Last week and this one: two weeks with past days whatever weekday it is.
  await page.getByTestId('prev-week').click()
  await expect(page.locator('[data-testid="calendar-row"] .athlete-col .row-loading')).toHaveCount(0, { timeout: 20_000 })
}

test('a missed workout is red with "missed" in its tooltip and its week total; an activity without a plan is a chip; done workouts carry their band', async ({ app }) => {
  const { page, sim } = app
  const athlete = sim.state.athlete(ATHLETE)!
  const today = athleteToday(athlete.athlete.timezone, new Date())
  // The calendar opens on the coach's week: the coach's own today, in the coach's timezone.
  const coachMonday = mondayOf(athleteToday(sim.state.athlete(sim.coachId)!.athlete.timezone, new Date()))
  const shownFrom = addDays(coachMonday, -7)

  // Written through the simulator's API before the calendar opens: a ride two days ago with
  // nothing done for it, and a walk yesterday that no plan asked for.
  const missedDate = addDays(today, -2)
  const created = await icu(sim, 'POST', `/athlete/${ATHLETE}/events?upsertOnUid=false`, {
    category: 'WORKOUT',
    type: 'Ride',
    name: 'Skipped tempo ride',
    start_date_local: `${missedDate}T00:00:00`,
    moving_time: 3600,
    icu_training_load: 60,
  })
  const missedId = Number(created.id)
  const walk = await icu(sim, 'POST', `/athlete/${ATHLETE}/activities/manual`, {
    start_date_local: `${addDays(today, -1)}T17:30:00`,
    type: 'Walk',
    name: 'Evening walk',
    moving_time: 2700,
    icu_training_load: 23,
  })
  // One done workout of the two weeks shown made amber: three quarters of the planned load.
  const workouts = athlete.events.filter((e) => e.category === 'WORKOUT' && day(e.start_date_local) >= shownFrom && day(e.start_date_local) < today)
  const pairedIn = (id: number) => athlete.activities.filter((a) => a.paired_event_id === id)
  const doneWorkouts = workouts.filter((e) => pairedIn(e.id!).length > 0 && (e.icu_training_load ?? 0) > 0)
  expect(doneWorkouts.length).toBeGreaterThan(1)
  const amber = doneWorkouts[0]!
  pairedIn(amber.id!)[0]!.icu_training_load = Math.round((amber.icu_training_load ?? 0) * 0.75)

  await openLastAndThisWeek(page)
  const row = page.locator(`[data-testid="calendar-row"][data-athlete="${ATHLETE}"]`)

  // The missed ride: red (the missed class), the word on the chip and in the tooltip.
  const missedChip = row.locator(`.chip-event[data-event="${missedId}"]`)
  await expect(missedChip).toHaveClass(/\bmissed\b/)
  await expect(missedChip).toHaveAttribute('data-outcome', 'missed')
  await expect(missedChip).toHaveAttribute('title', /missed/)
  await expect(missedChip).toContainText('missed')
  expect(await missedChip.evaluate((el) => getComputedStyle(el).borderLeftColor)).toBe('rgb(220, 38, 38)')

  // Every week total counts what the simulator holds as missed: workouts before the athlete's
  // today with no activity paired and none of their sport, unpaired, on their day or the next.
  const unpaired = athlete.activities.filter((a) => a.paired_event_id == null)
  const isMissed = (e: (typeof workouts)[number]) =>
    pairedIn(e.id!).length === 0 &&
    !unpaired.some((a) => family(a.type) === family(e.type) && [day(e.start_date_local), addDays(day(e.start_date_local), 1)].includes(day(a.start_date_local)))
  for (const [week, monday] of [shownFrom, coachMonday].entries()) {
    const expected = workouts.filter((e) => day(e.start_date_local) >= monday && day(e.start_date_local) <= addDays(monday, 6) && isMissed(e))
    const total = row.getByTestId('week-total').nth(week)
    if (expected.length) await expect(total.getByTestId('week-missed')).toHaveText(`${expected.length} missed`)
    else await expect(total.getByTestId('week-missed')).toHaveCount(0)
  }
  const missedAll = workouts.filter(isMissed)
  expect(missedAll.map((e) => e.id)).toContain(missedId)
  await expect(row.locator('.chip-event.missed')).toHaveCount(missedAll.length)
  // Today's workouts are not missed yet, whatever was done.
  for (const e of athlete.events.filter((x) => x.category === 'WORKOUT' && day(x.start_date_local) === today)) {
    await expect(row.locator(`.chip-event[data-event="${e.id}"]`)).not.toHaveClass(/\bmissed\b/)
  }

  // The walk: a chip of its own with its sport, time and load.
  const walkChip = row.locator(`[data-testid="activity-chip"][data-activity="${String(walk.id)}"]`)
  await expect(walkChip).toBeVisible()
  await expect(walkChip.locator('.sport-tag')).toHaveText('Walk')
  await expect(walkChip.getByTestId('activity-time')).toHaveText('0:45')
  await expect(walkChip.getByTestId('activity-load')).toHaveText('23')
  await expect(walkChip).toHaveAttribute('title', /Done without a plan/)
  expect(await walkChip.evaluate((el) => el.closest('td')?.dataset.day)).toBe(addDays(today, -1))

  // Each done workout in the band its own numbers give (load done over load planned, as shown).
  for (const e of doneWorkouts) {
    const pct = Math.round(((pairedIn(e.id!)[0]!.icu_training_load ?? 0) / e.icu_training_load!) * 100)
    await expect(row.locator(`.chip-event[data-event="${e.id}"]`)).toHaveClass(new RegExp(`\\bdone-${band(pct)}\\b`))
  }
  await expect(row.locator(`.chip-event[data-event="${amber.id}"]`)).toHaveClass(/\bdone-fair\b/)

  // The legend explains the colours with the bands' limits; read-only athletes stay marked on their row.
  await expect(page.getByTestId('outcome-legend')).toContainText('within 20% of the plan')
  await expect(page.getByTestId('outcome-legend')).toContainText('20–50% off the plan')
  await expect(page.getByTestId('outcome-legend')).toContainText('missed')
  const readOnly = sim.state.coached.filter((a) => a.athlete.icu_permission === 'READ')
  expect(readOnly.length).toBeGreaterThan(0)
  for (const a of readOnly) await expect(page.locator(`[data-testid="calendar-row"][data-athlete="${a.id}"] [data-testid="read-only"]`)).toBeVisible()
  await row.scrollIntoViewIfNeeded()
  await page.screenshot({ path: test.info().outputPath('outcome.png') })
})
