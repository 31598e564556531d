// Local dates are plain `yyyy-MM-dd` strings, as intervals.icu uses them: no offset, no UTC.

/** The athlete's today, from the athlete's own timezone (never the coach's clock alone, never UTC). */
export function athleteToday(timezone: string | null | undefined, now: Date): string {
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone || 'UTC',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(now)
  } catch {
    // An unknown zone name from the API must not break the roster; fall back to UTC's date.
    return now.toISOString().slice(0, 10)
  }
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** Monday of the week holding `date` (intervals.icu weeks start on Monday). */
/** 0 = Monday ... 6 = Sunday; intervals.icu weeks start on Monday. */
export function weekday(date: string): number {
  return (new Date(`${date.slice(0, 10)}T00:00:00Z`).getUTCDay() + 6) % 7
}

export function mondayOf(date: string): string {
  return addDays(date, -weekday(date))
}

/** The days from `start`, one a day. */
export function daysFrom(start: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(start, i))
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000)
}

export function minDate(dates: string[]): string {
  return dates.reduce((a, b) => (b < a ? b : a))
}

export function maxDate(dates: string[]): string {
  return dates.reduce((a, b) => (b > a ? b : a))
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "Tue 8 Dec 2026": the one way a date is written for the coach, the same in main and the window. */
export function coachDate(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number)
  return `${WEEKDAYS[weekday(date)]} ${d} ${MONTHS[m! - 1]} ${y}`
}
