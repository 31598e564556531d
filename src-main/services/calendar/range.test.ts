import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CalendarRow } from '../../contract/calendar'
import type { RosterList } from '../../contract/schemas'
import { connectedHarness, ok, type CoreHarness } from '../../testing/core'
import { addDays, athleteToday, mondayOf } from '../dates'

let h: CoreHarness
let roster: RosterList
let monday: string

beforeEach(async () => {
  ;({ h, roster } = await connectedHarness())
  monday = addDays(mondayOf(athleteToday('Europe/London', new Date())), 7)
})
afterEach(() => h.close())

const writers = () => roster.athletes.filter((a) => !a.isSelf && a.permission === 'WRITE')
const serverEvent = (athleteId: string, id: number) => h.sim.state.athlete(athleteId)!.events.find((e) => e.id === id)

async function load(ids: string[], weeks = 1, from = monday): Promise<CalendarRow[]> {
  return ok(h.core.invoke('calendar:range', { athleteIds: ids, oldest: from, newest: addDays(from, weeks * 7 - 1) }))
}

describe('calendar range', () => {
  it('loads one events and one activities request per athlete, then serves a loaded week from the cache', async () => {
    const ids = writers().slice(0, 4).map((a) => a.id)
    // Weeks gone by for every athlete: activities are asked as well as events.
    const past = addDays(monday, -21)
    h.sim.resetRequests()
    const rows = await load(ids, 2, past)
    expect(rows.map((r) => r.athleteId)).toEqual(ids)
    expect(rows.every((r) => r.error === null && r.events.length > 0)).toBe(true)
    expect(h.sim.requests).toHaveLength(8)
    expect(h.events.filter((e) => e.event === 'calendar:row')).toHaveLength(4)
    h.sim.resetRequests()
    await load(ids, 1, past)
    expect(h.sim.requests).toHaveLength(0)
  })
})

describe('one event from the dialog', () => {
  it('creates a note with only what the coach filled in, and an edit sends only what changed', async () => {
    const a = writers()[0]!
    h.sim.resetRequests()
    const note = await ok<{ id: number }>(
      h.core.invoke('calendar:createEvent', { athleteId: a.id, fields: { name: 'Rest well', category: 'NOTE', date: monday, type: null, description: '', movingSecs: null } }),
    )
    const [create] = h.sim.requests.filter((r) => r.method === 'POST')
    expect(Object.keys(create!.body as object).sort()).toEqual(['category', 'end_date_local', 'external_id', 'name', 'start_date_local', 'uid'])
    h.sim.resetRequests()
    await ok(h.core.invoke('calendar:updateEvent', { athleteId: a.id, eventId: note.id, fields: { name: 'Rest day', category: 'NOTE', date: monday, description: '' } }))
    expect(h.sim.requests.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([{ name: 'Rest day' }])
  })

  it('keeps the time of day when an event is edited in the dialog', async () => {
    const a = writers()[0]!
    const rows = await load([a.id])
    const target = rows[0]!.events.find((e) => e.category === 'WORKOUT')!
    serverEvent(a.id, target.id)!.start_date_local = `${target.date}T18:00:00`
    await ok(h.core.invoke('calendar:updateEvent', { athleteId: a.id, eventId: target.id, fields: { name: 'Evening session', date: target.date } }))
    expect(serverEvent(a.id, target.id)!.start_date_local).toBe(`${target.date}T18:00:00`)
    expect(serverEvent(a.id, target.id)!.name).toBe('Evening session')
  })

  it('shows a multi-day event once after its weeks were loaded separately', async () => {
    const a = writers()[0]!
    const created = await ok<{ id: number }>(
      h.core.invoke('calendar:createEvent', { athleteId: a.id, fields: { name: 'Camp', category: 'HOLIDAY', date: addDays(monday, 5), endDate: addDays(monday, 9) } }),
    )
    await ok(h.core.invoke('calendar:range', { athleteIds: [a.id], oldest: addDays(monday, 7), newest: addDays(monday, 13) }))
    await ok(h.core.invoke('calendar:range', { athleteIds: [a.id], oldest: monday, newest: addDays(monday, 6) }))
    const [row] = await ok<CalendarRow[]>(h.core.invoke('calendar:range', { athleteIds: [a.id], oldest: monday, newest: addDays(monday, 13) }))
    expect(row!.events.filter((e) => e.id === created.id)).toHaveLength(1)
  })
})

