import { describe, expect, it } from 'vitest'
import type { Event } from '../../icu/types'
import type { Op, PlanBody } from './ops'
import { toBulkPlan } from './preview'

// The preview the coach confirms: each change with before and after in words, and what it costs.

const ev = (id: number, date: string, extra: Partial<Event> = {}): Event => ({ id, category: 'WORKOUT', name: `W${id}`, type: 'Ride', start_date_local: `${date}T00:00:00`, ...extra })
const update = (before: Event, set: Record<string, unknown>, note?: string): Op => ({ kind: 'update', athleteId: 'i1', before, set, ...(note ? { note } : {}) })
const preview = (ops: Op[], fresh = new Map<string, Event[]>()) =>
  toBulkPlan('p1', { title: 'T', ops, skipped: [] }, new Map([['i1', 'Ana']]), fresh)
const summaries = (ops: Op[]) => preview(ops).changes.map((c) => c.summary)

describe('what a change says it does', () => {
  it('names each field it changes, before and after, and a flag as set or not', () => {
    const e = ev(1, '2027-03-02')
    expect(
      summaries([
        update(e, { name: 'Easy' }),
        update(e, { type: 'Run' }),
        update(e, { start_date_local: '2027-03-04T00:00:00' }),
        update(e, { hide_from_athlete: true }),
        update({ ...e, hide_from_athlete: true }, { hide_from_athlete: false }),
        update(e, { athlete_cannot_edit: true }),
        update(e, { category: 'NOTE' }),
        update({ ...e, name: undefined }, { name: 'Named' }),
        update(e, { name: 'Easy', athlete_cannot_edit: true }),
      ]),
    ).toEqual([
      'name: W1 → Easy',
      'sport: Ride → Run',
      'date: 2027-03-02 → 2027-03-04',
      'hidden',
      'not hidden',
      'locked',
      'category: WORKOUT → NOTE',
      'name: – → Named',
      'name: W1 → Easy, locked',
    ])
  })

  it('leaves the description out of the words, and says when nothing shown changes', () => {
    const e = ev(1, '2027-03-02', { description: 'old' })
    expect(summaries([update(e, { description: 'new' }), update(e, { moving_time: 60 }), update(e, { hide_from_athlete: false }), update(e, { athlete_cannot_edit: false })])).toEqual([
      'no change',
      'no change',
      'no change',
      'no change',
    ])
  })

  it('shows a field emptied as a dash, and an event without a name or a date as empty', () => {
    expect(summaries([update(ev(1, '2027-03-02'), { type: null })])).toEqual(['sport: Ride → –'])
    const plan = preview([
      { kind: 'create', athleteId: 'i1', event: { category: 'NOTE' } },
      { kind: 'delete', athleteId: 'i1', before: { id: 3, start_date_local: '2027-03-02T00:00:00' } },
    ])
    expect(plan.changes.map((c) => [c.name, c.date, c.summary])).toEqual([
      ['', '', 'new event on '],
      ['', '2027-03-02', 'deleted'],
    ])
  })

  it('puts a target’s note before what it changes', () => {
    expect(summaries([update(ev(1, '2027-03-02', { category: 'TARGET' }), { name: 'Mine' }, 'replaces the target already on that day')])).toEqual([
      'replaces the target already on that day: name: W1 → Mine',
    ])
  })

  it('shows each event before and after, and a new or deleted one on its day', () => {
    const e = ev(7, '2027-03-02', { description: 'd', hide_from_athlete: true })
    const plan = preview([
      update(e, { name: 'Easy', athlete_cannot_edit: true }),
      { kind: 'create', athleteId: 'i1', event: { name: 'New', start_date_local: '2027-03-05T06:00:00', category: 'NOTE' } },
      { kind: 'delete', athleteId: 'i1', before: e },
    ])
    const shown = { name: 'W7', sport: 'Ride', date: '2027-03-02', hidden: true, locked: false, description: 'd', category: 'WORKOUT' }
    expect(plan.changes).toEqual([
      { athleteId: 'i1', kind: 'update', eventId: 7, name: 'W7', date: '2027-03-02', summary: 'name: W7 → Easy, locked', before: shown, after: { ...shown, name: 'Easy', locked: true } },
      {
        athleteId: 'i1',
        kind: 'create',
        eventId: null,
        name: 'New',
        date: '2027-03-05',
        summary: 'new event on 2027-03-05',
        before: null,
        after: { name: 'New', sport: null, date: '2027-03-05', hidden: false, locked: false, description: null, category: 'NOTE' },
      },
      { athleteId: 'i1', kind: 'delete', eventId: 7, name: 'W7', date: '2027-03-02', summary: 'deleted', before: shown, after: null },
    ])
  })
})

describe('what a plan costs', () => {
  it('counts per athlete one read and the writes, and adds them up', () => {
    const a = [ev(1, '2027-03-02'), ev(2, '2027-03-03')]
    const ops: Op[] = [
      update(a[0]!, { hide_from_athlete: true }),
      update(a[1]!, { hide_from_athlete: true }),
      { kind: 'delete', athleteId: 'i1', before: a[0]! },
      { kind: 'create', athleteId: 'i2', event: { name: 'C', start_date_local: '2027-03-02T00:00:00' } },
      { kind: 'create', athleteId: 'i2', event: { name: 'D', start_date_local: '2027-03-03T00:00:00' } },
    ]
    const body: PlanBody = { title: 'Mixed', ops, skipped: [{ athleteId: 'i3', eventId: null, reason: 'read-only' }] }
    const plan = toBulkPlan('p9', body, new Map([['i1', 'Ana']]), new Map([['i1', a]]))
    // Ana: one read, one range PUT for both hides, one bulk delete. i2 (no name known): one read, one events/bulk.
    expect(plan.perAthlete).toEqual([
      { athleteId: 'i1', name: 'Ana', changes: 3, requests: 3 },
      { athleteId: 'i2', name: 'i2', changes: 2, requests: 2 },
    ])
    expect({ planId: plan.planId, title: plan.title, requests: plan.requests, skipped: plan.skipped }).toEqual({ planId: 'p9', title: 'Mixed', requests: 5, skipped: body.skipped })
  })
})
