import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { client, startTestSim } from './testHarness'
import type { CalendarEvent, SimHandle } from './types'

type Api = ReturnType<typeof client>

describe('the calendar (events) endpoints', () => {
  let sim: SimHandle
  let api: Api
  // i100001 is in Los Angeles; i100006 in Auckland, where the fixed clock is already 11 March.
  const la = 'i100001'
  const auckland = 'i100006'
  beforeEach(async () => {
    sim = await startTestSim()
    api = client(sim)
  })
  afterEach(() => sim.close())

  const note = (date: string, extra: Partial<CalendarEvent> = {}) => ({ category: 'NOTE', name: 'note', start_date_local: date, ...extra })
  const post = async (athlete: string, body: unknown, query = ''): Promise<CalendarEvent> => {
    const res = await api.post(`/athlete/${athlete}/events${query}`, body)
    expect(res.status).toBe(200)
    return res.body as CalendarEvent
  }
  const clearCalendar = (athlete: string) => {
    const a = sim.state.athlete(athlete)
    if (a) a.events = []
  }

  it('lists from today in the athlete’s timezone through six days later by default', async () => {
    clearCalendar(auckland)
    const before = await post(auckland, note('2026-03-10'))
    const first = await post(auckland, note('2026-03-11'))
    const last = await post(auckland, note('2026-03-17'))
    const after = await post(auckland, note('2026-03-18'))
    const ids = ((await api.get(`/athlete/${auckland}/events`)).body as CalendarEvent[]).map((e) => e.id)
    expect(ids).toEqual([first.id, last.id])
    expect(ids).not.toContain(before.id)
    expect(ids).not.toContain(after.id)
  })

  it('includes a multi-day event that overlaps the range, and filters by category', async () => {
    clearCalendar(la)
    const holiday = await post(la, { category: 'HOLIDAY', start_date_local: '2026-03-12', end_date_local: '2026-03-16T00:00:00' })
    const workout = await post(la, { category: 'WORKOUT', type: 'Ride', start_date_local: '2026-03-14', description: '- 1h 65%' })
    const ids = async (query: string) =>
      ((await api.get(`/athlete/${la}/events?${query}`)).body as CalendarEvent[]).map((e) => e.id)
    expect(await ids('oldest=2026-03-14&newest=2026-03-14')).toEqual([holiday.id, workout.id])
    expect(await ids('oldest=2026-03-14&newest=2026-03-14&category=WORKOUT')).toEqual([workout.id])
    expect(await ids('oldest=2026-03-16&newest=2026-03-16')).toEqual([])
  })

  it('creates an event with a server uid, a next-midnight end and the coach as creator', async () => {
    const created = await post(la, note('2026-03-20'))
    expect(created.uid).toMatch(/^[0-9a-f-]{36}$/)
    expect(created.start_date_local).toBe('2026-03-20T00:00:00')
    expect(created.end_date_local).toBe('2026-03-21T00:00:00')
    expect(created.created_by_id).toBe(sim.coachId)
    expect((await api.get(`/athlete/${la}/events/${created.id}`)).body).toEqual(created)
  })

  it('updates in place when posting the same uid twice with upsertOnUid=true', async () => {
    const before = sim.state.athlete(la)?.events.length ?? 0
    const first = await post(la, note('2026-03-20', { uid: 'plan-1', name: 'v1' }), '?upsertOnUid=true')
    const second = await post(la, note('2026-03-20', { uid: 'plan-1', name: 'v2' }), '?upsertOnUid=true')
    expect(second.id).toBe(first.id)
    expect(second.name).toBe('v2')
    expect(sim.state.athlete(la)?.events.filter((e) => e.uid === 'plan-1')).toHaveLength(1)
    expect(sim.state.athlete(la)?.events.length).toBe(before + 1)
  })

  it('requires category and start_date_local on create, and rejects malformed JSON', async () => {
    const noCategory = await api.post(`/athlete/${la}/events`, { start_date_local: '2026-03-20' })
    expect(noCategory.status).toBe(422)
    expect(noCategory.body).toMatchObject({ status: 422 })
    expect((await api.post(`/athlete/${la}/events`, { category: 'NOTE' })).status).toBe(422)
    expect((await api.post(`/athlete/${la}/events`, '{"category":')).status).toBe(400)
  })

  it('applies a partial PUT and keeps a moved event’s length', async () => {
    const holiday = await post(la, { category: 'HOLIDAY', start_date_local: '2026-03-12', end_date_local: '2026-03-15T00:00:00' })
    const res = await api.put(`/athlete/${la}/events/${holiday.id}`, { start_date_local: '2026-03-19T00:00:00' })
    expect(res.body).toMatchObject({
      id: holiday.id,
      category: 'HOLIDAY',
      start_date_local: '2026-03-19T00:00:00',
      end_date_local: '2026-03-22T00:00:00',
    })
    expect((await api.put(`/athlete/${la}/events/12345`, { name: 'x' })).status).toBe(404)
    expect((await api.get(`/athlete/${la}/events/12345`)).status).toBe(404)
  })

  it('changes only hide_from_athlete and athlete_cannot_edit with the range PUT', async () => {
    clearCalendar(la)
    const inside = await post(la, note('2026-03-12', { name: 'inside' }))
    const outside = await post(la, note('2026-03-20', { name: 'outside' }))
    const res = await api.put(`/athlete/${la}/events?oldest=2026-03-12&newest=2026-03-13`, {
      hide_from_athlete: true,
      athlete_cannot_edit: true,
      name: 'renamed',
      start_date_local: '2026-04-01',
    })
    expect(res.status).toBe(200)
    expect((res.body as CalendarEvent[]).map((e) => e.id)).toEqual([inside.id])
    const stored = sim.state.athlete(la)?.events ?? []
    expect(stored.find((e) => e.id === inside.id)).toMatchObject({
      name: 'inside',
      start_date_local: '2026-03-12T00:00:00',
      hide_from_athlete: true,
      athlete_cannot_edit: true,
    })
    expect(stored.find((e) => e.id === outside.id)).toMatchObject({ hide_from_athlete: false, athlete_cannot_edit: false })
    expect((await api.put(`/athlete/${la}/events?oldest=2026-03-12`, { hide_from_athlete: true })).status).toBe(422)
  })

  it('requires category for the range DELETE; without newest it removes all future events of it', async () => {
    clearCalendar(la)
    await post(la, note('2026-03-12'))
    await post(la, note('2026-09-01'))
    const workout = await post(la, { category: 'WORKOUT', start_date_local: '2026-03-13' })
    const early = await post(la, note('2026-03-01'))
    const missing = await api.del(`/athlete/${la}/events?oldest=2026-03-10`)
    expect(missing.status).toBe(422)
    expect(missing.body).toEqual({
      status: 422,
      error: "Required request parameter 'category' for method parameter type List is not present",
    })
    expect(sim.state.athlete(la)?.events).toHaveLength(4)
    const res = await api.del(`/athlete/${la}/events?oldest=2026-03-10&category=NOTE`)
    expect(res.status).toBe(200)
    expect(sim.state.athlete(la)?.events.map((e) => e.id).sort()).toEqual([workout.id, early.id].sort())
  })

  it('deletes one event, then counts only known ids in a bulk delete', async () => {
    const a = await post(la, note('2026-03-12'))
    const b = await post(la, note('2026-03-13', { external_id: 'ext-b' }))
    const c = await post(la, note('2026-03-14'))
    expect((await api.del(`/athlete/${la}/events/${a.id}`)).body).toEqual({})
    expect((await api.del(`/athlete/${la}/events/${a.id}`)).status).toBe(404)
    const res = await api.put(`/athlete/${la}/events/bulk-delete`, [{ id: c.id }, { external_id: 'ext-b' }, { id: 999 }, { id: a.id }])
    expect(res.body).toEqual({ eventsDeleted: 2 })
    const left = sim.state.athlete(la)?.events.map((e) => e.id) ?? []
    expect(left).not.toContain(b.id)
    expect(left).not.toContain(c.id)
  })

  it('creates and upserts many events in one bulk POST', async () => {
    const rows = [note('2026-03-12', { uid: 'u1' }), note('2026-03-13', { uid: 'u2' })]
    const first = (await api.post(`/athlete/${la}/events/bulk?upsertOnUid=true&updatePlanApplied=false`, rows)).body as CalendarEvent[]
    const renamed = rows.map((r) => ({ ...r, name: 'again' }))
    const again = (await api.post(`/athlete/${la}/events/bulk?upsertOnUid=true&updatePlanApplied=false`, renamed)).body as CalendarEvent[]
    expect(again.map((e) => e.id)).toEqual(first.map((e) => e.id))
    expect(again.every((e) => e.name === 'again')).toBe(true)
    const before = sim.state.athlete(la)?.events.length
    const bad = await api.post(`/athlete/${la}/events/bulk?upsertOnUid=true&updatePlanApplied=false`, [note('2026-03-12'), { name: 'no category' }])
    expect(bad.status).toBe(422)
    // Both flags are required by the spec.
    const noFlags = await api.post(`/athlete/${la}/events/bulk`, [note('2026-03-12')])
    expect(noFlags.status).toBe(422)
    expect(JSON.stringify(noFlags.body)).toContain("'upsertOnUid'")
    expect(sim.state.athlete(la)?.events.length).toBe(before)
  })

  it('duplicates events a number of weeks apart', async () => {
    const original = await post(la, { category: 'WORKOUT', name: 'w', start_date_local: '2026-03-12', description: '- 1h 70%' })
    const res = await api.post(`/athlete/${la}/duplicate-events`, { eventIds: [original.id], numCopies: 2, weeksBetween: 1 })
    const copies = res.body as CalendarEvent[]
    expect(copies.map((e) => e.start_date_local)).toEqual(['2026-03-19T00:00:00', '2026-03-26T00:00:00'])
    expect(new Set(copies.map((e) => e.id)).size).toBe(2)
    expect(copies.every((e) => e.uid !== original.uid && e.description === original.description)).toBe(true)
  })
})
