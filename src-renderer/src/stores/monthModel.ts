import { addDays, mondayOf } from './calendarModel'

// One athlete's month on the calendar: the weeks (Monday to Sunday) that hold its days. A month
// spans four to six such weeks; the days of the months either side fill the first and last rows.

/** "2026-12" for any date of December 2026. */
export function monthOf(date: string): string {
  return date.slice(0, 7)
}

/** The month n months after (or before) this one. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const i = y * 12 + (m - 1) + n
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}

/** Is this a month as monthOf writes it? (The month comes from the address bar, so it is checked.) */
export function isMonth(text: unknown): text is string {
  return typeof text === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(text)
}

/** The Monday the month's first row starts on and how many week rows it takes. */
export function monthWeeks(month: string): { start: string; weeks: number } {
  const first = `${month}-01`
  const last = addDays(`${addMonths(month, 1)}-01`, -1)
  const start = mondayOf(first)
  const days = Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1
  return { start, weeks: Math.ceil(days / 7) }
}
