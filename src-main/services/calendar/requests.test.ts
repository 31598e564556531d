import { describe, expect, it } from 'vitest'
import type { Event } from '../../icu/types'
import { addDays } from '../dates'
import { hasAll, lastDay, startDay, type UpdateOp } from './ops'
import { requestsFor, type WriteRequest } from './requests'

// The range PUT's two readings, played over the requests the planner makes: whichever the server
// plays, the events that end up hidden are exactly those the coach selected (or already hidden),
// and every event a range request reports as its own is changed by it under both readings.

type Reading = 'byStart' | 'overlapping'
const HIDE = { hide_from_athlete: true }

function ev(id: number, date: string, days = 1, extra: Partial<Event> = {}): Event {
  const end = days > 1 ? `${addDays(date, days)}T00:00:00` : undefined
  return { id, category: days > 1 ? 'HOLIDAY' : 'WORKOUT', start_date_local: `${date}T00:00:00`, end_date_local: end, hide_from_athlete: false, ...extra }
}

const hide = (events: Event[], ids: number[]): UpdateOp[] =>
  events.filter((e) => ids.includes(e.id!)).map((before) => ({ kind: 'update', athleteId: 'i1', before, set: HIDE }))

/** The ids a range request changes under one reading. */
function rangeChanges(req: Extract<WriteRequest, { kind: 'range' }>, events: Event[], reading: Reading): Set<number> {
  const hit = events.filter((e) =>
    reading === 'byStart' ? startDay(e) >= req.oldest && startDay(e) <= req.newest : startDay(e) <= req.newest && lastDay(e) >= req.oldest,
  )
  return new Set(hit.map((e) => e.id!))
}

/** Plays the requests under one reading: the ids hidden afterwards. */
function play(reqs: WriteRequest[], events: Event[], reading: Reading): Set<number> {
  const hidden = new Set(events.filter((e) => e.hide_from_athlete).map((e) => e.id!))
  for (const req of reqs) {
    if (req.kind === 'range') {
      const changed = rangeChanges(req, events, reading)
      for (const op of req.ops) expect(changed.has(op.before.id!), `event ${op.before.id} is the range's under ${reading}`).toBe(true)
      // Nothing else changes: so a failed request is known to have changed nothing but its own.
      const own = new Set([...req.ops.map((o) => o.before.id!), ...events.filter((e) => hasAll(e, HIDE)).map((e) => e.id!)])
      for (const id of changed) expect(own.has(id), `event ${id} changed by a range under ${reading}`).toBe(true)
      changed.forEach((id) => hidden.add(id))
    } else if (req.kind === 'put') hidden.add(req.ops[0].before.id!)
  }
  return hidden
}

function expectRightUnderBoth(events: Event[], selected: number[]): WriteRequest[] {
  const reqs = requestsFor(hide(events, selected), events)
  const wanted = new Set([...selected, ...events.filter((e) => hasAll(e, HIDE)).map((e) => e.id!)])
  for (const reading of ['byStart', 'overlapping'] as const) expect([...play(reqs, events, reading)].sort()).toEqual([...wanted].sort())
  // Each intent is sent once: by one range or one PUT.
  const sent = reqs.flatMap((r) => r.ops.map((o) => ('before' in o ? o.before.id : null)))
  expect(sent.sort()).toEqual([...selected].sort())
  return reqs
}

describe('flags over days holding an event of several days', () => {
  it('one range over the weeks when the holiday is in the action too: it starts inside, so either reading changes it', () => {
    const events = [ev(1, '2026-12-07'), ev(2, '2026-12-09'), ev(3, '2026-12-10', 4), ev(4, '2026-12-12'), ev(5, '2026-12-15'), ev(6, '2026-12-20')]
    const reqs = expectRightUnderBoth(events, [1, 2, 3, 4, 5, 6])
    expect(reqs).toEqual([expect.objectContaining({ kind: 'range', oldest: '2026-12-07', newest: '2026-12-20' })])
    expect(reqs[0]!.ops.map((o) => ('before' in o ? o.before.id : 0))).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('a holiday of the action that runs past the last selected day is still the range’s', () => {
    const events = [ev(1, '2026-12-07'), ev(2, '2026-12-08', 10)]
    expect(expectRightUnderBoth(events, [1, 2]).map((r) => [r.kind, r.ops.length])).toEqual([['range', 2]])
  })

  it('a range that would reach a holiday of the action only over its later days stops short of them', () => {
    // Day 9 holds a note outside the action, so no run passes it; the holiday began on day 8.
    const events = [ev(1, '2026-12-07'), ev(2, '2026-12-08', 5), ev(3, '2026-12-09', 1, { category: 'NOTE' }), ev(4, '2026-12-10'), ev(5, '2026-12-11')]
    const reqs = expectRightUnderBoth(events, [1, 2, 4, 5])
    // Days 10 and 11 lie under the holiday but after its start: a range there would change it under one reading only.
    expect(reqs.map((r) => [r.kind, r.ops.map((o) => ('before' in o ? o.before.id : 0))])).toEqual([
      ['range', [1, 2]],
      ['put', [4]],
      ['put', [5]],
    ])
  })

  it('a holiday outside the action that began before the selection keeps its days out of any range', () => {
    const events = [ev(9, '2026-12-05', 4), ev(1, '2026-12-07'), ev(2, '2026-12-08'), ev(3, '2026-12-10'), ev(4, '2026-12-11')]
    const reqs = expectRightUnderBoth(events, [1, 2, 3, 4])
    expect(reqs.map((r) => r.kind)).toEqual(['range', 'put', 'put'])
    expect(reqs[0]).toMatchObject({ oldest: '2026-12-10', newest: '2026-12-11' })
  })

  it('a holiday already hidden is no obstacle, whether or not the selection began before it', () => {
    const events = [ev(9, '2026-12-05', 4, { hide_from_athlete: true }), ev(1, '2026-12-07'), ev(2, '2026-12-08'), ev(3, '2026-12-10')]
    expect(expectRightUnderBoth(events, [1, 2, 3]).map((r) => r.kind)).toEqual(['range'])
  })

  it('stays right under both readings over many made-up calendars', () => {
    let seed = 12
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    for (let c = 0; c < 300; c++) {
      const events: Event[] = []
      for (let id = 1; id <= 12; id++) {
        const days = rand() < 0.2 ? 2 + Math.floor(rand() * 5) : 1
        events.push(ev(id, addDays('2026-12-01', Math.floor(rand() * 21)), days, { hide_from_athlete: rand() < 0.15 }))
      }
      const selected = events.filter((e) => !e.hide_from_athlete && rand() < 0.7).map((e) => e.id!)
      if (selected.length) expectRightUnderBoth(events, selected)
    }
  })
})
