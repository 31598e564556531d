import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BulkHistory, BulkPlan, BulkReport, CalendarRow } from '../../contract/calendar'
import type { RosterList } from '../../contract/schemas'
import { profilesFor } from '../../sim'
import { connectedHarness, coreHarness, ok, type CoreHarness } from '../../testing/core'
import { addDays, athleteToday, mondayOf } from '../dates'

// Every behaviour the write path depends on that the API documentation leaves open.
const PROFILES = profilesFor(['uid', 'bulkUpdate', 'target', 'rangePut'])

describe.each(PROFILES)('bulk writes under $name', ({ profile }) => {
  let h: CoreHarness
  let roster: RosterList
  let monday: string

  beforeEach(async () => {
    ;({ h, roster } = await connectedHarness({ sim: { profile } }))
    monday = addDays(mondayOf(athleteToday('Europe/London', new Date())), 7)
  })
  afterEach(() => h.close())

  const writers = () => roster.athletes.filter((a) => !a.isSelf && a.permission === 'WRITE')
  const serverEvents = (athleteId: string) => h.sim.state.athlete(athleteId)!.events
  const serverEvent = (athleteId: string, id: number) => serverEvents(athleteId).find((e) => e.id === id)
  const load = (ids: string[], weeks = 1) =>
    ok<CalendarRow[]>(h.core.invoke('calendar:range', { athleteIds: ids, oldest: monday, newest: addDays(monday, weeks * 7 - 1) }))
  const plan = (selection: unknown, action: unknown) => ok<BulkPlan>(h.core.invoke('calendar:planBulk', { selection, action }))
  const apply = (p: BulkPlan) => ok<BulkReport>(h.core.invoke('calendar:applyBulk', { planId: p.planId }))
  const undo = async () => apply(await ok<BulkPlan>(h.core.invoke('calendar:planUndo', {})))
  const writes = () => h.sim.requests.filter((r) => r.method !== 'GET')
  /** What the coach planned, without what intervals.icu stamps or computes from it, to compare before and after. */
  const snapshot = (athleteId: string) =>
    JSON.stringify(
      serverEvents(athleteId)
        .map(({ updated: _u, workout_doc: _d, icu_training_load: _l, icu_intensity: _i, moving_time: _m, ...rest }) => rest)
        .sort((a, b) => (a.id ?? 0) - (b.id ?? 0)),
    )
  const workouts = (row: CalendarRow, n: number) => row.events.filter((e) => e.category === 'WORKOUT' && e.endDate === null).slice(0, n)
  const refs = (events: { athleteId: string; id: number }[]) => events.map((e) => ({ athleteId: e.athleteId, eventId: e.id }))

  it('hides four weeks for several athletes sending only the flag, and undo gives every event back exactly', async () => {
    const ids = writers().slice(0, 4).map((a) => a.id)
    await load(ids, 4)
    const before = new Map(ids.map((id) => [id, snapshot(id)]))
    const p = await plan({ ranges: ids.map((athleteId) => ({ athleteId, oldest: monday, newest: addDays(monday, 27) })) }, { kind: 'hide' })
    expect(p.changes.length).toBeGreaterThan(20)
    h.sim.resetRequests()
    const report = await apply(p)
    expect(report.failed).toBe(0)
    expect(report.results.every((r) => r.status === 'done')).toBe(true)
    for (const w of writes()) {
      const body = w.body as Record<string, unknown>
      expect(body).toEqual({ hide_from_athlete: true })
    }
    for (const c of p.changes) expect(serverEvent(c.athleteId, c.eventId!)!.hide_from_athlete).toBe(true)
    await undo()
    for (const id of ids) expect(snapshot(id)).toBe(before.get(id))
  })

  it('costs one read and one write per athlete from preview to the refreshed view of a loaded week', async () => {
    const ids = writers().slice(0, 4).map((a) => a.id)
    await load(ids)
    h.sim.resetRequests()
    const p = await plan({ ranges: ids.map((athleteId) => ({ athleteId, oldest: monday, newest: addDays(monday, 6) })) }, { kind: 'hide' })
    expect(h.sim.requests).toHaveLength(0)
    // One read per athlete, then (mostly) one range PUT per athlete; the preview's count is the truth.
    expect(p.requests).toBeLessThanOrEqual(10)
    await apply(p)
    const rows = await load(ids)
    expect(h.sim.requests.filter((r) => r.method === 'GET')).toHaveLength(4)
    expect(h.sim.requests).toHaveLength(p.requests)
    // The view after the change comes from the write answers, and shows it.
    for (const c of p.changes) expect(rows.find((r) => r.athleteId === c.athleteId)!.events.find((e) => e.id === c.eventId)!.hidden).toBe(true)
  })

  it('shifts, renames and sets a sport sending only those fields, never a null, and undo restores only them', async () => {
    const [a, b] = writers()
    const rows = await load([a!.id, b!.id])
    const sel = [...workouts(rows[0]!, 2), ...workouts(rows[1]!, 2)]
    const before = new Map([a!.id, b!.id].map((id) => [id, snapshot(id)]))
    h.sim.resetRequests()
    await apply(await plan({ events: refs(sel) }, { kind: 'shift', days: 2 }))
    await apply(await plan({ events: refs(sel) }, { kind: 'rename', name: 'Renamed' }))
    await apply(await plan({ events: refs(sel) }, { kind: 'setSport', sport: 'VirtualRide' }))
    const bodies = writes().map((w) => w.body as Record<string, unknown>)
    expect(bodies.every((body) => Object.values(body).every((v) => v !== null))).toBe(true)
    const keys = new Set(bodies.flatMap((body) => Object.keys(body)))
    expect([...keys].sort()).toEqual(['end_date_local', 'name', 'start_date_local', 'type'].filter((k) => keys.has(k)).sort())
    expect(keys.has('description')).toBe(false)
    for (const e of sel) {
      const now = serverEvent(e.athleteId, e.id)!
      expect(now.name).toBe('Renamed')
      expect(now.type).toBe('VirtualRide')
      expect(now.start_date_local!.slice(0, 10)).toBe(addDays(e.date, 2))
    }
    await undo()
    await undo()
    await undo()
    for (const id of [a!.id, b!.id]) {
      const was = JSON.parse(before.get(id)!) as Record<string, unknown>[]
      const now = JSON.parse(snapshot(id)) as Record<string, unknown>[]
      const diff = was.flatMap((e, i) => Object.keys(e).filter((k) => JSON.stringify(e[k]) !== JSON.stringify(now[i]?.[k])).map((k) => `${String(e.id)}.${k}: ${JSON.stringify(e[k])} -> ${JSON.stringify(now[i]?.[k])}`))
      expect(diff).toEqual([])
    }
  })

  it('leaves out an event changed on intervals.icu since the preview, and says so', async () => {
    const a = writers()[0]!
    const [row] = await load([a.id])
    const [x, y] = workouts(row!, 2)
    const p = await plan({ events: refs([x!, y!]) }, { kind: 'hide' })
    // The athlete renames one in the web app between preview and apply.
    const edited = serverEvent(a.id, x!.id)!
    edited.name = 'Moved to the evening'
    edited.updated = new Date(Date.now() + 1000).toISOString()
    const report = await apply(p)
    const result = report.results.find((r) => r.eventId === x!.id)!
    expect(result).toMatchObject({ ok: false, status: 'changed' })
    expect(result.error).toMatch(/Changed on intervals.icu since the preview/)
    expect(serverEvent(a.id, x!.id)!.hide_from_athlete).not.toBe(true)
    expect(serverEvent(a.id, x!.id)!.name).toBe('Moved to the evening')
    expect(serverEvent(a.id, y!.id)!.hide_from_athlete).toBe(true)
  })

  it('copies to two athletes and undo removes both copies, whether or not the uid comes back', async () => {
    const [a, b, c] = writers()
    const [row] = await load([a!.id])
    const src = workouts(row!, 2)
    const counts = [b!.id, c!.id].map((id) => serverEvents(id).length)
    const before = [b!.id, c!.id].map(snapshot)
    h.sim.resetRequests()
    const report = await apply(await plan({ events: refs(src) }, { kind: 'copy', toAthletes: [b!.id, c!.id], offsetDays: 0 }))
    expect(report.succeeded).toBe(4)
    expect([b!.id, c!.id].map((id) => serverEvents(id).length)).toEqual(counts.map((n) => n + 2))
    for (const w of writes()) expect(JSON.stringify(w.body)).not.toMatch(/null|workout_doc|"id"/)
    const u = await undo()
    expect(u.failed).toBe(0)
    expect([b!.id, c!.id].map(snapshot)).toEqual(before)
  })

  it('deletes, and undo brings the events back with what the coach had planned', async () => {
    const a = writers()[0]!
    const [row] = await load([a.id])
    const doomed = workouts(row!, 2)
    const names = doomed.map((e) => serverEvent(a.id, e.id)!.name)
    const descriptions = doomed.map((e) => serverEvent(a.id, e.id)!.description)
    await apply(await plan({ events: refs(doomed) }, { kind: 'delete' }))
    for (const e of doomed) expect(serverEvent(a.id, e.id)).toBeUndefined()
    expect((await undo()).failed).toBe(0)
    for (const [i, e] of doomed.entries()) {
      const back = serverEvents(a.id).find((x) => x.name === names[i] && x.start_date_local?.slice(0, 10) === e.date)
      expect(back?.description).toBe(descriptions[i])
    }
  })

  it("replaces an athlete's own target on that day as the preview says, and undo gives it back", async () => {
    const [a, b] = writers()
    const day = addDays(monday, 6)
    const mine = { category: 'TARGET', name: 'Coach target', date: day, type: 'Ride', loadTarget: 500 }
    const own = { category: 'TARGET', name: 'Own target', date: day, type: 'Ride', loadTarget: 300 }
    const src = await ok<{ id: number }>(h.core.invoke('calendar:createEvent', { athleteId: a!.id, fields: mine }))
    const theirs = await ok<{ id: number }>(h.core.invoke('calendar:createEvent', { athleteId: b!.id, fields: own }))
    const targets = () => serverEvents(b!.id).filter((e) => e.category === 'TARGET' && e.start_date_local?.startsWith(day))
    const p = await plan({ events: [{ athleteId: a!.id, eventId: src.id }] }, { kind: 'copy', toAthletes: [b!.id], offsetDays: 0 })
    expect(p.changes).toHaveLength(1)
    expect(p.changes[0]).toMatchObject({ kind: 'update', eventId: theirs.id })
    expect(p.changes[0]!.summary).toMatch(/replaces the target/)
    await apply(p)
    expect(targets()).toHaveLength(1)
    expect(targets()[0]).toMatchObject({ id: theirs.id, name: 'Coach target', load_target: 500 })
    await undo()
    expect(targets()).toHaveLength(1)
    expect(targets()[0]).toMatchObject({ id: theirs.id, name: 'Own target', load_target: 300 })
  })

  it('a retry joins its action: one report, one title, and one undo that reverts everything that landed', async () => {
    const [a, b] = writers()
    const rows = await load([a!.id, b!.id])
    const sel = [...workouts(rows[0]!, 2), ...workouts(rows[1]!, 2)]
    const before = [a!.id, b!.id].map(snapshot)
    h.sim.addFault({ method: 'PUT', path: new RegExp(`/athlete/${b!.id}/events`), status: 422, body: { status: 422, error: 'Rejected' }, times: 10 })
    const p = await plan({ events: refs(sel) }, { kind: 'rename', name: 'Threshold' })
    const first = await apply(p)
    expect([first.succeeded, first.failed]).toEqual([2, 2])
    h.sim.clearFaults()
    const retry = await ok<BulkPlan>(h.core.invoke('calendar:planRetry', { planId: p.planId }))
    expect(retry.title).toBe(p.title)
    expect(retry.changes).toHaveLength(2)
    const second = await apply(retry)
    expect(second.title).toBe(p.title)
    expect([second.succeeded, second.failed, second.results.length]).toEqual([4, 0, 4])
    for (const e of sel) expect(serverEvent(e.athleteId, e.id)!.name).toBe('Threshold')
    const u = await undo()
    expect(u.succeeded).toBe(4)
    expect([a!.id, b!.id].map(snapshot)).toEqual(before)
  })

  it('an answer lost after intervals.icu made the change is read back: reported done, covered by undo, never doubled', async () => {
    const [a, b] = writers()
    const [row] = await load([a!.id])
    const src = workouts(row!, 2)
    const before = [a!.id, b!.id].map(snapshot)
    h.sim.addFault({ method: 'POST', path: `/api/v1/athlete/${b!.id}/events/bulk`, dropAfter: true, times: 1 })
    h.sim.addFault({ method: 'PUT', path: `/api/v1/athlete/${a!.id}/events/bulk-delete`, dropAfter: true, times: 1 })
    const count = serverEvents(b!.id).length
    const copy = await apply(await plan({ events: refs(src) }, { kind: 'copy', toAthletes: [b!.id], offsetDays: 0 }))
    expect(copy.results.map((r) => r.status)).toEqual(['done', 'done'])
    expect(serverEvents(b!.id).length).toBe(count + 2)
    const del = await apply(await plan({ events: refs(src) }, { kind: 'delete' }))
    expect(del.results.map((r) => r.status)).toEqual(['done', 'done'])
    await undo()
    await undo()
    expect(serverEvents(b!.id).length).toBe(count)
    expect(snapshot(b!.id)).toBe(before[1])
    expect(serverEvents(a!.id).filter((e) => src.some((s) => s.name === e.name && e.start_date_local?.startsWith(s.date)))).toHaveLength(2)
  })

  it('keeps the job and its undo across a restart of the app on the same data folder', async () => {
    const a = writers()[0]!
    const [row] = await load([a.id])
    const sel = workouts(row!, 2)
    await apply(await plan({ events: refs(sel) }, { kind: 'lock' }))
    const restarted = await coreHarness({ sim: { profile }, core: { dataDir: h.dataDir, baseUrl: h.sim.url } })
    try {
      await ok(restarted.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey }))
      const history = await ok<BulkHistory>(restarted.core.invoke('calendar:history', {}))
      expect(history.undo?.title).toBe('Lock against athlete edits')
      const p = await ok<BulkPlan>(restarted.core.invoke('calendar:planUndo', {}))
      await ok(restarted.core.invoke('calendar:applyBulk', { planId: p.planId }))
      for (const e of sel) expect(serverEvent(a.id, e.id)!.athlete_cannot_edit).toBe(false)
    } finally {
      await restarted.close()
    }
  })
})

describe('bad bulk requests change nothing', () => {
  let h: CoreHarness
  let roster: RosterList
  let monday: string
  beforeEach(async () => {
    ;({ h, roster } = await connectedHarness())
    monday = addDays(mondayOf(athleteToday('Europe/London', new Date())), 7)
  })
  afterEach(() => h.close())

  it('refuses an empty selection, a shift beyond a year and more than the cap', async () => {
    h.sim.resetRequests()
    const writer = roster.athletes.find((a) => !a.isSelf && a.permission === 'WRITE')!
    const sel = { events: [{ athleteId: writer.id, eventId: 1 }] }
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

  it('plans events not loaded with side-by-side reads that Cancel stops', async () => {
    const writer = roster.athletes.find((a) => !a.isSelf && a.permission === 'WRITE')!
    const ids = h.sim.state.athlete(writer.id)!.events.slice(0, 20).map((e) => e.id!)
    h.sim.setLatency(300)
    h.sim.resetRequests()
    const planId = '5f0c8f36-8a4f-4c55-9a56-0f6f1c0c1a01'
    const planning = h.core.invoke('calendar:planBulk', { selection: { events: ids.map((eventId) => ({ athleteId: writer.id, eventId })) }, action: { kind: 'hide' }, planId })
    await new Promise((r) => setTimeout(r, 150))
    expect(await ok(h.core.invoke('calendar:cancelBulk', { planId }))).toEqual({ cancelled: true })
    expect(await planning).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
    // The reads went out together (not one after another), and nothing else was sent after Cancel.
    const reads = h.sim.requests.filter((r) => /\/events\/\d+$/.test(r.path))
    expect(reads.length).toBeGreaterThan(5)
    const count = h.sim.requests.length
    await new Promise((r) => setTimeout(r, 400))
    expect(h.sim.requests.length).toBe(count)
    expect(h.sim.requests.some((r) => r.method !== 'GET')).toBe(false)
  })

  it('skips a read-only athlete and an event deleted on the server since it was loaded', async () => {
    const readOnly = roster.athletes.find((a) => a.permission === 'READ')!
    const writer = roster.athletes.find((a) => !a.isSelf && a.permission === 'WRITE')!
    const rows = await ok<CalendarRow[]>(h.core.invoke('calendar:range', { athleteIds: [readOnly.id, writer.id], oldest: monday, newest: addDays(monday, 6) }))
    const [gone, kept] = rows[1]!.events
    const ro = rows[0]!.events[0]!
    h.sim.state.athlete(writer.id)!.events = h.sim.state.athlete(writer.id)!.events.filter((e) => e.id !== gone!.id)
    const plan = await ok<BulkPlan>(
      h.core.invoke('calendar:planBulk', {
        selection: { events: [ro, gone!, kept!].map((e) => ({ athleteId: e.athleteId, eventId: e.id })) },
        action: { kind: 'rename', name: 'Renamed' },
      }),
    )
    // The preview comes from the calendar as loaded; the apply reads again and leaves out what is gone.
    expect(plan.changes.map((c) => c.eventId)).toEqual([gone!.id, kept!.id])
    expect(plan.skipped.map((s) => s.reason)).toEqual([`You have read-only access to ${readOnly.name}.`])
    const report = await ok<BulkReport>(h.core.invoke('calendar:applyBulk', { planId: plan.planId }))
    expect(report.results.map((r) => [r.eventId, r.status])).toEqual([[gone!.id, 'changed'], [kept!.id, 'done']])
    expect(report.results[0]!.error).toMatch(/No longer on intervals.icu/)
    expect(h.sim.state.athlete(writer.id)!.events.find((e) => e.id === gone!.id)).toBeUndefined()
    expect(h.sim.state.athlete(readOnly.id)!.events.find((e) => e.id === ro.id)!.name).toBe(ro.name)
    expect(await h.core.invoke('calendar:applyBulk', { planId: plan.planId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})
