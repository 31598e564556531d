import { describe, expect, it } from 'vitest'
import type { Event } from '../../icu/types'
import { eventIdOf, hasAll, isFlagsOnly, lastDay, same, startDay, valueOf, type Op } from './ops'

// How a bulk action reads events as intervals.icu sends them: the days an event covers, the value of
// a field it leaves out, and which intents the range PUT can carry.

const ev = (extra: Partial<Event> = {}): Event => ({ id: 1, name: 'Sweet spot', start_date_local: '2026-12-01T00:00:00', ...extra })

describe('the days an event covers', () => {
  it('starts on the date of its local start, or none when it has none', () => {
    expect(startDay(ev())).toBe('2026-12-01')
    expect(startDay({ start_date_local: '2026-12-01T18:30:00' })).toBe('2026-12-01')
    expect(startDay({})).toBe('')
    expect(startDay({ start_date_local: 20261201 })).toBe('')
  })

  it('ends on its start day when it has no end', () => {
    expect(lastDay(ev())).toBe('2026-12-01')
    expect(lastDay(ev({ end_date_local: '' }))).toBe('2026-12-01')
  })

  it('ends the day before an end at midnight, which the server sets as exclusive', () => {
    expect(lastDay(ev({ end_date_local: '2026-12-04T00:00:00' }))).toBe('2026-12-03')
    expect(lastDay(ev({ end_date_local: '2026-12-04' }))).toBe('2026-12-03')
    expect(lastDay(ev({ start_date_local: '2026-12-29T00:00:00', end_date_local: '2027-01-01T00:00:00' }))).toBe('2026-12-31')
    expect(lastDay(ev({ end_date_local: '2026-12-02T00:00:00' }))).toBe('2026-12-01')
  })

  it('ends on the day of an end later in a day', () => {
    expect(lastDay(ev({ end_date_local: '2026-12-04T10:00:00' }))).toBe('2026-12-04')
    expect(lastDay(ev({ end_date_local: '2026-12-01T23:59:00' }))).toBe('2026-12-01')
  })

  it('never ends before it starts', () => {
    expect(lastDay(ev({ end_date_local: '2026-12-01T00:00:00' }))).toBe('2026-12-01')
    expect(lastDay(ev({ end_date_local: '2026-11-28T00:00:00' }))).toBe('2026-12-01')
    expect(lastDay(ev({ end_date_local: '2026-11-28T12:00:00' }))).toBe('2026-12-01')
  })
})

describe('a field’s value', () => {
  it('is false for a flag intervals.icu leaves out, and null for any other field left out', () => {
    expect(valueOf(ev(), 'hide_from_athlete')).toBe(false)
    expect(valueOf(ev(), 'athlete_cannot_edit')).toBe(false)
    expect(valueOf(ev({ hide_from_athlete: true }), 'hide_from_athlete')).toBe(true)
    expect(valueOf(ev(), 'description')).toBeNull()
    expect(valueOf(ev(), 'name')).toBe('Sweet spot')
  })

  it('is already set when every field of a change has it, a missing flag counting as false', () => {
    expect(hasAll(ev(), { hide_from_athlete: false })).toBe(true)
    expect(hasAll(ev(), { hide_from_athlete: true })).toBe(false)
    expect(hasAll(ev(), { name: 'Sweet spot', athlete_cannot_edit: false })).toBe(true)
    expect(hasAll(ev(), { name: 'Sweet spot', athlete_cannot_edit: true })).toBe(false)
    expect(hasAll(ev(), { description: null })).toBe(true)
    expect(hasAll(ev(), {})).toBe(true)
  })

  it('is the same when equal as data, a missing value equal to null', () => {
    expect(same(undefined, null)).toBe(true)
    expect(same({ a: [1, 2] }, { a: [1, 2] })).toBe(true)
    expect(same(1, '1')).toBe(false)
    expect(same(null, false)).toBe(false)
    expect(same(0, undefined)).toBe(false)
  })
})

describe('an intent', () => {
  const update = (set: Record<string, unknown>): Op => ({ kind: 'update', athleteId: 'i1', before: ev({ id: 3 }), set })

  it('goes by the range PUT only when it sets the two flags and nothing else', () => {
    expect(isFlagsOnly(update({ hide_from_athlete: true }))).toBe(true)
    expect(isFlagsOnly(update({ hide_from_athlete: true, athlete_cannot_edit: false }))).toBe(true)
    expect(isFlagsOnly(update({}))).toBe(false)
    expect(isFlagsOnly(update({ name: 'x' }))).toBe(false)
    expect(isFlagsOnly(update({ hide_from_athlete: true, name: 'x' }))).toBe(false)
    expect(isFlagsOnly({ kind: 'create', athleteId: 'i1', event: { hide_from_athlete: true } })).toBe(false)
    expect(isFlagsOnly({ kind: 'delete', athleteId: 'i1', before: ev() })).toBe(false)
  })

  it('names the event it acts on, or none for a create not yet made', () => {
    expect(eventIdOf(update({ name: 'x' }))).toBe(3)
    expect(eventIdOf({ kind: 'delete', athleteId: 'i1', before: ev({ id: 9 }) })).toBe(9)
    expect(eventIdOf({ kind: 'delete', athleteId: 'i1', before: ev({ id: undefined }) })).toBeNull()
    expect(eventIdOf({ kind: 'create', athleteId: 'i1', event: { id: 5 } })).toBe(5)
    expect(eventIdOf({ kind: 'create', athleteId: 'i1', event: { name: 'x' } })).toBeNull()
  })
})
