import { describe, expect, it } from 'vitest'
import type { BulkAction } from '../../contract/calendar'
import type { Event } from '../../icu/types'
import { assertWithinCap, planBulk, placeTargets, titleOf, type AthleteAccess } from './planner'
import type { Op } from './ops'

// The rules a bulk plan follows beyond its main cases: the title the preview shows, who may be
// written to, what a copy carries, and when a copied TARGET replaces the athlete's own.

function ev(id: number, date: string, extra: Partial<Event> = {}): Event {
  return { id, category: 'WORKOUT', name: `W${id}`, start_date_local: `${date}T00:00:00`, type: 'Ride', ...extra }
}
const access = new Map<string, AthleteAccess>([
  ['i1', { name: 'Ana', canWrite: true }],
  ['i2', { name: 'Ben', canWrite: true }],
  ['i3', { name: 'Cy', canWrite: false }],
])
const plan = (fresh: Map<string, Event[]>, events: [string, number][], action: BulkAction, ranges: { athleteId: string; oldest: string; newest: string }[] = []) => {
  let n = 0
  return planBulk({ fresh, events: events.map(([athleteId, eventId]) => ({ athleteId, eventId })), ranges, action, access, newUid: () => `u${++n}` })
}

describe('the title of a bulk action', () => {
  it.each<[BulkAction, string]>([
    [{ kind: 'hide' }, 'Hide from athlete'],
    [{ kind: 'show' }, 'Show to athlete'],
    [{ kind: 'lock' }, 'Lock against athlete edits'],
    [{ kind: 'unlock' }, 'Unlock for athlete edits'],
    [{ kind: 'delete' }, 'Delete'],
    [{ kind: 'shift', days: 1 }, 'Shift by +1 day'],
    [{ kind: 'shift', days: -1 }, 'Shift by -1 day'],
    [{ kind: 'shift', days: 7 }, 'Shift by +7 days'],
    [{ kind: 'shift', days: -3 }, 'Shift by -3 days'],
    [{ kind: 'rename', name: 'Easy spin' }, 'Rename to “Easy spin”'],
    [{ kind: 'setSport', sport: 'Run' }, 'Set sport to Run'],
    [{ kind: 'copy', toAthletes: ['i2'], offsetDays: 0 }, 'Copy to 1 athlete'],
    [{ kind: 'copy', toAthletes: ['i1', 'i2'], offsetDays: 7 }, 'Copy to 2 athletes, +7 days'],
    [{ kind: 'copy', toAthletes: ['i1', 'i2'], offsetDays: -1 }, 'Copy to 2 athletes, -1 days'],
  ])('%j is “%s”', (action, title) => {
    expect(titleOf(action)).toBe(title)
    expect(plan(new Map(), [], action).title).toBe(title)
  })
})

describe('the cap on one bulk action', () => {
  it('lets the cap itself through and refuses one more, saying both numbers', () => {
    expect(() => assertWithinCap(5000, 5000)).not.toThrow()
    expect(() => assertWithinCap(5001, 5000)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', message: 'A bulk action can touch at most 5000 events; this one would touch 5001.' }))
  })
})

describe('who a plan writes to', () => {
  it('skips an athlete not on the roster, and a read-only one, with the reason, for events and rows alike', () => {
    const fresh = new Map([['i9', [ev(1, '2026-12-01')]], ['i3', [ev(2, '2026-12-01')]]])
    const body = plan(fresh, [['i9', 1]], { kind: 'delete' }, [{ athleteId: 'i3', oldest: '2026-12-01', newest: '2026-12-07' }])
    expect(body.ops).toEqual([])
    expect(body.skipped).toEqual([
      { athleteId: 'i3', eventId: null, reason: 'You have read-only access to Cy.' },
      { athleteId: 'i9', eventId: 1, reason: 'This athlete is not on your roster.' },
    ])
  })

  it('finds nothing for an athlete whose events were not read, and says an event named there is gone', () => {
    const body = plan(new Map(), [['i2', 5]], { kind: 'delete' }, [{ athleteId: 'i1', oldest: '2026-12-01', newest: '2026-12-07' }])
    expect(body.ops).toEqual([])
    expect(body.skipped).toEqual([{ athleteId: 'i2', eventId: 5, reason: 'This event is no longer on intervals.icu.' }])
    const copy: Op = { kind: 'create', athleteId: 'i2', event: { category: 'TARGET', start_date_local: '2026-12-07T00:00:00' } }
    expect(placeTargets([copy], new Map())).toEqual([copy])
  })

  it('takes a row’s events from its first to its last day, both included', () => {
    const fresh = new Map([['i1', [ev(1, '2026-11-30'), ev(2, '2026-12-01'), ev(3, '2026-12-07'), ev(4, '2026-12-08')]]])
    const body = plan(fresh, [], { kind: 'delete' }, [{ athleteId: 'i1', oldest: '2026-12-01', newest: '2026-12-07' }])
    expect(body.ops.map((o) => o.kind === 'delete' && o.before.id)).toEqual([2, 3])
  })

  it('copies to every athlete named except the source itself on the same day, and to none read-only', () => {
    const fresh = new Map([['i1', [ev(1, '2026-12-01')]]])
    const same = plan(fresh, [['i1', 1]], { kind: 'copy', toAthletes: ['i1', 'i2', 'i3'], offsetDays: 0 })
    expect(same.ops.map((o) => o.athleteId)).toEqual(['i2'])
    expect(same.skipped).toEqual([{ athleteId: 'i3', eventId: null, reason: 'You have read-only access to Cy.' }])
    const later = plan(fresh, [['i1', 1]], { kind: 'copy', toAthletes: ['i1'], offsetDays: 7 })
    expect(later.ops).toEqual([expect.objectContaining({ kind: 'create', athleteId: 'i1', event: expect.objectContaining({ start_date_local: '2026-12-08T00:00:00' }) })])
  })

  it('copies an event’s end with its start, and leaves out fields the source has as null', () => {
    const fresh = new Map([['i1', [ev(1, '2026-12-01', { end_date_local: '2026-12-03T00:00:00', description: null as unknown as string })]]])
    const [op] = plan(fresh, [['i1', 1]], { kind: 'copy', toAthletes: ['i2'], offsetDays: 2 }).ops
    expect(op).toMatchObject({ kind: 'create', event: { start_date_local: '2026-12-03T00:00:00', end_date_local: '2026-12-05T00:00:00' } })
    expect(op!.kind === 'create' && 'description' in op!.event).toBe(false)
  })

  it('unlocks only the events that are locked, setting that flag alone', () => {
    const fresh = new Map([['i1', [ev(1, '2026-12-01', { athlete_cannot_edit: true }), ev(2, '2026-12-02')]]])
    const body = plan(fresh, [['i1', 1], ['i1', 2]], { kind: 'unlock' })
    expect(body.ops).toEqual([{ kind: 'update', athleteId: 'i1', before: fresh.get('i1')![0], set: { athlete_cannot_edit: false } }])
  })

  it('shifts an event with no end by its start alone', () => {
    const fresh = new Map([['i1', [ev(1, '2026-12-01')]]])
    const [op] = plan(fresh, [['i1', 1]], { kind: 'shift', days: -2 }).ops
    expect(op).toMatchObject({ kind: 'update', set: { start_date_local: '2026-11-29T00:00:00' } })
    expect(op!.kind === 'update' && Object.keys(op!.set)).toEqual(['start_date_local'])
  })
})

describe('a copied TARGET', () => {
  const target = (id: number, date: string, extra: Partial<Event> = {}) => ev(id, date, { category: 'TARGET', name: 'Load', load_target: 300, ...extra } as Partial<Event>)
  const create = (athleteId: string, event: Record<string, unknown>): Op => ({ kind: 'create', athleteId, event: { uid: 'u', external_id: 'coach-desk:u', ...event } })

  it('stays a create on a day with no target of that sport, or where only another category is', () => {
    const fresh = new Map([['i2', [target(5, '2026-12-07', { type: 'Run' }), ev(6, '2026-12-07')]]])
    const op = create('i2', { category: 'TARGET', start_date_local: '2026-12-07T00:00:00', type: 'Ride', load_target: 400 })
    expect(placeTargets([op], fresh)).toEqual([op])
    const workout = create('i2', { category: 'WORKOUT', start_date_local: '2026-12-07T00:00:00', type: 'Run', name: 'x' })
    expect(placeTargets([workout], fresh)).toEqual([workout])
    const elsewhere = create('i2', { category: 'TARGET', start_date_local: '2026-12-08T00:00:00', type: 'Run', load_target: 400 })
    expect(placeTargets([elsewhere], fresh)).toEqual([elsewhere])
  })

  it('replaces the one there with only the fields that differ, and writes nothing when none do', () => {
    const fresh = new Map([['i2', [target(5, '2026-12-07')]]])
    const differ = placeTargets([create('i2', { category: 'TARGET', start_date_local: '2026-12-07T00:00:00', end_date_local: '2026-12-14T00:00:00', type: 'Ride', name: 'Load', load_target: 400 })], fresh)
    expect(differ).toEqual([{ kind: 'update', athleteId: 'i2', before: fresh.get('i2')![0], set: { load_target: 400 }, note: 'replaces the target already on that day' }])
    const same = placeTargets([create('i2', { category: 'TARGET', start_date_local: '2026-12-07T00:00:00', type: 'Ride', name: 'Load', load_target: 300 })], fresh)
    expect(same).toEqual([])
    // Another time on the same day is the same day's target: it is not moved.
    const later = placeTargets([create('i2', { category: 'TARGET', start_date_local: '2026-12-07T08:00:00', type: 'Ride', name: 'Load', load_target: 300 })], fresh)
    expect(later).toEqual([])
  })

  it('replaces each target there once: a second copy onto the same day is a create', () => {
    const fresh = new Map([['i2', [target(5, '2026-12-07', { type: undefined })]]])
    const copy = (load: number) => create('i2', { category: 'TARGET', start_date_local: '2026-12-07T00:00:00', load_target: load })
    const ops = placeTargets([copy(400), copy(500)], fresh)
    expect(ops.map((o) => o.kind)).toEqual(['update', 'create'])
  })
})
