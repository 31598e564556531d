import { describe, expect, it } from 'vitest'
import { matchAthletes, matchScore } from './athleteMatch'
import { parseCoachDate } from './dateInput'
import { paletteResults } from './paletteResults'

const roster = [
  { id: 'i100001', name: 'Alice Martin', timezone: 'Europe/Paris' },
  { id: 'i100002', name: 'Zoë Müller', timezone: 'Europe/Berlin' },
  { id: 'i100003', name: 'Martin Alvarez', timezone: 'America/Los_Angeles' },
  { id: 'i100004', name: 'Bruno Costa', timezone: 'America/Sao_Paulo' },
]

describe('finding athletes by what the coach types', () => {
  it('matches the start of any name word, in any case and without accents', () => {
    expect(matchAthletes(roster, 'zoe').map((a) => a.name)).toEqual(['Zoë Müller'])
    expect(matchAthletes(roster, 'MULL').map((a) => a.name)).toEqual(['Zoë Müller'])
    expect(matchAthletes(roster, 'co br').map((a) => a.name)).toEqual(['Bruno Costa'])
  })

  it('puts a name that starts with the query before one that only has a word starting with it', () => {
    expect(matchAthletes(roster, 'mart').map((a) => a.name)).toEqual(['Martin Alvarez', 'Alice Martin'])
  })

  it('finds letters inside a name only when no word starts with them, and an athlete by id', () => {
    expect(matchAthletes(roster, 'rtin').map((a) => a.name)).toEqual(['Alice Martin', 'Martin Alvarez'])
    expect(matchScore(roster[1]!, 'rtin')).toBe(0)
    expect(matchAthletes(roster, 'n').map((a) => a.name)).toEqual([])
    expect(matchAthletes(roster, '100004').map((a) => a.name)).toEqual(['Bruno Costa'])
    expect(matchAthletes(roster, 'xyz')).toEqual([])
  })

  it('lists everyone by name for an empty query, up to the limit', () => {
    expect(matchAthletes(roster, '  ', 3).map((a) => a.name)).toEqual(['Alice Martin', 'Bruno Costa', 'Martin Alvarez'])
  })
})

describe('a date as the coach types it', () => {
  const today = '2026-12-03'
  it.each([
    ['2027-12-03', '2027-12-03'],
    ['2027-1-5', '2027-01-05'],
    ['3 Dec 2027', '2027-12-03'],
    ['3 december 2027', '2027-12-03'],
    ['Dec 3, 2027', '2027-12-03'],
    ['14 Sept 2027', '2027-09-14'],
    ['29 Feb 2028', '2028-02-29'],
    ['3 Jan', '2026-01-03'],
    ['today', '2026-12-03'],
    ['Tomorrow', '2026-12-04'],
  ])('reads %s as %s', (text, date) => {
    expect(parseCoachDate(text, today)).toEqual({ ok: true, date })
  })

  it.each([
    ['31 Feb 2027', 'There is no 31 Feb 2027.'],
    ['2027-02-29', 'There is no 29 Feb 2027.'],
    ['2027-13-01', 'Write a date as 3 Dec 2027 or 2027-12-03.'],
    ['03/12/2027', 'Write a date as 3 Dec 2027 or 2027-12-03.'],
    ['3 De 2027', 'Write a date as 3 Dec 2027 or 2027-12-03.'],
    ['next week', 'Write a date as 3 Dec 2027 or 2027-12-03.'],
    ['', 'Write a date as 3 Dec 2027 or 2027-12-03.'],
    ['1 Jan 2300', 'Pick a year between 1970 and 2199.'],
  ])('refuses %s: %s', (text, message) => {
    expect(parseCoachDate(text, today)).toEqual({ ok: false, message })
  })
})

describe('what Ctrl/Cmd+K offers', () => {
  const today = '2026-12-03'
  it('offers the calendar at a typed date first, in either format', () => {
    for (const q of ['2027-12-03', '3 Dec 2027']) {
      const { items } = paletteResults(q, roster, today)
      expect(items[0]).toEqual({ kind: 'date', key: 'date:2027-12-03', label: 'Calendar at 3 Dec 2027', date: '2027-12-03' })
    }
  })

  it('says why a date is not one, and offers no date for it', () => {
    const answer = paletteResults('31 Feb 2027', roster, today)
    expect(answer.dateProblem).toBe('There is no 31 Feb 2027.')
    expect(answer.items.some((i) => i.kind === 'date')).toBe(false)
  })

  it('offers pages by their name or another word for them, then athletes', () => {
    expect(paletteResults('cal', roster, today).items.map((i) => i.label)).toEqual(['Calendar'])
    expect(paletteResults('flags', roster, today).items.map((i) => i.label)).toEqual(['Needs attention'])
    const mixed = paletteResults('al', roster, today).items
    expect(mixed.map((i) => `${i.kind}:${i.label}`)).toEqual(['view:Needs attention', 'view:Calendar', 'athlete:Alice Martin', 'athlete:Martin Alvarez'])
    expect(mixed[2]).toMatchObject({ kind: 'athlete', athleteId: 'i100001', detail: 'Europe/Paris' })
  })

  it('lists every page and then athletes for an empty query, within the limit', () => {
    const { items } = paletteResults('', roster, today, 8)
    expect(items.map((i) => i.kind)).toEqual(['view', 'view', 'view', 'view', 'view', 'view', 'athlete', 'athlete'])
  })
})
