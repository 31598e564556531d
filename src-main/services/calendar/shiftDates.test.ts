import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BulkPlan, BulkReport } from '../../contract/calendar'
import type { RosterList, RosterRow } from '../../contract/schemas'
import { connectedHarness, ok, type CoreHarness } from '../../testing/core'
import { addDays, athleteToday, coachDate } from '../dates'

// A shift moves existing events: one that lands before the athlete's today from a day on or after it, or more
// than a year ahead, waits for the coach's yes like a new event there would. Main holds it: without the yes
// nothing is sent. Real core, real HTTP to the simulator.

describe('shifting events onto dates that need the coach’s yes', () => {
  let h: CoreHarness
  let roster: RosterList
  beforeEach(async () => {
    ;({ h, roster } = await connectedHarness())
  })
  afterEach(() => h.close())

  const writer = () => roster.athletes.find((a) => !a.isSelf && a.permission === 'WRITE')!
  const todayOf = (a: RosterRow) => athleteToday(a.timezone, new Date())
  const dayOf = (athleteId: string, id: number) => h.sim.state.athlete(athleteId)!.events.find((e) => e.id === id)!.start_date_local!.slice(0, 10)
  const writes = () => h.sim.requests.filter((r) => r.method !== 'GET')
  /** The id of a workout of the athlete's whose day passes the test. */
  const workout = (a: RosterRow, when: (day: string) => boolean): number => {
    const found = h.sim.state.athlete(a.id)!.events.find((e) => e.category === 'WORKOUT' && when(e.start_date_local!.slice(0, 10)))
    expect(found, 'a workout on such a day').toBeDefined()
    return found!.id!
  }
  const shift = (a: RosterRow, id: number, days: number) =>
    ok<BulkPlan>(h.core.invoke('calendar:planBulk', { selection: { events: [{ athleteId: a.id, eventId: id }] }, action: { kind: 'shift', days } }))

  /** Apply without the yes is refused and sends no write; with it, the event is on its new day. */
  async function refusedThenConfirmed(plan: BulkPlan, a: RosterRow, id: number, to: string) {
    const from = dayOf(a.id, id)
    h.sim.resetRequests()
    const refused = await h.core.invoke('calendar:applyBulk', { planId: plan.planId })
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^Nothing was written: confirm these dates first\. /) } })
    expect(await h.core.invoke('calendar:applyBulk', { planId: plan.planId, confirmDates: false })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(writes()).toEqual([])
    expect(dayOf(a.id, id)).toBe(from)

    expect(await ok<BulkReport>(h.core.invoke('calendar:applyBulk', { planId: plan.planId, confirmDates: true }))).toMatchObject({ failed: 0, succeeded: 1 })
    expect(dayOf(a.id, id)).toBe(to)
  }

  it('a workout ahead shifted onto a day before the athlete’s today', async () => {
    const a = writer()
    const today = todayOf(a)
    const id = workout(a, (d) => d >= today)
    const days = -(Math.round((Date.parse(dayOf(a.id, id)) - Date.parse(today)) / 86_400_000) + 3)
    const to = addDays(dayOf(a.id, id), days)
    expect(to < today).toBe(true)
    const plan = await shift(a, id, days)
    expect(plan.placement!.warnings).toEqual([
      { athleteId: a.id, kind: 'past', message: `${coachDate(to)} is in the past for ${a.name} (today is ${coachDate(today)}).`, needsConfirm: true },
    ])
    await refusedThenConfirmed(plan, a, id, to)
  })

  it('a workout shifted more than a year ahead', async () => {
    const a = writer()
    // A shift goes at most a year either way: from a day after today, that lands past the year.
    const id = workout(a, (d) => d > todayOf(a))
    const to = addDays(dayOf(a.id, id), 365)
    const plan = await shift(a, id, 365)
    expect(plan.placement!.warnings).toMatchObject([{ athleteId: a.id, kind: 'farAhead', needsConfirm: true }])
    await refusedThenConfirmed(plan, a, id, to)
  })

  it('a past workout moved further into the past is deliberate: no question, it moves', async () => {
    const a = writer()
    const id = workout(a, (d) => d < todayOf(a))
    const to = addDays(dayOf(a.id, id), -2)
    const plan = await shift(a, id, -2)
    expect(plan.placement).toBeUndefined()
    expect(await ok<BulkReport>(h.core.invoke('calendar:applyBulk', { planId: plan.planId }))).toMatchObject({ failed: 0, succeeded: 1 })
    expect(dayOf(a.id, id)).toBe(to)
  })

  it('a shift within the weeks ahead asks nothing', async () => {
    const a = writer()
    const id = workout(a, (d) => d >= todayOf(a))
    const plan = await shift(a, id, 2)
    expect(plan.placement).toBeUndefined()
    expect(await ok<BulkReport>(h.core.invoke('calendar:applyBulk', { planId: plan.planId }))).toMatchObject({ failed: 0, succeeded: 1 })
  })

  it('undo puts a shifted event back on its past day without asking', async () => {
    const a = writer()
    const today = todayOf(a)
    const id = workout(a, (d) => d < today)
    const from = dayOf(a.id, id)
    const days = Math.round((Date.parse(today) - Date.parse(from)) / 86_400_000) + 2
    // Out of the past into the days ahead: nothing to confirm.
    const plan = await shift(a, id, days)
    expect(plan.placement).toBeUndefined()
    await ok<BulkReport>(h.core.invoke('calendar:applyBulk', { planId: plan.planId }))
    expect(dayOf(a.id, id)).toBe(addDays(today, 2))

    // Back onto a day before today: the undo restores what was there, and does not ask.
    const undo = await ok<BulkPlan>(h.core.invoke('calendar:planUndo', {}))
    expect(undo.placement).toBeUndefined()
    expect(await ok<BulkReport>(h.core.invoke('calendar:applyBulk', { planId: undo.planId }))).toMatchObject({ failed: 0, succeeded: 1 })
    expect(dayOf(a.id, id)).toBe(from)
  })
})
