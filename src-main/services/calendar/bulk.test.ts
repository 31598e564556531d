import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BulkPlan, BulkReport, CalendarRow } from '../../contract/calendar'
import type { RosterList } from '../../contract/schemas'
import { coreHarness, ok, type CoreHarness } from '../../testing/core'
import { addDays, athleteToday, mondayOf } from '../dates'

let h: CoreHarness
let roster: RosterList
let monday: string

beforeEach(async () => {
  h = await coreHarness()
  await ok(h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey }))
  roster = await ok<RosterList>(h.core.invoke('roster:list', {}))
  monday = addDays(mondayOf(athleteToday('Europe/London', new Date())), 7)
})
afterEach(() => h.close())

const writers = () => roster.athletes.filter((a) => !a.isSelf && a.permission === 'WRITE')
const serverEvent = (athleteId: string, id: number) => h.sim.state.athlete(athleteId)!.events.find((e) => e.id === id)

async function load(ids: string[], weeks = 1): Promise<CalendarRow[]> {
  return ok(h.core.invoke('calendar:range', { athleteIds: ids, oldest: monday, newest: addDays(monday, weeks * 7 - 1) }))
}

describe('calendar range', () => {
  it('loads one events and one activities request per athlete, then serves a loaded week from the cache', async () => {
    const ids = writers().slice(0, 4).map((a) => a.id)
    h.sim.resetRequests()
    const rows = await load(ids, 2)
    expect(rows.map((r) => r.athleteId)).toEqual(ids)
    expect(rows.every((r) => r.error === null && r.events.length > 0)).toBe(true)
    expect(h.sim.requests).toHaveLength(8)
    expect(h.events.filter((e) => e.event === 'calendar:row')).toHaveLength(4)
    h.sim.resetRequests()
    await load(ids, 1)
    expect(h.sim.requests).toHaveLength(0)
  })
})

describe('bulk apply and undo against the simulator', () => {
  it('hides 4 weeks for several athletes with one range request each, and undo restores every flag', async () => {
    const ids = writers().slice(0, 5).map((a) => a.id)
    await load(ids, 4)
    const ranges = ids.map((athleteId) => ({ athleteId, oldest: monday, newest: addDays(monday, 27) }))
    const plan = await ok<BulkPlan>(h.core.invoke('calendar:planBulk', { selection: { ranges }, action: { kind: 'hide' } }))
    expect(plan.requests).toBe(5)
    expect(plan.changes.length).toBeGreaterThan(20)
    h.sim.resetRequests()
    const report = await ok<BulkReport>(h.core.invoke('calendar:applyBulk', { planId: plan.planId }))
    expect(report.failed).toBe(0)
    expect(h.sim.requests.filter((r) => r.method === 'PUT')).toHaveLength(5)
    const touched = plan.changes.map((c) => serverEvent(c.athleteId, c.eventId!))
    expect(touched.every((e) => e?.hide_from_athlete === true)).toBe(true)
    const progress = h.events.filter((e) => e.event === 'bulk:progress').map((e) => e.payload as { done: number; total: number })
    expect(progress.at(-1)).toEqual({ planId: plan.planId, done: plan.changes.length, total: plan.changes.length })

    const undo = await ok<BulkPlan>(h.core.invoke('calendar:planUndo', {}))
    expect(undo.changes).toHaveLength(plan.changes.length)
    await ok(h.core.invoke('calendar:applyBulk', { planId: undo.planId }))
    expect(touched.map((e) => serverEvent(e!.athlete_id ?? '', e!.id!) ?? e).every((e) => e?.hide_from_athlete === false)).toBe(true)
    expect(await h.core.invoke('calendar:planUndo', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('shifts, deletes and copies with at most one write request per athlete, and undoes each', async () => {
    const [a, b, c] = writers()
    const rows = await load([a!.id, b!.id])
    const pick = (row: CalendarRow, n: number) => row.events.filter((e) => e.category === 'WORKOUT').slice(0, n)
    const shiftSel = [...pick(rows[0]!, 3), ...pick(rows[1]!, 3)].map((e) => ({ athleteId: e.athleteId, eventId: e.id }))
    const dates = new Map(shiftSel.map((s) => [s.eventId, serverEvent(s.athleteId, s.eventId)!.start_date_local]))

    const shift = await ok<BulkPlan>(h.core.invoke('calendar:planBulk', { selection: { events: shiftSel }, action: { kind: 'shift', days: 2 } }))
    h.sim.resetRequests()
    await ok(h.core.invoke('calendar:applyBulk', { planId: shift.planId }))
    expect(h.sim.requests.filter((r) => r.method !== 'GET')).toHaveLength(2)
    for (const s of shiftSel) expect(serverEvent(s.athleteId, s.eventId)!.start_date_local).toBe(`${addDays(dates.get(s.eventId)!.slice(0, 10), 2)}${dates.get(s.eventId)!.slice(10)}`)

    const copy = await ok<BulkPlan>(
      h.core.invoke('calendar:planBulk', { selection: { events: shiftSel.slice(0, 2) }, action: { kind: 'copy', toAthletes: [c!.id], offsetDays: 0 } }),
    )
    const before = h.sim.state.athlete(c!.id)!.events.length
    await ok(h.core.invoke('calendar:applyBulk', { planId: copy.planId }))
    expect(h.sim.state.athlete(c!.id)!.events.length).toBe(before + 2)

    const del = await ok<BulkPlan>(h.core.invoke('calendar:planBulk', { selection: { events: shiftSel.slice(3, 5) }, action: { kind: 'delete' } }))
    await ok(h.core.invoke('calendar:applyBulk', { planId: del.planId }))
    expect(serverEvent(b!.id, shiftSel[3]!.eventId)).toBeUndefined()

    // Undo, newest first: the deleted come back (same uid), the copies go, the dates return.
    const deletedUids = shiftSel.slice(3, 5).map((s) => rows[1]!.events.find((e) => e.id === s.eventId)!.uid)
    for (let i = 0; i < 3; i++) {
      const undo = await ok<BulkPlan>(h.core.invoke('calendar:planUndo', {}))
      const r = await ok<BulkReport>(h.core.invoke('calendar:applyBulk', { planId: undo.planId }))
      expect(r.failed).toBe(0)
    }
    expect(h.sim.state.athlete(c!.id)!.events.length).toBe(before)
    const uids = h.sim.state.athlete(b!.id)!.events.map((e) => e.uid)
    for (const uid of deletedUids) expect(uids).toContain(uid)
    for (const s of shiftSel.slice(0, 3)) expect(serverEvent(s.athleteId, s.eventId)!.start_date_local).toBe(dates.get(s.eventId))
  })

  it('reports a partial failure per event and retries only what failed', async () => {
    const [a, b] = writers()
    const rows = await load([a!.id, b!.id])
    const sel = rows.flatMap((r) => r.events.filter((e) => e.category === 'WORKOUT' && !e.locked).slice(0, 2)).map((e) => ({ athleteId: e.athleteId, eventId: e.id }))
    const plan = await ok<BulkPlan>(h.core.invoke('calendar:planBulk', { selection: { events: sel }, action: { kind: 'lock' } }))
    h.sim.addFault({ method: 'POST', path: `/api/v1/athlete/${b!.id}/events/bulk`, status: 500, times: 10 })
    const report = await ok<BulkReport>(h.core.invoke('calendar:applyBulk', { planId: plan.planId }))
    expect(report.succeeded).toBe(2)
    expect(report.failed).toBe(2)
    expect(report.results.filter((r) => !r.ok).every((r) => r.athleteId === b!.id && /intervals.icu had a problem/.test(r.error!))).toBe(true)
    h.sim.clearFaults()
    const retry = await ok<BulkPlan>(h.core.invoke('calendar:planRetry', { planId: plan.planId }))
    expect(retry.changes).toHaveLength(2)
    const again = await ok<BulkReport>(h.core.invoke('calendar:applyBulk', { planId: retry.planId }))
    expect(again.failed).toBe(0)
    expect(sel.every((s) => serverEvent(s.athleteId, s.eventId)!.athlete_cannot_edit === true)).toBe(true)
  })
})

describe('bulk edge cases', () => {
  it('updates an event without a uid by id instead of creating it again', async () => {
    const a = writers()[0]!
    const rows = await load([a.id])
    const target = rows[0]!.events.find((e) => e.category === 'WORKOUT' && !e.hidden)!
    const server = serverEvent(a.id, target.id)!
    delete (server as { uid?: string }).uid
    const count = h.sim.state.athlete(a.id)!.events.length
    const plan = await ok<BulkPlan>(h.core.invoke('calendar:planBulk', { selection: { events: [{ athleteId: a.id, eventId: target.id }] }, action: { kind: 'hide' } }))
    h.sim.resetRequests()
    await ok(h.core.invoke('calendar:applyBulk', { planId: plan.planId }))
    expect(h.sim.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)).toEqual([`PUT /api/v1/athlete/${a.id}/events/${target.id}`])
    expect(h.sim.state.athlete(a.id)!.events.length).toBe(count)
    expect(serverEvent(a.id, target.id)!.hide_from_athlete).toBe(true)
  })

  it('undo restores only what the action changed, keeping later edits to other fields', async () => {
    const a = writers()[0]!
    const rows = await load([a.id])
    const target = rows[0]!.events.find((e) => e.category === 'WORKOUT')!
    const plan = await ok<BulkPlan>(h.core.invoke('calendar:planBulk', { selection: { events: [{ athleteId: a.id, eventId: target.id }] }, action: { kind: 'rename', name: 'Renamed' } }))
    await ok(h.core.invoke('calendar:applyBulk', { planId: plan.planId }))
    // The athlete edits the description in the meantime.
    serverEvent(a.id, target.id)!.description = 'Athlete note: knee sore'
    const undo = await ok<BulkPlan>(h.core.invoke('calendar:planUndo', {}))
    await ok(h.core.invoke('calendar:applyBulk', { planId: undo.planId }))
    expect(serverEvent(a.id, target.id)!.name).toBe(target.name)
    expect(serverEvent(a.id, target.id)!.description).toBe('Athlete note: knee sore')
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

describe('bad bulk requests change nothing', () => {
  it('refuses an empty selection, a shift beyond a year and more than the cap', async () => {
    h.sim.resetRequests()
    const sel = { events: [{ athleteId: writers()[0]!.id, eventId: 1 }] }
    expect(await h.core.invoke('calendar:planBulk', { selection: { events: [] }, action: { kind: 'hide' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Select at least one event first.' },
    })
    expect(await h.core.invoke('calendar:planBulk', { selection: sel, action: { kind: 'shift', days: 400 } })).toMatchObject({
      ok: false,
      error: { message: 'Shifts are limited to a year either way.' },
    })
    const tooMany = Array.from({ length: 5001 }, (_, i) => ({ athleteId: 'i100001', eventId: i + 1 }))
    expect(await h.core.invoke('calendar:planBulk', { selection: { events: tooMany }, action: { kind: 'delete' } })).toMatchObject({
      ok: false,
      error: { message: 'A bulk action can touch at most 5000 events.' },
    })
    expect(h.sim.requests).toHaveLength(0)
  })

  it('skips a read-only athlete and an event deleted on the server since it was loaded', async () => {
    const readOnly = roster.athletes.find((a) => a.permission === 'READ')!
    const writer = writers()[0]!
    const rows = await load([readOnly.id, writer.id])
    const [gone, kept] = rows[1]!.events
    const ro = rows[0]!.events[0]!
    h.sim.state.athlete(writer.id)!.events = h.sim.state.athlete(writer.id)!.events.filter((e) => e.id !== gone!.id)
    const plan = await ok<BulkPlan>(
      h.core.invoke('calendar:planBulk', {
        selection: { events: [ro, gone!, kept!].map((e) => ({ athleteId: e.athleteId, eventId: e.id })) },
        action: { kind: 'rename', name: 'Renamed' },
      }),
    )
    expect(plan.changes.map((c) => c.eventId)).toEqual([kept!.id])
    expect(plan.skipped.map((s) => s.reason)).toEqual([`You have read-only access to ${readOnly.name}.`, 'This event is no longer on intervals.icu.'])
    await ok(h.core.invoke('calendar:applyBulk', { planId: plan.planId }))
    expect(h.sim.state.athlete(readOnly.id)!.events.find((e) => e.id === ro.id)!.name).toBe(ro.name)
    expect(await h.core.invoke('calendar:applyBulk', { planId: plan.planId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})
