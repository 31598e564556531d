import { describe, expect, it } from 'vitest'
import type { Event } from '../../icu/types'
import type { Op } from './ops'
import { requestCount, requestsFor, type WriteRequest } from './requests'

// Which requests carry one athlete's intents: a range PUT over a run of days only where it changes
// nothing it should not, under either reading of the range; every other write on its own or in chunks.

const ev = (id: number, date: string, extra: Partial<Event> = {}): Event => ({ id, name: `W${id}`, start_date_local: `${date}T00:00:00`, ...extra })
const hide = (e: Event): Op => ({ kind: 'update', athleteId: 'i1', before: e, set: { hide_from_athlete: true } })
const summary = (reqs: WriteRequest[]) =>
  reqs.map((r) => (r.kind === 'range' ? `range ${r.oldest}..${r.newest} [${r.ops.map((o) => o.before.id).join(',')}]` : `${r.kind} [${r.ops.map((o) => (o.kind === 'create' ? 'new' : o.before.id)).join(',')}]`))

describe('flags over whole days', () => {
  it('are one range over a run of days, passing over days with nothing on them', () => {
    const events = [ev(1, '2026-12-01'), ev(2, '2026-12-02'), ev(3, '2026-12-04')]
    // Listed out of date order: the run is still from the first day to the last.
    expect(summary(requestsFor([hide(events[2]!), hide(events[0]!), hide(events[1]!)], events))).toEqual(['range 2026-12-01..2026-12-04 [3,1,2]'])
  })

  it('pass over an event the action leaves alone when it already has the flags', () => {
    const events = [ev(1, '2026-12-01'), ev(2, '2026-12-02', { hide_from_athlete: true }), ev(3, '2026-12-03')]
    expect(summary(requestsFor([hide(events[0]!), hide(events[2]!)], events))).toEqual(['range 2026-12-01..2026-12-03 [1,3]'])
  })

  it('stop before a day whose event the range would change, and never start or end a run on an empty day', () => {
    // 1 Dec and 5 Dec are hidden; 3 Dec holds a note that is not; 2 Dec and 4 Dec are empty.
    const events = [ev(1, '2026-12-01'), ev(2, '2026-12-03', { category: 'NOTE' }), ev(3, '2026-12-05')]
    expect(summary(requestsFor([hide(events[0]!), hide(events[2]!)], events))).toEqual(['range 2026-12-01..2026-12-01 [1]', 'range 2026-12-05..2026-12-05 [3]'])
  })

  it('start afresh after a stop, on a day whose event of the action already has the flags', () => {
    // 3 Dec's event was hidden on intervals.icu since the preview; 2 Dec holds a note that is not.
    const planned = [ev(1, '2026-12-01'), ev(3, '2026-12-03')]
    const now = [planned[0]!, ev(2, '2026-12-02', { category: 'NOTE' }), { ...planned[1]!, hide_from_athlete: true }]
    expect(summary(requestsFor(planned.map(hide), now))).toEqual(['range 2026-12-01..2026-12-01 [1]', 'range 2026-12-03..2026-12-03 [3]'])
  })

  it('stop before a day that an event the action leaves alone reaches from an earlier day', () => {
    // The note runs from 30 Nov to 1 Dec (its end at midnight on 2 Dec is exclusive).
    const events = [ev(9, '2026-11-30', { category: 'NOTE', end_date_local: '2026-12-02T00:00:00' }), ev(1, '2026-12-01'), ev(2, '2026-12-02')]
    expect(summary(requestsFor([hide(events[1]!), hide(events[2]!)], events))).toEqual(['range 2026-12-02..2026-12-02 [2]', 'put [1]'])
  })

  it('are one range per set of flags', () => {
    const events = [ev(1, '2026-12-01'), ev(2, '2026-12-02', { hide_from_athlete: true })]
    const show: Op = { kind: 'update', athleteId: 'i1', before: events[1]!, set: { hide_from_athlete: false } }
    expect(summary(requestsFor([hide(events[0]!), show], events))).toEqual(['range 2026-12-01..2026-12-01 [1]', 'range 2026-12-02..2026-12-02 [2]'])
  })

  it('cover a multi-day event by the range that holds its first day: both readings change it there', () => {
    const events = [ev(1, '2026-12-01', { end_date_local: '2026-12-04T00:00:00' })]
    expect(summary(requestsFor([hide(events[0]!)], events))).toEqual(['range 2026-12-01..2026-12-01 [1]'])
  })
})

describe('other writes', () => {
  it('send any other update as its own partial PUT, even on days a range could cover', () => {
    const events = [ev(1, '2026-12-01'), ev(2, '2026-12-02')]
    const rename: Op = { kind: 'update', athleteId: 'i1', before: events[1]!, set: { name: 'Easy' } }
    const reqs = requestsFor([hide(events[0]!), rename], events)
    expect(summary(reqs)).toEqual(['range 2026-12-01..2026-12-01 [1]', 'put [2]'])
    expect(reqs[1]).toEqual({ kind: 'put', ops: [rename] })
  })

  it('create and delete 500 events a request, after the updates', () => {
    const creates: Op[] = Array.from({ length: 501 }, (_, i) => ({ kind: 'create', athleteId: 'i1', event: { uid: `u${i}` } }))
    const del: Op = { kind: 'delete', athleteId: 'i1', before: ev(7, '2026-12-01') }
    const reqs = requestsFor([del, ...creates, hide(ev(1, '2026-12-09'))], [])
    expect(reqs.map((r) => [r.kind, r.ops.length])).toEqual([['range', 1], ['create', 500], ['create', 1], ['delete', 1]])
    expect(reqs[1]!.ops[0]).toBe(creates[0])
    expect(reqs[2]!.ops[0]).toBe(creates[500])
    expect(requestCount([del, ...creates], [])).toBe(3)
  })
})
