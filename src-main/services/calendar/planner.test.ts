import { describe, expect, it } from 'vitest'
import type { BulkAction } from '../../contract/calendar'
import type { Event } from '../../icu/types'
import { requestsFor } from './ops'
import { planBulk, type AthleteAccess } from './planner'
import { planUndo } from './undo'

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

  it('moves start and end dates together when shifting, keeping the time of day', () => {
    const fr = new Map([['i1', [ev(5, '2026-12-30', { start_date_local: '2026-12-30T18:00:00', end_date_local: '2026-12-31T00:00:00' })]]])
    const body = planBulk({ fresh: fr, events: sel(['i1', 5]), ranges: [], action: { kind: 'shift', days: 3 }, access, newUid: () => 'x' })
    const op = body.ops[0]!
    expect(op.kind === 'update' && op.after.start_date_local).toBe('2027-01-02T18:00:00')
    expect(op.kind === 'update' && op.after.end_date_local).toBe('2027-01-03T00:00:00')
  })

  it('gives copies a fresh uid and no id, dated by the offset', () => {
    const body = plan(sel(['i1', 1]), { kind: 'copy', toAthletes: ['i2'], offsetDays: -1 })
    const op = body.ops[0]!
    expect(op.kind).toBe('create')
    if (op.kind !== 'create') return
    expect(op.athleteId).toBe('i2')
    expect(op.event.id).toBeUndefined()
    expect(op.event.uid).toMatch(/^new-/)
    expect(op.event.start_date_local).toBe('2026-11-30T00:00:00')
  })

  it("copies the plan, not the source athlete's computed or linked fields", () => {
    const rich = new Map([['i1', [ev(7, '2026-12-01', { icu_training_load: 80, calendar_id: 3, paired_event_id: 9, icu_ftp: 250, description: '- 1h 70%' } as Partial<Event>)]]])
    const body = planBulk({ fresh: rich, events: sel(['i1', 7]), ranges: [], action: { kind: 'copy', toAthletes: ['i2'], offsetDays: 1 }, access, newUid: () => 'c1' })
    const op = body.ops[0]!
    expect(op.kind === 'create' && op.event).toEqual({
      uid: 'c1',
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

  it('turns a whole-range hide into one range request per athlete, touching only events that change', () => {
    const body = plan([], { kind: 'hide' }, [
      { athleteId: 'i1', oldest: '2026-12-01', newest: '2026-12-07' },
      { athleteId: 'i2', oldest: '2026-12-01', newest: '2026-12-07' },
    ])
    expect(body.ops.map((o) => o.kind)).toEqual(['range', 'range'])
    const first = body.ops[0]!
    expect(first.kind === 'range' && first.affected.map((e) => e.id)).toEqual([1, 3])
    expect(requestsFor(body.ops.filter((o) => o.athleteId === 'i1'))).toBe(1)
  })

  it('costs at most one upsert and one delete request per athlete, however many events', () => {
    const many = new Map([['i1', Array.from({ length: 300 }, (_, i) => ev(i + 1, '2026-12-01'))]])
    const refs = Array.from({ length: 300 }, (_, i) => ({ athleteId: 'i1', eventId: i + 1 }))
    const shift = planBulk({ fresh: many, events: refs, ranges: [], action: { kind: 'shift', days: 2 }, access, newUid: () => 'x' })
    expect(shift.ops).toHaveLength(300)
    expect(requestsFor(shift.ops)).toBe(1)
  })
})

describe('planUndo', () => {
  it('restores updates, recreates deleted events with their uid, and deletes created copies', () => {
    const shift = plan(sel(['i1', 1]), { kind: 'shift', days: 2 }).ops
    const del = plan(sel(['i2', 11]), { kind: 'delete' }).ops
    const copy = plan(sel(['i1', 3]), { kind: 'copy', toAthletes: ['i2'], offsetDays: 0 }).ops
    const createdUid = copy[0]!.kind === 'create' ? copy[0]!.event.uid : ''
    const now = new Map<string, Event[]>([
      ['i1', [ev(1, '2026-12-03'), ev(3, '2026-12-03')]],
      ['i2', [ev(10, '2026-12-01'), ev(77, '2026-12-03', { uid: createdUid })]],
    ])
    const undo = planUndo([...shift, ...del, ...copy], 'Mixed', now)
    expect(undo.title).toBe('Undo: Mixed')
    expect(undo.ops.map((o) => o.kind)).toEqual(['delete', 'create', 'update'])
    const [delCopy, recreate, restore] = undo.ops
    expect(delCopy!.kind === 'delete' && delCopy!.before.id).toBe(77)
    expect(recreate!.kind === 'create' && recreate!.event.uid).toBe('u11')
    expect(restore!.kind === 'update' && restore!.after.start_date_local).toBe('2026-12-01T00:00:00')
  })

  it('skips an update whose event is gone since', () => {
    const shift = plan(sel(['i1', 1]), { kind: 'shift', days: 2 }).ops
    const undo = planUndo(shift, 'Shift', new Map([['i1', []]]))
    expect(undo.ops).toEqual([])
    expect(undo.skipped).toHaveLength(1)
  })
})
