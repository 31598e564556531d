import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BulkPlan, BulkReport } from '../../contract/calendar'
import type { RosterList } from '../../contract/schemas'
import type { Library, WeekTemplate } from '../../contract/workouts'
import { coreHarness, ok, type CoreHarness } from '../../testing/core'
import { addDays, athleteToday, mondayOf } from '../dates'

// Placing workouts on a date in the past or more than a year ahead needs the coach's yes. The window asks,
// but main holds the rule: a plan with such dates is refused at Apply unless the call says the coach
// confirmed, so a window that skipped its check cannot write a 1900 date. Real core, real HTTP to the simulator.

const TEXT = '- 10m 60%\n- 2x15m 88%\n- 10m 55%'

describe('dates that need the coach’s yes, held in main', () => {
  let h: CoreHarness
  let roster: RosterList
  beforeEach(async () => {
    h = await coreHarness()
    await ok(h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey }))
    roster = await ok<RosterList>(h.core.invoke('roster:list', {}))
  })
  afterEach(() => h.close())

  const writers = () => roster.athletes.filter((a) => !a.isSelf && a.permission === 'WRITE')
  const eventsOn = (athleteId: string, day: string) => h.sim.state.athlete(athleteId)!.events.filter((e) => e.start_date_local?.slice(0, 10) === day)
  const writes = () => h.sim.requests.filter((r) => r.method !== 'GET')

  /** Apply without the yes is refused with a typed error and sends no write; with it, the events land. */
  async function refusedThenConfirmed(plan: BulkPlan, athleteId: string, day: string, onDay: number) {
    expect(plan.placement!.warnings.some((w) => w.needsConfirm)).toBe(true)
    const before = eventsOn(athleteId, day).length
    h.sim.resetRequests()
    const refused = await h.core.invoke('calendar:applyBulk', { planId: plan.planId })
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^Nothing was written: confirm these dates first\. /) } })
    expect(writes()).toEqual([])
    expect(eventsOn(athleteId, day)).toHaveLength(before)
    // An explicit no is the same as none.
    expect(await h.core.invoke('calendar:applyBulk', { planId: plan.planId, confirmDates: false })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })

    const report = await ok<BulkReport>(h.core.invoke('calendar:applyBulk', { planId: plan.planId, confirmDates: true }))
    expect(report).toMatchObject({ failed: 0, succeeded: plan.changes.length })
    expect(eventsOn(athleteId, day)).toHaveLength(before + onDay)
  }

  it('an assigned workout on 2 Jan 1900', async () => {
    const a = writers()[0]!
    const plan = await ok<BulkPlan>(
      h.core.invoke('workouts:planAssign', { workout: { kind: 'text', name: 'Tempo', sport: 'Ride', description: TEXT }, athleteIds: [a.id], when: { kind: 'date', date: '1900-01-02' } }),
    )
    expect(plan.placement!.warnings.find((w) => w.needsConfirm)).toMatchObject({ athleteId: a.id, kind: 'past' })
    await refusedThenConfirmed(plan, a.id, '1900-01-02', 1)
  })

  it('a library workout dropped more than a year ahead', async () => {
    const a = writers()[1]!
    const library = await ok<Library>(h.core.invoke('workouts:library', {}))
    const workout = library.folders.flatMap((f) => f.workouts).find((w) => w.description?.trim())!
    const day = addDays(athleteToday(a.timezone, new Date()), 400)
    const plan = await ok<BulkPlan>(h.core.invoke('workouts:planAssign', { workout: { kind: 'library', workoutId: workout.id }, athleteIds: [a.id], when: { kind: 'date', date: day } }))
    expect(plan.placement!.warnings.find((w) => w.needsConfirm)).toMatchObject({ athleteId: a.id, kind: 'farAhead' })
    await refusedThenConfirmed(plan, a.id, day, 1)
  })

  it('a week template from a Monday in 2020', async () => {
    const [source, target] = writers()
    const week = addDays(mondayOf(athleteToday(source!.timezone, new Date())), 7)
    const template = await ok<WeekTemplate>(h.core.invoke('workouts:saveWeekTemplate', { athleteId: source!.id, weekStart: week, name: 'Build' }))
    const firstDay = Math.min(...template.events.map((e) => e.day))
    const count = template.events.filter((e) => e.day === firstDay).length
    const plan = await ok<BulkPlan>(h.core.invoke('workouts:planTemplate', { templateId: template.id, athleteIds: [target!.id], start: { kind: 'date', date: '2020-06-01' } }))
    await refusedThenConfirmed(plan, target!.id, addDays('2020-06-01', firstDay), count)
  })

  it('a copy to another athlete half a year back', async () => {
    const [from, to] = writers()
    const source = h.sim.state.athlete(from!.id)!.events.find((e) => e.category === 'WORKOUT')!
    const day = addDays(source.start_date_local!.slice(0, 10), -200)
    const plan = await ok<BulkPlan>(
      h.core.invoke('calendar:planBulk', { selection: { events: [{ athleteId: from!.id, eventId: source.id! }] }, action: { kind: 'copy', toAthletes: [to!.id], offsetDays: -200 } }),
    )
    expect(plan.placement!.warnings.find((w) => w.needsConfirm)).toMatchObject({ athleteId: to!.id, kind: 'past' })
    await refusedThenConfirmed(plan, to!.id, day, 1)
  })

  it('a plan with ordinary dates needs no yes', async () => {
    const a = writers()[0]!
    const day = addDays(athleteToday(a.timezone, new Date()), 3)
    const plan = await ok<BulkPlan>(
      h.core.invoke('workouts:planAssign', { workout: { kind: 'text', name: 'Tempo', sport: 'Ride', description: TEXT }, athleteIds: [a.id], when: { kind: 'date', date: day } }),
    )
    expect(plan.placement!.warnings.some((w) => w.needsConfirm)).toBe(false)
    expect(await ok<BulkReport>(h.core.invoke('calendar:applyBulk', { planId: plan.planId }))).toMatchObject({ failed: 0, succeeded: 1 })
    expect(eventsOn(a.id, day).some((e) => e.name === 'Tempo')).toBe(true)
  })
})
