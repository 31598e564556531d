import { describe, expect, it } from 'vitest'
import type { BulkAction } from '../../contract/calendar'
import type { Event } from '../../icu/types'
import { planBulk, type AthleteAccess } from './planner'
import { requestsFor } from './requests'
import { inverseOf, planUndo } from './undo'

function ev(id: number, date: string, extra: Partial<Event> = {}): Event {
  return { id, uid: `u${id}`, category: 'WORKOUT', name: `W${id}`, start_date_local: `${date}T00:00:00`, hide_from_athlete: false, athlete_cannot_edit: false, type: 'Ride', ...extra }
}

const fresh = new Map<string, Event[]>([
  ['i1', [ev(1, '2026-12-01'), ev(2, '2026-12-02', { hide_from_athlete: true }), ev(3, '2026-12-03')]],
  ['i2', [ev(10, '2026-12-01'), ev(11, '2026-12-05')]],
  ['i3', [ev(20, '2026-12-01')]],
])
const access = new Map<string, AthleteAccess>([
  ['i1', { name: 'Ana', canWrite: true }],
  ['i2', { name: 'Ben', canWrite: true }],
  ['i3', { name: 'Cy', canWrite: false }],
])
let n = 0
const plan = (events: { athleteId: string; eventId: number }[], action: BulkAction, ranges: { athleteId: string; oldest: string; newest: string }[] = []) =>
  planBulk({ fresh, events, ranges, action, access, newUid: () => `new-${++n}` })

const sel = (...pairs: [string, number][]) => pairs.map(([athleteId, eventId]) => ({ athleteId, eventId }))

describe('planBulk', () => {
  it.each<[string, BulkAction, [string, number][], number, string[]]>([
    ['hide skips events already hidden', { kind: 'hide' }, [['i1', 1], ['i1', 2], ['i2', 10]], 2, ['update', 'update']],
    ['show changes only hidden ones', { kind: 'show' }, [['i1', 1], ['i1', 2]], 1, ['update']],
    ['lock every selected event', { kind: 'lock' }, [['i1', 1], ['i2', 11]], 2, ['update', 'update']],
    ['delete each', { kind: 'delete' }, [['i1', 3], ['i2', 10]], 2, ['delete', 'delete']],
    ['shift each', { kind: 'shift', days: 2 }, [['i1', 1], ['i2', 11]], 2, ['update', 'update']],
    ['rename skips same name', { kind: 'rename', name: 'W1' }, [['i1', 1], ['i1', 3]], 1, ['update']],
    ['copy to two athletes makes two copies per event', { kind: 'copy', toAthletes: ['i1', 'i2'], offsetDays: 7 }, [['i1', 1]], 2, ['create', 'create']],
  ])('%s', (_name, action, refs, count, kinds) => {
    const body = plan(sel(...refs), action)
    expect(body.ops).toHaveLength(count)
    expect(body.ops.map((o) => o.kind)).toEqual(kinds)
    expect(body.skipped).toEqual([])
  })

  it('moves start and end dates together when shifting, keeping the time of day, and sends nothing else', () => {
    const fr = new Map([['i1', [ev(5, '2026-12-30', { start_date_local: '2026-12-30T18:00:00', end_date_local: '2026-12-31T00:00:00' })]]])
    const body = planBulk({ fresh: fr, events: sel(['i1', 5]), ranges: [], action: { kind: 'shift', days: 3 }, access, newUid: () => 'x' })
    const op = body.ops[0]!
    expect(op.kind === 'update' && op.set).toEqual({ start_date_local: '2027-01-02T18:00:00', end_date_local: '2027-01-03T00:00:00' })
  })

  it.each<[string, BulkAction, Record<string, unknown>]>([
    ['hide', { kind: 'hide' }, { hide_from_athlete: true }],
    ['lock', { kind: 'lock' }, { athlete_cannot_edit: true }],
    ['rename', { kind: 'rename', name: 'Easy' }, { name: 'Easy' }],
    ['setSport', { kind: 'setSport', sport: 'Run' }, { type: 'Run' }],
  ])('%s sets only the field it changes', (_name, action, set) => {
    const op = plan(sel(['i1', 1]), action).ops[0]!
    expect(op.kind === 'update' && op.set).toEqual(set)
  })

  it('plans an event selected twice (in a row range and as a chip) once, and sends it in one write', () => {
    const body = plan(sel(['i1', 1]), { kind: 'delete' }, [{ athleteId: 'i1', oldest: '2026-12-01', newest: '2026-12-01' }])
    expect(body.ops.map((o) => o.kind === 'delete' && o.before.id)).toEqual([1])
    const writes = requestsFor(body.ops, fresh.get('i1')!)
    expect(writes.map((w) => [w.kind, w.ops.map((o) => o.kind === 'delete' && o.before.id)])).toEqual([['delete', [1]]])
  })

  it('plans an event selected twice as a chip, or in two row ranges, once', () => {
    const chips = plan(sel(['i1', 3], ['i1', 3]), { kind: 'rename', name: 'Easy' })
    expect(chips.ops.map((o) => o.kind === 'update' && o.before.id)).toEqual([3])
    const rows = plan([], { kind: 'rename', name: 'Easy' }, [
      { athleteId: 'i1', oldest: '2026-12-01', newest: '2026-12-02' },
      { athleteId: 'i1', oldest: '2026-12-02', newest: '2026-12-03' },
    ])
    expect(rows.ops.map((o) => o.kind === 'update' && o.before.id)).toEqual([1, 2, 3])
    // The same number on another athlete's calendar is another event.
    const same = new Map([['i1', [ev(7, '2026-12-01')]], ['i2', [ev(7, '2026-12-01')]]])
    const two = planBulk({ fresh: same, events: sel(['i1', 7]), ranges: [{ athleteId: 'i2', oldest: '2026-12-01', newest: '2026-12-01' }], action: { kind: 'delete' }, access, newUid: () => 'x' })
    expect(two.ops.map((o) => `${o.athleteId}:${o.kind === 'delete' && o.before.id}`)).toEqual(['i2:7', 'i1:7'])
  })

  it('gives copies a fresh uid and external_id and no id, dated by the offset', () => {
    const body = plan(sel(['i1', 1]), { kind: 'copy', toAthletes: ['i2'], offsetDays: -1 })
    const op = body.ops[0]!
    expect(op.kind).toBe('create')
    if (op.kind !== 'create') return
    expect(op.athleteId).toBe('i2')
    expect(op.event.id).toBeUndefined()
    expect(op.event.uid).toMatch(/^new-/)
    expect(op.event.external_id).toBe(`coach-desk:${String(op.event.uid)}`)
    expect(op.event.start_date_local).toBe('2026-11-30T00:00:00')
  })

  it("copies the plan, not the source athlete's computed or linked fields", () => {
    const rich = new Map([['i1', [ev(7, '2026-12-01', { icu_training_load: 80, calendar_id: 3, paired_event_id: 9, icu_ftp: 250, description: '- 1h 70%' } as Partial<Event>)]]])
    const body = planBulk({ fresh: rich, events: sel(['i1', 7]), ranges: [], action: { kind: 'copy', toAthletes: ['i2'], offsetDays: 1 }, access, newUid: () => 'c1' })
    const op = body.ops[0]!
    expect(op.kind === 'create' && op.event).toEqual({
      uid: 'c1',
      external_id: 'coach-desk:c1',
      category: 'WORKOUT',
      name: 'W7',
      description: '- 1h 70%',
      type: 'Ride',
      hide_from_athlete: false,
      athlete_cannot_edit: false,
      start_date_local: '2026-12-02T00:00:00',
    })
  })

  it('skips athletes with read-only access, and events deleted since they were loaded', () => {
    const body = plan(sel(['i3', 20], ['i1', 99], ['i1', 1]), { kind: 'delete' })
    expect(body.ops).toHaveLength(1)
    expect(body.skipped.map((s) => s.reason)).toEqual([
      'You have read-only access to Cy.',
      'This event is no longer on intervals.icu.',
    ])
  })

  it('a copied TARGET onto a day that has one for that sport is planned as replacing it', () => {
    const withTarget = new Map([
      ['i1', [ev(30, '2026-12-07', { category: 'TARGET', name: 'Week load', load_target: 400 } as Partial<Event>)]],
      ['i2', [ev(40, '2026-12-07', { category: 'TARGET', name: 'Own target', load_target: 250 } as Partial<Event>)]],
    ])
    const body = planBulk({ fresh: withTarget, events: sel(['i1', 30]), ranges: [], action: { kind: 'copy', toAthletes: ['i2'], offsetDays: 0 }, access, newUid: () => 't' })
    const op = body.ops[0]!
    expect(op.kind).toBe('update')
    expect(op.kind === 'update' && op.before.id).toBe(40)
    expect(op.kind === 'update' && op.set).toEqual({ name: 'Week load', load_target: 400 })
  })
})

describe('requestsFor', () => {
  it('flags whole days with one range request per run of days, when every event there is in the action or already set', () => {
    const body = plan([], { kind: 'hide' }, [
      { athleteId: 'i1', oldest: '2026-12-01', newest: '2026-12-07' },
      { athleteId: 'i2', oldest: '2026-12-01', newest: '2026-12-07' },
    ])
    const i1 = body.ops.filter((o) => o.athleteId === 'i1')
    expect(i1.map((o) => o.kind === 'update' && o.before.id)).toEqual([1, 3])
    const reqs = requestsFor(i1, fresh.get('i1')!)
    expect(reqs).toHaveLength(1)
    expect(reqs[0]).toMatchObject({ kind: 'range', oldest: '2026-12-01', newest: '2026-12-03', flags: { hide_from_athlete: true } })
  })

  it('does not use a range over a day holding an event outside the action that the range would change', () => {
    const day = new Map([['i1', [ev(1, '2026-12-01'), ev(2, '2026-12-01', { category: 'NOTE' })]]])
    const body = planBulk({ fresh: day, events: sel(['i1', 1]), ranges: [], action: { kind: 'hide' }, access, newUid: () => 'x' })
    const reqs = requestsFor(body.ops, day.get('i1')!)
    expect(reqs.map((r) => r.kind)).toEqual(['put'])
  })

  it('counts a multi-day event that started earlier but overlaps the day, whichever way the server reads the range', () => {
    const events = [ev(1, '2026-12-02'), ev(9, '2026-11-30', { category: 'HOLIDAY', end_date_local: '2026-12-04T00:00:00' })]
    const body = planBulk({ fresh: new Map([['i1', events]]), events: sel(['i1', 1]), ranges: [], action: { kind: 'hide' }, access, newUid: () => 'x' })
    expect(requestsFor(body.ops, events).map((r) => r.kind)).toEqual(['put'])
  })

  it('sends other updates one partial PUT each, creates and deletes 500 a request', () => {
    const many = Array.from({ length: 600 }, (_, i) => ev(i + 1, '2026-12-01'))
    const refs = many.map((e) => ({ athleteId: 'i1', eventId: e.id! }))
    const shift = planBulk({ fresh: new Map([['i1', many]]), events: refs.slice(0, 3), ranges: [], action: { kind: 'shift', days: 2 }, access, newUid: () => 'x' })
    expect(requestsFor(shift.ops, many).map((r) => r.kind)).toEqual(['put', 'put', 'put'])
    const del = planBulk({ fresh: new Map([['i1', many]]), events: refs, ranges: [], action: { kind: 'delete' }, access, newUid: () => 'x' })
    expect(requestsFor(del.ops, many).map((r) => [r.kind, r.ops.length])).toEqual([['delete', 500], ['delete', 100]])
  })
})

describe('planUndo', () => {
  it('restores the changed fields, recreates deleted events and deletes created copies', () => {
    const [shift] = plan(sel(['i1', 1]), { kind: 'shift', days: 2 }).ops
    const [del] = plan(sel(['i2', 11]), { kind: 'delete' }).ops
    const [copy] = plan(sel(['i1', 3]), { kind: 'copy', toAthletes: ['i2'], offsetDays: 0 }).ops
    const intents = [inverseOf(shift!, undefined), inverseOf(del!, undefined), inverseOf(copy!, undefined, ev(77, '2026-12-03'))]
    const now = new Map<string, Event[]>([
      ['i1', [ev(1, '2026-12-03'), ev(3, '2026-12-03')]],
      ['i2', [ev(10, '2026-12-01'), ev(77, '2026-12-03')]],
    ])
    const undo = planUndo(intents.map((u) => u!), 'Mixed', now, () => 'r1')
    expect(undo.title).toBe('Undo: Mixed')
    expect(undo.ops.map((o) => o.kind)).toEqual(['delete', 'create', 'update'])
    const [delCopy, recreate, restore] = undo.ops
    expect(delCopy!.kind === 'delete' && delCopy!.before.id).toBe(77)
    expect(recreate!.kind === 'create' && recreate!.event).toMatchObject({ name: 'W11', uid: 'r1', external_id: 'coach-desk:r1' })
    expect(recreate!.kind === 'create' && 'id' in recreate!.event).toBe(false)
    expect(restore!.kind === 'update' && restore!.set).toEqual({ start_date_local: '2026-12-01T00:00:00' })
  })

  it('leaves an event changed since by someone else as it is, and reports it', () => {
    const [rename] = plan(sel(['i1', 1]), { kind: 'rename', name: 'Easy' }).ops
    const undo = planUndo([inverseOf(rename!, undefined)!], 'Rename', new Map([['i1', [ev(1, '2026-12-01', { name: 'Athlete renamed it' })]]]), () => 'x')
    expect(undo.ops).toEqual([])
    expect(undo.skipped[0]!.reason).toMatch(/Changed on intervals.icu since/)
  })

  it('skips an update whose event is gone since', () => {
    const [shift] = plan(sel(['i1', 1]), { kind: 'shift', days: 2 }).ops
    const undo = planUndo([inverseOf(shift!, undefined)!], 'Shift', new Map([['i1', []]]), () => 'x')
    expect(undo.ops).toEqual([])
    expect(undo.skipped).toHaveLength(1)
  })
})
