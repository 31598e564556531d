import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BulkPlan, BulkReport } from './contract/calendar'
import type { RosterList } from './contract/schemas'
import { contract } from './contract/schemas'
import { connectedHarness, ok, type CoreHarness } from './testing/core'

describe('repeated ids in an argument', () => {
  it('are dropped by the schema, keeping the first of each and the order', () => {
    const a = { athleteId: 'i1', eventId: 7 }
    const b = { athleteId: 'i2', eventId: 7 }
    const planned = contract['calendar:planBulk'].args.parse({
      selection: { events: [a, b, { ...a }, a], ranges: [{ athleteId: 'i1', oldest: '2030-01-01', newest: '2030-01-07' }, { athleteId: 'i1', oldest: '2030-01-01', newest: '2030-01-07' }] },
      action: { kind: 'copy', toAthletes: ['i3', 'i4', 'i3'], offsetDays: 0 },
    })
    expect(planned.selection.events).toEqual([a, b])
    expect(planned.selection.ranges).toHaveLength(1)
    expect(planned.action).toMatchObject({ toAthletes: ['i3', 'i4'] })
    expect(contract['roster:weekDetails'].args.parse({ athleteIds: ['i1', 'i1', '42'] }).athleteIds).toEqual(['i1', '42'])
    expect(contract['calendar:range'].args.parse({ athleteIds: ['i1', 'i1'], oldest: '2030-01-01', newest: '2030-01-07' }).athleteIds).toEqual(['i1'])
    expect(contract['calendar:dayWellness'].args.parse({ athleteIds: ['i1', 'i1'], date: '2030-01-01' }).athleteIds).toEqual(['i1'])
    expect(contract['exports:prepareDrag'].args.parse({ events: [a, a], format: 'zwo' }).events).toEqual([a])
    const exportId = '3f0c7a52-8a8e-4a57-9a53-1c1b1f0a2b3c'
    expect(contract['exports:saveMany'].args.parse({ exportId, selection: { events: [a, a, b] }, format: 'zwo', layout: 'zip' })).toMatchObject({
      selection: { events: [a, b] },
    })
  })

  it('are still bounded before they are de-duplicated', () => {
    const many = Array.from({ length: 501 }, () => 'i1')
    expect(contract['roster:weekDetails'].args.safeParse({ athleteIds: many }).success).toBe(false)
  })
})

describe('acting on a repeated id', () => {
  let h: CoreHarness
  let roster: RosterList
  beforeEach(async () => {
    ;({ h, roster } = await connectedHarness())
  })
  afterEach(() => h.close())

  const writer = () => roster.athletes.find((a) => !a.isSelf && a.permission === 'WRITE')!.id

  it('assigns one workout to [a, a, a] as one event', async () => {
    const a = writer()
    const plan = await ok<BulkPlan>(
      h.core.invoke('workouts:planAssign', {
        workout: { kind: 'text', name: 'Once only', sport: 'Ride', description: '- 20m 70%' },
        athleteIds: [a, a, a],
        when: { kind: 'date', date: '2030-03-05' },
      }),
    )
    expect(plan.changes).toHaveLength(1)
    // A day years ahead, where nothing else is planned: the coach's yes goes with it.
    const report = await ok<BulkReport>(h.core.invoke('calendar:applyBulk', { planId: plan.planId, confirmDates: true }))
    expect(report).toMatchObject({ succeeded: 1, failed: 0 })
    expect(h.sim.state.athlete(a)!.events.filter((e) => e.name === 'Once only')).toHaveLength(1)
  })

  it('shifts an event selected three times by its days once', async () => {
    const a = writer()
    const event = h.sim.state.athlete(a)!.events.find((e) => e.category === 'WORKOUT')!
    const before = event.start_date_local!.slice(0, 10)
    const ref = { athleteId: a, eventId: event.id }
    const plan = await ok<BulkPlan>(h.core.invoke('calendar:planBulk', { selection: { events: [ref, ref, ref] }, action: { kind: 'shift', days: 2 } }))
    expect(plan.changes).toHaveLength(1)
    await ok(h.core.invoke('calendar:applyBulk', { planId: plan.planId }))
    const after = h.sim.state.athlete(a)!.events.find((e) => e.id === event.id)!
    expect(after.start_date_local!.slice(0, 10)).toBe(new Date(Date.parse(`${before}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10))
  })
})
