import { describe, expect, it } from 'vitest'
import type { Placement } from '../../contract/calendar'
import type { Event } from '../../icu/types'
import { addDays } from '../dates'
import type { Op } from './ops'
import { datesToConfirm, movedDateWarnings, withMovedDates } from './planDates'

// Which moved events need the coach's yes: only those landing on a day before today, or over a year ahead, from a
// day that was not already one of the same kind. The words are those of every other unlikely date.

const TODAY = '2026-12-03'
const facts = new Map([
  ['i1', { name: 'Ana', today: TODAY }],
  ['i2', { name: 'Ben', today: '2026-12-02' }],
])
const ev = (id: number, day: string): Event => ({ id, category: 'WORKOUT', name: `W${id}`, start_date_local: `${day}T00:00:00` })
const move = (athleteId: string, id: number, from: string, to: string): Op => ({
  kind: 'update',
  athleteId,
  before: ev(id, from),
  set: { start_date_local: `${to}T00:00:00` },
})

describe('moved events that need a yes', () => {
  it('from today on into the past, and from within the year to beyond it, each day listed once', () => {
    const far = addDays(TODAY, 370)
    const warnings = movedDateWarnings(
      [move('i1', 1, TODAY, '2026-12-01'), move('i1', 2, '2026-12-10', '2026-12-01'), move('i1', 3, '2027-01-05', far)],
      facts,
    )
    expect(warnings).toEqual([
      { athleteId: 'i1', kind: 'past', message: 'Tue 1 Dec 2026 is in the past for Ana (today is Thu 3 Dec 2026).', needsConfirm: true },
      { athleteId: 'i1', kind: 'farAhead', message: 'Wed 8 Dec 2027 is more than a year ahead for Ana.', needsConfirm: true },
    ])
  })

  it('a past event moved to another past day, or a far one within the far future, asks nothing', () => {
    const far = addDays(TODAY, 400)
    expect(movedDateWarnings([move('i1', 1, '2026-11-20', '2026-11-10'), move('i1', 2, far, addDays(far, 7))], facts)).toEqual([])
  })

  it('a past event thrown more than a year ahead, or a far one into the past, asks', () => {
    const far = addDays(TODAY, 400)
    const kinds = movedDateWarnings([move('i1', 1, '2026-11-20', far), move('i2', 2, far, '2026-11-01')], facts).map((w) => [w.athleteId, w.kind])
    expect(kinds).toEqual([
      ['i1', 'farAhead'],
      ['i2', 'past'],
    ])
  })

  it('each athlete on their own today; other changes and athletes without facts are not dates', () => {
    const ops: Op[] = [
      move('i2', 1, '2026-12-02', '2026-12-02'),
      { kind: 'update', athleteId: 'i1', before: ev(2, TODAY), set: { name: 'Easy' } },
      { kind: 'delete', athleteId: 'i1', before: ev(3, TODAY) },
      move('i9', 4, TODAY, '2020-01-01'),
      // Ben's today is the 2nd: the 2nd is not past for him.
      move('i2', 5, '2026-12-05', '2026-12-02'),
    ]
    expect(movedDateWarnings(ops, facts)).toEqual([])
    expect(movedDateWarnings([move('i1', 6, '2026-12-05', '2026-12-02')], facts)).toHaveLength(1)
  })
})

describe('the plan’s placement and the dates Apply waits for', () => {
  const warning = { athleteId: 'i1', kind: 'past' as const, message: 'Tue 1 Dec 2026 is in the past for Ana.', needsConfirm: true }

  it('a shift gets a placement of its warnings only; a copy keeps its own and adds them', () => {
    expect(withMovedDates(undefined, [])).toBeUndefined()
    expect(withMovedDates(undefined, [warning])).toEqual({ choice: 'alongside', existing: [], warnings: [warning] })
    const copy: Placement = { choice: 'replace', existing: [], warnings: [{ athleteId: null, kind: 'prose', message: 'prose', needsConfirm: false }] }
    expect(withMovedDates(copy, [warning])).toEqual({ ...copy, warnings: [...copy.warnings, warning] })
    expect(withMovedDates(copy, [])).toBe(copy)
  })

  it('only dates of athletes the plan still writes to', () => {
    const placement: Placement = { choice: 'alongside', existing: [], warnings: [warning, { ...warning, athleteId: 'i2', message: 'Ben' }, { ...warning, needsConfirm: false, message: 'no' }] }
    expect(datesToConfirm([move('i1', 1, TODAY, '2026-12-01')], placement)).toEqual([warning.message])
    expect(datesToConfirm([], placement)).toEqual([])
    expect(datesToConfirm([], undefined)).toEqual([])
  })
})
