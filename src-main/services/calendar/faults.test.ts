import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BulkAction, BulkPlan, BulkReport, CalendarRow } from '../../contract/calendar'
import type { RosterList } from '../../contract/schemas'
import { profilesFor, type FaultRule, type SimProfile } from '../../sim'
import { connectedHarness, ok, type CoreHarness } from '../../testing/core'
import { addDays, athleteToday, mondayOf } from '../dates'

/**
 * The fault matrix: every bulk action across three athletes, with one athlete's first write hit
 * by a fault. Whatever the fault, each outcome in the report must be what the simulator holds,
 * nothing is doubled, and undo puts back exactly what landed.
 */
const FAULTS: { name: string; rule: Omit<FaultRule, 'method' | 'path'> }[] = [
  { name: 'answer lost after the server made the change', rule: { dropAfter: true } },
  { name: 'answer stalled past the timeout', rule: { stallAfterMs: 2_500 } },
  { name: 'connection reset before the server saw it', rule: { drop: true } },
  { name: 'server error 500', rule: { status: 500 } },
  { name: '429 with a short Retry-After', rule: { status: 429, retryAfter: 1 } },
  { name: '429 without Retry-After', rule: { status: 429 } },
  { name: 'refused with 422', rule: { status: 422, body: { status: 422, error: 'Rejected' } } },
]

const ACTIONS: { name: string; action: (others: string[]) => BulkAction }[] = [
  { name: 'hide', action: () => ({ kind: 'hide' }) },
  { name: 'lock', action: () => ({ kind: 'lock' }) },
  { name: 'shift', action: () => ({ kind: 'shift', days: 2 }) },
  { name: 'rename', action: () => ({ kind: 'rename', name: 'Fault test' }) },
  { name: 'delete', action: () => ({ kind: 'delete' }) },
  { name: 'copy', action: (others) => ({ kind: 'copy', toAthletes: others, offsetDays: 0 }) },
]

// Creates are where a lost answer could double an event: they run under every reading of the uid too.
const RUNS = [
  ...FAULTS.flatMap((f) => ACTIONS.map((a) => ({ ...f, ...a, fault: f.name, profile: 'default' as const, sim: {} }))),
  ...profilesFor(['uid'])
    .slice(1)
    .flatMap((p) => FAULTS.map((f) => ({ ...f, ...ACTIONS.find((a) => a.name === 'copy')!, fault: f.name, profile: p.name, sim: { profile: p.profile } }))),
]

let h: CoreHarness
let roster: RosterList
let monday: string

async function start(sim: { profile?: SimProfile }) {
  ;({ h, roster } = await connectedHarness({ sim, core: { timeoutMs: 1_000 } }))
  monday = addDays(mondayOf(athleteToday('Europe/London', new Date())), 7)
}
afterEach(() => h.close())

const events = (id: string) => h.sim.state.athlete(id)!.events
const snapshot = (id: string) =>
  JSON.stringify(
    events(id)
      .map(({ updated: _u, workout_doc: _d, icu_training_load: _l, icu_intensity: _i, moving_time: _m, id: _id, uid: _uid, external_id: _x, ...rest }) => rest)
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  )

describe('the fault matrix', () => {
  it.each(RUNS)('$name with $fault, under $profile: the report is what intervals.icu holds, and undo restores exactly that', async ({ rule, name, action, sim }) => {
    await start(sim)
    const writers = roster.athletes.filter((a) => !a.isSelf && a.permission === 'WRITE').map((a) => a.id)
    const sources = writers.slice(0, 3)
    const targets = writers.slice(3, 5)
    const touched = name === 'copy' ? targets : sources
    const rows = await ok<CalendarRow[]>(h.core.invoke('calendar:range', { athleteIds: sources, oldest: monday, newest: addDays(monday, 6) }))
    const sel = rows.flatMap((r) => r.events.filter((e) => e.category === 'WORKOUT' && !e.endDate && !e.hidden && !e.locked).slice(0, 2))
    const before = new Map(touched.map((id) => [id, snapshot(id)]))
    const counts = new Map(touched.map((id) => [id, events(id).length]))

    const plan = await ok<BulkPlan>(h.core.invoke('calendar:planBulk', { selection: { events: sel.map((e) => ({ athleteId: e.athleteId, eventId: e.id })) }, action: action(targets) }))
    h.sim.addFault({ ...rule, method: name === 'copy' ? 'POST' : 'PUT', path: new RegExp(`/athlete/${touched[1]}/events`), times: 1 })
    const report = await ok<BulkReport>(h.core.invoke('calendar:applyBulk', { planId: plan.planId }))
    h.sim.clearFaults()
    expect(report.results.every((r) => r.status !== 'unknown')).toBe(true)

    // Each outcome is what the simulator holds.
    for (const r of report.results) {
      if (name === 'copy') continue
      const now = events(r.athleteId).find((e) => e.id === r.eventId)
      const src = sel.find((e) => e.id === r.eventId)!
      const landed =
        name === 'hide' ? now?.hide_from_athlete === true
        : name === 'lock' ? now?.athlete_cannot_edit === true
        : name === 'shift' ? now?.start_date_local?.slice(0, 10) === addDays(src.date, 2)
        : name === 'rename' ? now?.name === 'Fault test'
        : now === undefined
      expect({ id: r.eventId, landed }).toEqual({ id: r.eventId, landed: r.ok })
    }
    if (name === 'copy') {
      for (const id of targets) {
        const made = report.results.filter((r) => r.athleteId === id && r.ok).length
        expect(events(id).length).toBe(counts.get(id)! + made)
      }
    }
    // Retry what did not land, then one undo for the whole action.
    if (report.results.some((r) => r.status === 'failed' || r.status === 'notSent')) {
      const retry = await ok<BulkPlan>(h.core.invoke('calendar:planRetry', { planId: plan.planId }))
      const again = await ok<BulkReport>(h.core.invoke('calendar:applyBulk', { planId: retry.planId }))
      expect(again.failed).toBe(0)
    }
    if (name === 'copy') for (const id of targets) expect(events(id).length).toBe(counts.get(id)! + sel.length)
    const undo = await ok<BulkPlan>(h.core.invoke('calendar:planUndo', {}))
    const undone = await ok<BulkReport>(h.core.invoke('calendar:applyBulk', { planId: undo.planId }))
    expect(undone.failed).toBe(0)
    for (const id of touched) expect(snapshot(id)).toBe(before.get(id))
  })
})

describe('cancel while requests are in flight', () => {
  beforeEach(() => start({}))
  it('stops sending at once and reports each event as intervals.icu has it, undo covering what landed', async () => {
    const sources = roster.athletes.filter((a) => !a.isSelf && a.permission === 'WRITE').map((a) => a.id).slice(0, 3)
    const rows = await ok<CalendarRow[]>(h.core.invoke('calendar:range', { athleteIds: sources, oldest: monday, newest: addDays(monday, 6) }))
    const sel = rows.flatMap((r) => r.events.filter((e) => e.category === 'WORKOUT' && !e.endDate).slice(0, 3))
    const before = new Map(sources.map((id) => [id, snapshot(id)]))
    const plan = await ok<BulkPlan>(h.core.invoke('calendar:planBulk', { selection: { events: sel.map((e) => ({ athleteId: e.athleteId, eventId: e.id })) }, action: { kind: 'rename', name: 'Cancelled?' } }))
    // Each athlete's first write is made by the server, then its answer hangs.
    for (const id of sources) h.sim.addFault({ method: 'PUT', path: new RegExp(`/athlete/${id}/events/`), stallAfterMs: 5_000, times: 1 })
    const applying = ok<BulkReport>(h.core.invoke('calendar:applyBulk', { planId: plan.planId }))
    // Cancel once each athlete's first write has been made on the server (its answer still hanging).
    const renamed = () => sources.filter((id) => events(id).some((e) => e.name === 'Cancelled?')).length
    for (let waited = 0; renamed() < 3 && waited < 15_000; waited += 20) await new Promise((r) => setTimeout(r, 20))
    expect(renamed()).toBe(3)
    const writesBefore = h.sim.requests.filter((r) => r.method !== 'GET').length
    await ok(h.core.invoke('calendar:cancelBulk', { planId: plan.planId }))
    const report = await applying
    expect(report.cancelled).toBe(true)
    // Nothing more reached intervals.icu after the cancel: each athlete's one hanging write, and no other.
    expect(h.sim.requests.filter((r) => r.method !== 'GET').length).toBe(writesBefore)
    expect(writesBefore).toBe(3)
    expect(sources.map((id) => events(id).filter((e) => e.name === 'Cancelled?').length)).toEqual([1, 1, 1])
    for (const r of report.results) {
      const landed = events(r.athleteId).find((e) => e.id === r.eventId)!.name === 'Cancelled?'
      expect({ id: r.eventId, landed }).toEqual({ id: r.eventId, landed: r.ok })
    }
    expect(report.results.filter((r) => r.ok)).toHaveLength(3)
    expect(report.results.filter((r) => r.status === 'notSent')).toHaveLength(6)
    const undo = await ok<BulkPlan>(h.core.invoke('calendar:planUndo', {}))
    expect(undo.changes).toHaveLength(3)
    await ok(h.core.invoke('calendar:applyBulk', { planId: undo.planId }))
    for (const id of sources) expect(snapshot(id)).toBe(before.get(id))
  })
})
