import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { BulkPlan, CalEvent } from '../../contract/calendar'
import { connectedHarness, ok, type CoreHarness } from '../../testing/core'

/** The event dialog through the core: what a create and an edit send, what they return, and their undo. */
let h: CoreHarness
let A: string
beforeAll(async () => {
  ;({ h } = await connectedHarness())
  A = h.sim.state.coached[0]!.id
})
afterAll(() => h.close())
beforeEach(() => {
  h.sim.state.athlete(A)!.events = []
  h.sim.resetRequests()
})
const sent = (method: string) => h.sim.requests.filter((r) => r.method === method).map((r) => r.body)

describe('creating an event in the dialog', () => {
  it('sends every field the coach filled in, in the API’s names, a day ending at the next midnight', async () => {
    const made = await ok<CalEvent>(
      h.core.invoke('calendar:createEvent', {
        athleteId: A,
        fields: { name: 'Race prep', category: 'TARGET', date: '2027-03-02', type: 'Ride', description: 'Keep it easy', movingSecs: 3600, hidden: true, locked: false, loadTarget: 300 },
      }),
    )
    const [body] = sent('POST') as Record<string, unknown>[]
    expect({ ...body, uid: undefined, external_id: undefined }).toEqual({
      name: 'Race prep',
      category: 'TARGET',
      start_date_local: '2027-03-02T00:00:00',
      end_date_local: '2027-03-03T00:00:00',
      type: 'Ride',
      description: 'Keep it easy',
      moving_time: 3600,
      hide_from_athlete: true,
      athlete_cannot_edit: false,
      load_target: 300,
      uid: undefined,
      external_id: undefined,
    })
    expect(body!.external_id).toBe(`coach-desk:${String(body!.uid)}`)
    expect(made).toMatchObject({ athleteId: A, name: 'Race prep', category: 'TARGET', date: '2027-03-02', endDate: null, hidden: true })
    expect(h.sim.state.athlete(A)!.events.map((e) => e.id)).toEqual([made.id])
  })

  it('leaves out what is empty, and runs a holiday to the day after its last', async () => {
    await ok(h.core.invoke('calendar:createEvent', { athleteId: A, fields: { name: 'Away', category: 'HOLIDAY', date: '2027-03-02', endDate: '2027-03-05', type: null, description: '', movingSecs: null, loadTarget: null } }))
    const [body] = sent('POST') as Record<string, unknown>[]
    expect({ ...body, uid: undefined, external_id: undefined }).toEqual({ name: 'Away', category: 'HOLIDAY', start_date_local: '2027-03-02T00:00:00', end_date_local: '2027-03-06T00:00:00', uid: undefined, external_id: undefined })
  })

  it('joins the history: undo removes the event', async () => {
    const made = await ok<CalEvent>(h.core.invoke('calendar:createEvent', { athleteId: A, fields: { name: 'Swim', category: 'NOTE', date: '2027-03-02' } }))
    const undo = await ok<BulkPlan>(h.core.invoke('calendar:planUndo', {}))
    expect(undo.title).toBe('Undo: Create “Swim”')
    expect(undo.changes.map((c) => [c.kind, c.eventId])).toEqual([['delete', made.id]])
    await ok(h.core.invoke('calendar:applyBulk', { planId: undo.planId }))
    expect(h.sim.state.athlete(A)!.events).toEqual([])
  })
})

describe('editing an event in the dialog', () => {
  async function made(): Promise<CalEvent> {
    const e = await ok<CalEvent>(h.core.invoke('calendar:createEvent', { athleteId: A, fields: { name: 'Tempo', category: 'WORKOUT', date: '2027-03-02', type: 'Run', description: 'd' } }))
    h.sim.resetRequests()
    return e
  }

  it('sends only what changed and returns the event as intervals.icu has it now', async () => {
    const e = await made()
    const after = await ok<CalEvent>(h.core.invoke('calendar:updateEvent', { athleteId: A, eventId: e.id, fields: { name: 'Tempo', type: 'Ride', description: 'd', hidden: false, locked: true } }))
    expect(sent('PUT')).toEqual([{ type: 'Ride', athlete_cannot_edit: true }])
    expect(after).toMatchObject({ id: e.id, type: 'Ride', locked: true, name: 'Tempo' })
  })

  it('moved to another day keeps its time of day and its length', async () => {
    const e = await made()
    h.sim.state.athlete(A)!.events[0]!.start_date_local = '2027-03-02T18:30:00'
    await ok(h.core.invoke('calendar:updateEvent', { athleteId: A, eventId: e.id, fields: { date: '2027-03-04', endDate: '2027-03-05' } }))
    expect(sent('PUT')).toEqual([{ start_date_local: '2027-03-04T18:30:00', end_date_local: '2027-03-06T00:00:00' }])
  })

  it('with nothing changed sends nothing and adds nothing to undo', async () => {
    const first = await made()
    await ok(h.core.invoke('calendar:updateEvent', { athleteId: A, eventId: first.id, fields: { name: 'Tempo', description: 'd' } }))
    expect(sent('PUT')).toEqual([])
    const undo = await ok<BulkPlan>(h.core.invoke('calendar:planUndo', {}))
    expect(undo.title).toBe('Undo: Create “Tempo”')
  })

  it('joins the history: undo sets back what the edit changed', async () => {
    const e = await made()
    await ok(h.core.invoke('calendar:updateEvent', { athleteId: A, eventId: e.id, fields: { name: 'Threshold' } }))
    const undo = await ok<BulkPlan>(h.core.invoke('calendar:planUndo', {}))
    expect(undo.title).toBe('Undo: Edit “Tempo”')
    await ok(h.core.invoke('calendar:applyBulk', { planId: undo.planId }))
    expect(h.sim.state.athlete(A)!.events.map((x) => x.name)).toEqual(['Tempo'])
  })
})
