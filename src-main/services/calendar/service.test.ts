import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { BulkHistory, BulkPlan, BulkReport } from '../../contract/calendar'
import type { CalendarEvent } from '../../sim/types'
import { connectedHarness, ok, type CoreHarness } from '../../testing/core'
import type { Event } from '../../icu/types'
import { Journal, type JobRecord } from './journal'

/**
 * The bulk service's own rules through the core, on one athlete's calendar laid out by hand: which
 * previews may be applied, cancel and retry, progress, and jobs cut short found in the history.
 */
let h: CoreHarness
let A: string
beforeAll(async () => {
  ;({ h } = await connectedHarness())
  A = h.sim.state.coached[0]!.id
})
afterAll(() => h.close())
beforeEach(() => {
  h.sim.clearFaults()
  h.sim.state.athlete(A)!.events = []
  h.events.length = 0
})

function put(day: string, name: string): CalendarEvent {
  const e: CalendarEvent = { id: h.sim.state.allocateEventId(), category: 'WORKOUT', type: 'Ride', name, start_date_local: `${day}T00:00:00`, updated: '2026-01-01T00:00:00Z' }
  h.sim.state.athlete(A)!.events.push(e)
  return e
}
const names = () => h.sim.state.athlete(A)!.events.map((e) => e.name)
const writes = () => h.sim.requests.filter((r) => r.method !== 'GET')
const fail = async (p: Promise<unknown>) => {
  try {
    await p
  } catch (e) {
    return JSON.parse((e as Error).message) as { code: string; message: string }
  }
  throw new Error('expected a refusal')
}
const rename = (events: CalendarEvent[], name: string, planId?: string) =>
  ok<BulkPlan>(h.core.invoke('calendar:planBulk', { selection: { events: events.map((e) => ({ athleteId: A, eventId: e.id! })) }, action: { kind: 'rename', name }, ...(planId ? { planId } : {}) }))
const apply = (planId: string) => ok<BulkReport>(h.core.invoke('calendar:applyBulk', { planId }))

describe('a preview', () => {
  it('is applied once: an unknown one and a second apply are refused, writing nothing more', async () => {
    const e = put('2027-03-02', 'Old')
    expect(await fail(apply(randomUUID()))).toMatchObject({ code: 'NOT_FOUND', message: 'This preview has expired. Plan the change again.' })
    const plan = await rename([e], 'New')
    const report = await apply(plan.planId)
    expect(report).toMatchObject({ title: 'Rename to “New”', succeeded: 1, failed: 0, cancelled: false, undoable: true })
    h.sim.resetRequests()
    expect(await fail(apply(plan.planId))).toMatchObject({ code: 'CONFLICT', message: 'This change has already been applied.' })
    expect(writes()).toEqual([])
  })

  it('is planned once under one id', async () => {
    const e = put('2027-03-02', 'Old')
    const id = randomUUID()
    await rename([e], 'New', id)
    expect(await fail(rename([e], 'Other', id))).toMatchObject({ code: 'CONFLICT', message: 'This change has already been planned.' })
  })

  it('made before the account was connected again has expired', async () => {
    const e = put('2027-03-02', 'Old')
    const plan = await rename([e], 'New')
    await ok(h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey }))
    expect(await fail(apply(plan.planId))).toMatchObject({ code: 'NOT_FOUND' })
    expect(names()).toEqual(['Old'])
  })

  it('reports progress as each change settles, from none to all', async () => {
    const events = [put('2027-03-02', 'A'), put('2027-03-03', 'B'), put('2027-03-04', 'C')]
    const plan = await rename(events, 'New')
    await apply(plan.planId)
    const progress = h.events.filter((e) => e.event === 'bulk:progress').map((e) => e.payload)
    expect(progress).toEqual([0, 1, 2, 3].map((done) => ({ planId: plan.planId, done, total: 3 })))
  })
})

describe('cancel', () => {
  it('before Apply: nothing is sent, each change is not sent, and a retry sends them into the same action', async () => {
    const events = [put('2027-03-02', 'A'), put('2027-03-03', 'B')]
    const plan = await rename(events, 'New')
    expect(await ok(h.core.invoke('calendar:cancelBulk', { planId: plan.planId }))).toEqual({ cancelled: true })
    h.sim.resetRequests()
    const report = await apply(plan.planId)
    expect(writes()).toEqual([])
    expect(report.cancelled).toBe(true)
    expect(report.results.map((r) => [r.eventId, r.status])).toEqual([
      [events[0]!.id, 'notSent'],
      [events[1]!.id, 'notSent'],
    ])
    const retry = await ok<BulkPlan>(h.core.invoke('calendar:planRetry', { planId: plan.planId }))
    expect(retry.title).toBe('Rename to “New”')
    expect(retry.changes.map((c) => c.eventId)).toEqual(events.map((e) => e.id))
    const again = await apply(retry.planId)
    expect(names()).toEqual(['New', 'New'])
    // One action: its report has both changes, once each.
    expect(again.results.map((r) => [r.eventId, r.status])).toEqual([
      [events[0]!.id, 'done'],
      [events[1]!.id, 'done'],
    ])
    expect(await fail(ok(h.core.invoke('calendar:planRetry', { planId: plan.planId })))).toMatchObject({ code: 'INVALID_INPUT', message: 'Nothing failed in this change.' })
  })

  it('of a change already applied, or of none, cancels nothing', async () => {
    const plan = await rename([put('2027-03-02', 'A')], 'New')
    await apply(plan.planId)
    expect(await ok(h.core.invoke('calendar:cancelBulk', { planId: plan.planId }))).toEqual({ cancelled: false })
    expect(await ok(h.core.invoke('calendar:cancelBulk', { planId: randomUUID() }))).toEqual({ cancelled: false })
    expect(names()).toEqual(['New'])
  })

  it('a retry of a change not in the history is refused', async () => {
    expect(await fail(ok(h.core.invoke('calendar:planRetry', { planId: randomUUID() })))).toMatchObject({ code: 'NOT_FOUND', message: 'There is nothing to retry for this change.' })
  })
})

describe('a job cut short', () => {
  /** A job as a crash leaves it: one rename never sent, one sent that landed, one sent that did not. */
  async function interrupted(): Promise<{ id: string; events: CalendarEvent[] }> {
    const events = [put('2027-03-02', 'A'), put('2027-03-03', 'B'), put('2027-03-04', 'C')]
    const id = randomUUID()
    const item = (e: CalendarEvent, status: 'pending' | 'sent') => ({ op: { kind: 'update' as const, athleteId: A, before: structuredClone(e) as Event, set: { name: 'New' } }, status, error: null, undo: null, eventId: e.id! })
    const job: JobRecord = {
      version: 1,
      id,
      title: 'Rename to “New”',
      undoes: null,
      startedAt: new Date().toISOString(),
      closed: false,
      undone: false,
      items: [item(events[0]!, 'pending'), item(events[1]!, 'sent'), item(events[2]!, 'sent')],
      skipped: [],
    }
    await Journal.forAccount(h.dataDir, h.sim.url, h.sim.coachId).save(job)
    events[1]!.name = 'New'
    return { id, events }
  }
  const history = () => ok<BulkHistory>(h.core.invoke('calendar:history', {}))

  it('is listed with what landed, read back from intervals.icu, and finish sends only what did not', async () => {
    const { id, events } = await interrupted()
    const listed = (await history()).interrupted.find((j) => j.jobId === id)
    expect(listed).toMatchObject({ title: 'Rename to “New”', landed: 1, notLanded: 2, unknown: 0, changed: 0 })
    const plan = await ok<BulkPlan>(h.core.invoke('calendar:resolveJob', { jobId: id, action: 'finish' }))
    expect(plan.changes.map((c) => c.eventId)).toEqual([events[0]!.id, events[2]!.id])
    h.sim.resetRequests()
    const report = await apply(plan.planId)
    expect(writes()).toHaveLength(2)
    expect(names()).toEqual(['New', 'New', 'New'])
    expect(report.results.map((r) => r.status)).toEqual(['done', 'done', 'done'])
    expect((await history()).interrupted.map((j) => j.jobId)).not.toContain(id)
  })

  it('dismissed leaves the history as it is on intervals.icu', async () => {
    const { id } = await interrupted()
    expect(await ok(h.core.invoke('calendar:resolveJob', { jobId: id, action: 'dismiss' }))).toBeNull()
    expect((await history()).interrupted.map((j) => j.jobId)).not.toContain(id)
    expect(names()).toEqual(['A', 'New', 'C'])
  })

  it('undone sets back what landed', async () => {
    const { id } = await interrupted()
    const plan = await ok<BulkPlan>(h.core.invoke('calendar:resolveJob', { jobId: id, action: 'undo' }))
    expect(plan!.title).toBe('Undo: Rename to “New”')
    await apply(plan!.planId)
    expect(names()).toEqual(['A', 'B', 'C'])
  })

  it('not in the history is refused', async () => {
    expect(await fail(ok(h.core.invoke('calendar:resolveJob', { jobId: randomUUID(), action: 'dismiss' })))).toMatchObject({ code: 'NOT_FOUND', message: 'This change is no longer in the history.' })
  })
})

describe('undo', () => {
  it('of the last action, once undone in full, moves on to the one before it', async () => {
    const e = put('2027-03-02', 'A')
    await apply((await rename([e], 'B')).planId)
    await apply((await rename([e], 'C')).planId)
    const first = await ok<BulkPlan>(h.core.invoke('calendar:planUndo', {}))
    expect(first.changes.map((c) => c.summary)).toEqual(['name: C → B'])
    const report = await apply(first.planId)
    expect(report.undoable).toBe(true)
    expect((await ok<BulkHistory>(h.core.invoke('calendar:history', {}))).undo?.title).toBe('Rename to “B”')
    const second = await ok<BulkPlan>(h.core.invoke('calendar:planUndo', {}))
    expect(second.changes.map((c) => c.summary)).toEqual(['name: B → A'])
  })

  it('of an edit made in the event dialog sets it back', async () => {
    const e = put('2027-03-02', 'Before')
    await ok(h.core.invoke('calendar:updateEvent', { athleteId: A, eventId: e.id!, fields: { name: 'After' } }))
    const plan = await ok<BulkPlan>(h.core.invoke('calendar:planUndo', {}))
    expect(plan.title).toBe('Undo: Edit “Before”')
    await apply(plan.planId)
    expect(names()).toEqual(['Before'])
  })
})
