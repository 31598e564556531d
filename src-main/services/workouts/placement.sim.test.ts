import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BulkPlan, BulkReport } from '../../contract/calendar'
import type { RosterList } from '../../contract/schemas'
import type { WeekTemplate } from '../../contract/workouts'
import { profilesFor } from '../../sim/profile'
import { coreHarness, ok, type CoreHarness } from '../../testing/core'
import { addDays, athleteToday, mondayOf } from '../dates'

// New workouts meet the calendars they land on, against the simulator over loopback: what is already there is
// shown, and "replace" and "skip" change what intervals.icu ends up holding. The uid axis matters: creates and
// the undo of a replace (re-creating what was deleted) are matched by uid.

const TEXT = '- 10m 60%\n- 2x15m 88%\n- 10m 55%'

describe.each(profilesFor(['uid', 'bulkUpdate']))('placing workouts on calendars under %s', ({ profile }) => {
  let h: CoreHarness
  let roster: RosterList
  beforeEach(async () => {
    h = await coreHarness({ sim: { profile } })
    await ok(h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey }))
    roster = await ok<RosterList>(h.core.invoke('roster:list', {}))
  })
  afterEach(() => h.close())

  const writers = () => roster.athletes.filter((a) => !a.isSelf && a.permission === 'WRITE')
  const eventsOn = (athleteId: string, day: string) => h.sim.state.athlete(athleteId)!.events.filter((e) => e.start_date_local?.slice(0, 10) === day)
  const workoutsOn = (athleteId: string, day: string) => eventsOn(athleteId, day).filter((e) => e.category === 'WORKOUT')
  /** A writable athlete and a future day on which they already have a workout planned. */
  function bookedDay(): { athleteId: string; day: string } {
    for (const a of writers()) {
      const today = athleteToday(a.timezone, new Date())
      const e = h.sim.state.athlete(a.id)!.events.find((x) => x.category === 'WORKOUT' && (x.start_date_local ?? '') > `${addDays(today, 1)}`)
      if (e) return { athleteId: a.id, day: e.start_date_local!.slice(0, 10) }
    }
    throw new Error('the seed has no planned workout ahead')
  }
  const assign = (athleteId: string, date: string, placement?: 'alongside' | 'replace' | 'skip', sport = 'Ride') =>
    ok<BulkPlan>(
      h.core.invoke('workouts:planAssign', {
        workout: { kind: 'text', name: 'Tempo 2x15', sport, description: TEXT },
        athleteIds: [athleteId],
        when: { kind: 'date', date },
        ...(placement ? { placement } : {}),
      }),
    )
  const apply = (plan: BulkPlan) => ok<BulkReport>(h.core.invoke('calendar:applyBulk', { planId: plan.planId }))

  it('shows what is planned on the day and, by default, adds alongside it', async () => {
    const { athleteId, day } = bookedDay()
    const there = workoutsOn(athleteId, day)
    const plan = await assign(athleteId, day)
    expect(plan.placement?.choice).toBe('alongside')
    expect(plan.placement?.existing).toContainEqual(
      expect.objectContaining({ athleteId, date: day, events: expect.arrayContaining(there.map((e) => expect.objectContaining({ id: e.id, name: e.name }))) }),
    )
    expect(plan.changes.map((c) => c.kind)).toEqual(['create'])
    await apply(plan)
    expect(workoutsOn(athleteId, day).map((e) => e.id).sort()).toEqual(expect.arrayContaining(there.map((e) => e.id)))
    expect(workoutsOn(athleteId, day)).toHaveLength(there.length + 1)
  })

  it('replaces the workouts on that day in one plan, and undo brings them back', async () => {
    const { athleteId, day } = bookedDay()
    const there = workoutsOn(athleteId, day)
    const others = eventsOn(athleteId, day).filter((e) => e.category !== 'WORKOUT')
    const plan = await assign(athleteId, day, 'replace')
    expect(plan.changes.map((c) => c.kind).sort()).toEqual(['create', ...there.map(() => 'delete')].sort())
    const report = await apply(plan)
    expect(report).toMatchObject({ failed: 0, succeeded: there.length + 1 })
    expect(workoutsOn(athleteId, day).map((e) => e.name)).toEqual(['Tempo 2x15'])
    // Notes and other events on that day are not the coach's workouts: they stay.
    expect(eventsOn(athleteId, day).filter((e) => e.category !== 'WORKOUT').map((e) => e.id)).toEqual(others.map((e) => e.id))

    await apply(await ok<BulkPlan>(h.core.invoke('calendar:planUndo', {})))
    expect(workoutsOn(athleteId, day).map((e) => e.name).sort()).toEqual(there.map((e) => e.name).sort())
  })

  it('skips a day that already has a workout, says why, and writes nothing there', async () => {
    const { athleteId, day } = bookedDay()
    const before = JSON.stringify(h.sim.state.athlete(athleteId)!.events)
    const plan = await assign(athleteId, day, 'skip')
    expect(plan.changes).toEqual([])
    expect(plan.skipped).toEqual([expect.objectContaining({ athleteId, reason: expect.stringMatching(/^“Tempo 2x15” not added: .+ already has “.+” on /) })])
    expect(JSON.stringify(h.sim.state.athlete(athleteId)!.events)).toBe(before)
  })

  /** A future workout of one writable athlete on a day another writable athlete also has one planned. */
  function clashingCopy(): { from: string; to: string; eventId: number; name: string; day: string } {
    const ws = writers()
    for (const from of ws) {
      const today = athleteToday(from.timezone, new Date())
      for (const e of h.sim.state.athlete(from.id)!.events.filter((x) => x.category === 'WORKOUT' && (x.start_date_local ?? '') > `${addDays(today, 1)}`)) {
        const day = e.start_date_local!.slice(0, 10)
        const to = ws.find((t) => t.id !== from.id && workoutsOn(t.id, day).length > 0)
        if (to) return { from: from.id, to: to.id, eventId: e.id!, name: e.name ?? '', day }
      }
    }
    throw new Error('the seed has no two athletes with workouts on the same day ahead')
  }
  const planCopy = (c: { from: string; to: string; eventId: number }, placement?: 'alongside' | 'replace' | 'skip') =>
    ok<BulkPlan>(
      h.core.invoke('calendar:planBulk', {
        selection: { events: [{ athleteId: c.from, eventId: c.eventId }] },
        action: { kind: 'copy', toAthletes: [c.to], offsetDays: 0, ...(placement ? { placement } : {}) },
      }),
    )

  it('a copy onto a planned day: replace deletes the workouts there in the same plan, and undo brings them back', async () => {
    const c = clashingCopy()
    const there = workoutsOn(c.to, c.day)
    const plan = await planCopy(c, 'replace')
    expect(plan.placement?.choice).toBe('replace')
    expect(plan.changes.map((x) => `${x.kind}:${x.eventId ?? ''}`).sort()).toEqual(['create:', ...there.map((e) => `delete:${e.id}`)].sort())
    expect(await apply(plan)).toMatchObject({ failed: 0, succeeded: there.length + 1 })
    expect(workoutsOn(c.to, c.day).map((e) => e.name)).toEqual([c.name])
    // The source athlete's calendar is not touched.
    expect(h.sim.state.athlete(c.from)!.events.some((e) => e.id === c.eventId)).toBe(true)

    await apply(await ok<BulkPlan>(h.core.invoke('calendar:planUndo', {})))
    expect(workoutsOn(c.to, c.day).map((e) => e.name).sort()).toEqual(there.map((e) => e.name).sort())
  })

  it('a copy onto a planned day: skip leaves that day alone and says why; alongside adds beside', async () => {
    const c = clashingCopy()
    const before = JSON.stringify(h.sim.state.athlete(c.to)!.events)
    const skipped = await planCopy(c, 'skip')
    expect(skipped.changes).toEqual([])
    expect(skipped.skipped).toEqual([expect.objectContaining({ athleteId: c.to, reason: expect.stringContaining('already has') })])
    expect(JSON.stringify(h.sim.state.athlete(c.to)!.events)).toBe(before)

    const there = workoutsOn(c.to, c.day).length
    const alongside = await planCopy(c)
    expect(alongside.placement?.choice).toBe('alongside')
    expect(alongside.changes.map((x) => x.kind)).toEqual(['create'])
    await apply(alongside)
    expect(workoutsOn(c.to, c.day)).toHaveLength(there + 1)
  })

  it('a week template onto a planned week: replace leaves one plan per day, not two', async () => {
    const [source, target] = writers()
    const week = addDays(mondayOf(athleteToday(source!.timezone, new Date())), 7)
    const template = await ok<WeekTemplate>(h.core.invoke('workouts:saveWeekTemplate', { athleteId: source!.id, weekStart: week, name: 'Build' }))
    const targetWeek = addDays(mondayOf(athleteToday(target!.timezone, new Date())), 7)
    const plannedDays = [...new Set(template.events.filter((e) => e.category === 'WORKOUT').map((e) => addDays(targetWeek, e.day)))]
    const bookedBefore = plannedDays.filter((d) => workoutsOn(target!.id, d).length > 0)
    expect(bookedBefore.length).toBeGreaterThan(0)

    const doubled = await ok<BulkPlan>(h.core.invoke('workouts:planTemplate', { templateId: template.id, athleteIds: [target!.id], start: { kind: 'week', weekOffset: 1 } }))
    expect(doubled.placement!.existing.map((d) => d.date)).toEqual(expect.arrayContaining(bookedBefore))

    const plan = await ok<BulkPlan>(h.core.invoke('workouts:planTemplate', { templateId: template.id, athleteIds: [target!.id], start: { kind: 'week', weekOffset: 1 }, placement: 'replace' }))
    await apply(plan)
    const perDay = template.events.filter((e) => e.category === 'WORKOUT').reduce((m, e) => m.set(e.day, (m.get(e.day) ?? 0) + 1), new Map<number, number>())
    for (const [d, n] of perDay) expect(workoutsOn(target!.id, addDays(targetWeek, d))).toHaveLength(n)
  })
})

describe('copying to other athletes', () => {
  let h: CoreHarness
  beforeEach(async () => {
    h = await coreHarness()
    await ok(h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey }))
    await ok(h.core.invoke('roster:list', {}))
  })
  afterEach(() => h.close())

  it('shows what the target athletes already have on the days the copies land on', async () => {
    const [from, to] = h.sim.state.coached.filter((a) => a.athlete.icu_permission === 'WRITE')
    const source = from!.events.find((e) => e.category === 'WORKOUT' && to!.events.some((x) => x.category === 'WORKOUT' && x.start_date_local?.slice(0, 10) === e.start_date_local?.slice(0, 10)))!
    const day = source.start_date_local!.slice(0, 10)
    const there = to!.events.filter((x) => x.start_date_local?.slice(0, 10) === day)
    const plan = await ok<BulkPlan>(
      h.core.invoke('calendar:planBulk', { selection: { events: [{ athleteId: from!.id, eventId: source.id! }] }, action: { kind: 'copy', toAthletes: [to!.id], offsetDays: 0 } }),
    )
    expect(plan.placement?.existing).toEqual([
      expect.objectContaining({ athleteId: to!.id, date: day, events: expect.arrayContaining(there.map((e) => expect.objectContaining({ id: e.id }))) }),
    ])
  })
})

describe('warnings against the simulator', () => {
  let h: CoreHarness
  let roster: RosterList
  beforeEach(async () => {
    h = await coreHarness()
    await ok(h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey }))
    roster = await ok<RosterList>(h.core.invoke('roster:list', {}))
  })
  afterEach(() => h.close())

  it('warns about a Ride for an athlete who does not ride and asks to confirm a date in 1900', async () => {
    const noRide = roster.athletes.find((a) => a.permission === 'WRITE' && a.sports.length && !a.sports.some((s) => s.endsWith('Ride')))!
    expect(noRide).toBeDefined()
    const plan = await ok<BulkPlan>(
      h.core.invoke('workouts:planAssign', { workout: { kind: 'text', name: 'Threshold', sport: 'Ride', description: TEXT }, athleteIds: [noRide.id], when: { kind: 'date', date: '1900-01-02' } }),
    )
    expect(plan.placement!.warnings.map((w) => [w.athleteId, w.kind, w.needsConfirm])).toEqual([
      [noRide.id, 'notTheirSport', false],
      [noRide.id, 'past', true],
    ])
  })
})
