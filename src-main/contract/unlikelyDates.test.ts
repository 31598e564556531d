import { describe, expect, it } from 'vitest'
import { unlikelyDates } from './unlikelyDates'

// The one rule for dates that need the coach's yes, as the preview, the editor and main say it.
describe('dates before the athlete’s today or more than a year ahead', () => {
  const today = '2026-12-03'

  it('leaves today, tomorrow and exactly a year ahead alone; the day before and the day after that year are asked about', () => {
    expect(unlikelyDates(['2026-12-03', '2026-12-04', '2027-12-03'], today, 'Lena Fischer')).toEqual([])
    expect(unlikelyDates(['2026-12-02'], today, 'Lena Fischer')).toEqual([{ kind: 'past', message: 'Wed 2 Dec 2026 is in the past for Lena Fischer (today is Thu 3 Dec 2026).' }])
    expect(unlikelyDates(['2027-12-04'], today, 'Lena Fischer')).toEqual([{ kind: 'farAhead', message: 'Sat 4 Dec 2027 is more than a year ahead for Lena Fischer.' }])
  })

  it('lists each day once and in order, past first, with “are” for more than one', () => {
    expect(unlikelyDates(['2031-01-02', '2026-11-30', '2026-12-05', '1900-01-02', '2026-11-30'], today, 'Tom')).toEqual([
      { kind: 'past', message: 'Tue 2 Jan 1900, Mon 30 Nov 2026 are in the past for Tom (today is Thu 3 Dec 2026).' },
      { kind: 'farAhead', message: 'Thu 2 Jan 2031 is more than a year ahead for Tom.' },
    ])
  })
})
