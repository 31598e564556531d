import { describe, expect, it } from 'vitest'
import type { Event } from '../../icu/types'
import type { Op } from './ops'
import { inverseOf, planUndo, type UndoIntent } from './undo'

// How a write that landed is reversed: what the journal keeps for it, and the plan made from it
// against the events as they are when the coach asks for Undo.

const ev = (id: number, date: string, extra: Partial<Event> = {}): Event => ({ id, category: 'WORKOUT', name: `W${id}`, type: 'Ride', start_date_local: `${date}T00:00:00`, ...extra })

describe('the inverse of one write', () => {
  it('of an update sets back, from the event as read before the write, exactly the fields it set', () => {
    const before = ev(1, '2027-03-02', { name: 'Planned' })
    const was = ev(1, '2027-03-02', { name: 'Read before writing', end_date_local: '2027-03-04T00:00:00' })
    const op: Op = { kind: 'update', athleteId: 'i1', before, set: { name: 'New', start_date_local: '2027-03-09T00:00:00', end_date_local: '2027-03-10T00:00:00', hide_from_athlete: true, description: 'x' } }
    expect(inverseOf(op, was)).toEqual({
      kind: 'restore',
      athleteId: 'i1',
      eventId: 1,
      name: 'Read before writing',
      // Its days before (2 to 3 March) and after the write (9 to 10 March).
      days: ['2027-03-02', '2027-03-03', '2027-03-09', '2027-03-10'],
      // A flag it did not have is false; a field it did not have is null.
      set: { name: 'Read before writing', start_date_local: '2027-03-02T00:00:00', end_date_local: '2027-03-04T00:00:00', hide_from_athlete: false, description: null },
      expect: op.set,
    })
  })

  it('of an update without a read before it goes by the event as planned; days not set are left out', () => {
    const op: Op = { kind: 'update', athleteId: 'i1', before: ev(1, '2027-03-02', { name: undefined }), set: { name: 'New' } }
    expect(inverseOf(op, undefined)).toEqual({ kind: 'restore', athleteId: 'i1', eventId: 1, name: '', days: ['2027-03-02', '2027-03-02'], set: { name: null }, expect: { name: 'New' } })
  })

  it('of a create removes the event made, named as intervals.icu or else the plan names it', () => {
    const op: Op = { kind: 'create', athleteId: 'i2', event: { name: 'Sent name', start_date_local: '2027-03-02T00:00:00' } }
    expect(inverseOf(op, undefined, ev(50, '2027-03-02', { end_date_local: '2027-03-05T00:00:00' }))).toEqual({ kind: 'remove', athleteId: 'i2', eventId: 50, name: 'W50', days: ['2027-03-02', '2027-03-04'] })
    expect(inverseOf(op, undefined, { id: 51, start_date_local: '2027-03-02T00:00:00' })).toMatchObject({ eventId: 51, name: 'Sent name' })
    expect(inverseOf({ ...op, event: {} }, undefined, { id: 52 })).toMatchObject({ name: '' })
  })

  it('of a create not found again is none', () => {
    const op: Op = { kind: 'create', athleteId: 'i2', event: { name: 'N' } }
    expect(inverseOf(op, undefined)).toBeNull()
    expect(inverseOf(op, undefined, { name: 'no id' })).toBeNull()
  })

  it('of a delete recreates what the coach planned, without what intervals.icu owns or computes', () => {
    const was = {
      ...ev(9, '2027-03-02', { description: '- 1h 70%', hide_from_athlete: true, tags: ['base'] }),
      uid: 'u9',
      external_id: 'x9',
      athlete_id: 'i1',
      updated: '2026-01-01T00:00:00Z',
      icu_training_load: 60,
      icu_ftp: 250,
      workout_doc: {},
      moving_time: 3600,
      color: null,
      plan_applied: '2026-01-01',
    } as unknown as Event
    const op: Op = { kind: 'delete', athleteId: 'i1', before: ev(9, '2027-03-01', { name: 'Planned' }) }
    expect(inverseOf(op, was)).toEqual({
      kind: 'recreate',
      athleteId: 'i1',
      name: 'W9',
      days: ['2027-03-02'],
      event: { category: 'WORKOUT', name: 'W9', type: 'Ride', start_date_local: '2027-03-02T00:00:00', description: '- 1h 70%', hide_from_athlete: true, tags: ['base'], moving_time: 3600 },
    })
    // Without a read before it, from the event as planned.
    expect(inverseOf(op, undefined)).toMatchObject({ name: 'Planned', days: ['2027-03-01'] })
    expect(inverseOf({ ...op, before: { id: 9 } }, undefined)).toEqual({ kind: 'recreate', athleteId: 'i1', name: '', days: [''], event: {} })
  })
})

describe('an undo plan', () => {
  const restore = (set: Record<string, unknown>, expect: Record<string, unknown>, eventId = 1): UndoIntent => ({ kind: 'restore', athleteId: 'i1', eventId, name: 'W', days: [], set, expect })
  const undo = (intents: UndoIntent[], now: Event[]) => planUndo(intents, 'Rename', new Map([['i1', now]]), () => 'r1')

  it('reverses the writes last first', () => {
    const body = undo(
      [restore({ name: 'A' }, { name: 'X' }, 1), { kind: 'remove', athleteId: 'i1', eventId: 2, name: 'C', days: [] }, { kind: 'recreate', athleteId: 'i1', name: 'D', days: [], event: { name: 'D' } }],
      [ev(1, '2027-03-02', { name: 'X' }), ev(2, '2027-03-02')],
    )
    expect(body.title).toBe('Undo: Rename')
    expect(body.ops.map((o) => o.kind)).toEqual(['create', 'delete', 'update'])
    expect(body.ops[0]).toEqual({ kind: 'create', athleteId: 'i1', event: { name: 'D', uid: 'r1', external_id: 'coach-desk:r1' } })
    expect(body.ops[1]).toMatchObject({ kind: 'delete', before: { id: 2 } })
    expect(body.ops[2]).toMatchObject({ kind: 'update', before: { id: 1 }, set: { name: 'A' } })
    expect(body.skipped).toEqual([])
  })

  it('does nothing for an event already back as it was', () => {
    expect(undo([restore({ name: 'A', hide_from_athlete: false }, { name: 'X', hide_from_athlete: true })], [ev(1, '2027-03-02', { name: 'A' })])).toEqual({ title: 'Undo: Rename', ops: [], skipped: [] })
  })

  it('leaves an event changed since as it is, and one gone, and says so', () => {
    const body = undo([restore({ name: 'A' }, { name: 'X' }, 1), restore({ name: 'A' }, { name: 'X' }, 3), { kind: 'remove', athleteId: 'i1', eventId: 4, name: 'C', days: [] }], [ev(1, '2027-03-02', { name: 'Athlete’s' })])
    expect(body.ops).toEqual([])
    expect(body.skipped).toEqual([
      { athleteId: 'i1', eventId: 4, reason: 'This event is no longer on intervals.icu.' },
      { athleteId: 'i1', eventId: 3, reason: 'This event is no longer on intervals.icu.' },
      { athleteId: 'i1', eventId: 1, reason: 'Changed on intervals.icu since; left as it is now.' },
    ])
  })

  it('cannot empty a field again: the rest is set back, a flag always, and the coach is told', () => {
    const now = ev(1, '2027-03-02', { name: 'X', description: 'added', hide_from_athlete: true })
    const body = undo([restore({ name: 'A', description: null, hide_from_athlete: false }, { name: 'X', description: 'added', hide_from_athlete: true })], [now])
    expect(body.ops).toEqual([{ kind: 'update', athleteId: 'i1', before: now, set: { name: 'A', hide_from_athlete: false } }])
    expect(body.skipped).toEqual([{ athleteId: 'i1', eventId: 1, reason: 'A field that was empty cannot be emptied again through intervals.icu.' }])
  })

  it('writes nothing when the fields it can set back already hold', () => {
    // The action set the name to what it was, and filled a description that was empty.
    const now = ev(1, '2027-03-02', { name: 'A', description: 'added' })
    const body = undo([restore({ name: 'A', description: null }, { name: 'A', description: 'added' })], [now])
    expect(body.ops).toEqual([])
    expect(body.skipped.map((s) => s.reason)).toEqual(['A field that was empty cannot be emptied again through intervals.icu.'])
  })

  it('writes nothing when the only field to set back was empty', () => {
    const body = undo([restore({ description: null }, { description: 'added' })], [ev(1, '2027-03-02', { description: 'added' })])
    expect(body.ops).toEqual([])
    expect(body.skipped).toHaveLength(1)
  })

  it('finds nothing for an athlete whose events were not read', () => {
    const body = planUndo([restore({ name: 'A' }, { name: 'X' })], 'T', new Map(), () => 'r')
    expect(body.skipped).toEqual([{ athleteId: 'i1', eventId: 1, reason: 'This event is no longer on intervals.icu.' }])
  })
})
