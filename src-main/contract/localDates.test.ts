import { describe, expect, it } from 'vitest'
import { addDays, athleteToday, coachDate, daysBetween, daysFrom, maxDate, minDate, mondayOf, weekday } from './localDates'

// The calendar's arithmetic on the athlete's local dates; every expected date here was read off a
// printed calendar (1 Dec 2026 is a Tuesday; 2028 is a leap year).

describe('the athlete’s today', () => {
  // 23:30 in London on Thursday 3 December 2026 is already Friday in Auckland and still Thursday afternoon in Los Angeles.
  const lateEvening = new Date('2026-12-03T23:30:00Z')
  const earlyMorning = new Date('2026-12-04T02:00:00Z')

  it('is the date on the athlete’s own clock, on either side of UTC', () => {
    expect(athleteToday('Pacific/Auckland', lateEvening)).toBe('2026-12-04')
    expect(athleteToday('America/Los_Angeles', earlyMorning)).toBe('2026-12-03')
    expect(athleteToday('Europe/London', lateEvening)).toBe('2026-12-03')
  })

  it('is the UTC date when the athlete has no timezone, or one the system does not know', () => {
    expect(athleteToday(null, earlyMorning)).toBe('2026-12-04')
    expect(athleteToday(undefined, lateEvening)).toBe('2026-12-03')
    expect(athleteToday('', earlyMorning)).toBe('2026-12-04')
    expect(athleteToday('Mars/Olympus_Mons', earlyMorning)).toBe('2026-12-04')
  })

  it('is written yyyy-MM-dd with leading zeros', () => {
    expect(athleteToday('Asia/Tokyo', new Date('2027-01-05T00:00:00Z'))).toBe('2027-01-05')
  })
})

describe('moving along the calendar', () => {
  it('adds and takes days across months, years and a leap day', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addDays('2026-06-15', 0)).toBe('2026-06-15')
  })

  it('reads only the date of a timestamp the API sends with a time', () => {
    expect(addDays('2026-03-29T10:00:00', 1)).toBe('2026-03-30')
    expect(weekday('2026-12-06T23:59:59')).toBe(6)
    expect(daysBetween('2026-12-01T23:00:00', '2026-12-02T01:00:00')).toBe(1)
    expect(coachDate('2026-12-08T06:00:00')).toBe('Tue 8 Dec 2026')
  })

  it('numbers the weekdays from Monday, as intervals.icu’s weeks start', () => {
    expect(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'].map(weekday)).toEqual([0, 1, 2, 3, 4, 5, 6])
  })

  it('finds the Monday of a week, whichever day of it is given', () => {
    expect(mondayOf('2026-12-06')).toBe('2026-11-30')
    expect(mondayOf('2026-11-30')).toBe('2026-11-30')
    expect(mondayOf('2027-01-01')).toBe('2026-12-28')
  })

  it('lists the days of a range, one a day', () => {
    expect(daysFrom('2026-12-30', 4)).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02'])
    expect(daysFrom('2026-12-30', 0)).toEqual([])
  })

  it('counts the days between two dates, negative when the second comes first', () => {
    expect(daysBetween('2026-12-01', '2026-12-08')).toBe(7)
    expect(daysBetween('2026-12-08', '2026-12-01')).toBe(-7)
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29)
    // Across the clocks going forward in Europe: still whole days, the dates have no zone.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2)
  })

  it('finds the earliest and the latest of dates in any order', () => {
    const dates = ['2026-12-05', '2026-11-30', '2027-01-02', '2026-12-01']
    expect(minDate(dates)).toBe('2026-11-30')
    expect(maxDate(dates)).toBe('2027-01-02')
    expect(minDate(['2026-12-05'])).toBe('2026-12-05')
  })
})

describe('a date as the coach reads it', () => {
  it.each([
    ['2026-12-08', 'Tue 8 Dec 2026'],
    ['2027-01-03', 'Sun 3 Jan 2027'],
    ['2026-11-30', 'Mon 30 Nov 2026'],
    ['2028-02-29', 'Tue 29 Feb 2028'],
    ['2026-03-04', 'Wed 4 Mar 2026'],
    ['2026-04-09', 'Thu 9 Apr 2026'],
    ['2026-05-01', 'Fri 1 May 2026'],
    ['2026-06-13', 'Sat 13 Jun 2026'],
    ['2026-07-20', 'Mon 20 Jul 2026'],
    ['2026-08-20', 'Thu 20 Aug 2026'],
    ['2026-09-20', 'Sun 20 Sep 2026'],
    ['2026-10-20', 'Tue 20 Oct 2026'],
  ])('%s is "%s"', (date, shown) => {
    expect(coachDate(date)).toBe(shown)
  })
})
