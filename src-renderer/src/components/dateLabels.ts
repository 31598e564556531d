// Date and number labels for the coach's screens. Building an Intl formatter costs tens of
// microseconds and using one about one, and a 4-week calendar of 200 athletes asks for thousands
// of labels: each formatter is built once, here.

const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' })
const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })
const dayMonthYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
const count = new Intl.NumberFormat()
/** en-CA writes dates as YYYY-MM-DD. */
const isoDate = new Intl.DateTimeFormat('en-CA')

/** A local date (YYYY-MM-DD, or a date-time starting with one) as a UTC instant, so no timezone shifts the day. */
function utcDay(date: string): Date {
  return new Date(`${date.slice(0, 10)}T00:00:00Z`)
}

/** "Mon" */
export const weekdayShort = (date: string): string => weekday.format(utcDay(date))
/** "3 Dec" */
export const dayMonthLabel = (date: string): string => dayMonth.format(utcDay(date))
/** "3 Dec 2026" */
export const dayMonthYearLabel = (date: string): string => dayMonthYear.format(utcDay(date))
/** 12,345 in the coach's locale. */
export const countLabel = (n: number): string => count.format(n)
/** The date on this computer's clock, YYYY-MM-DD. */
export const localIsoDate = (d: Date): string => isoDate.format(d)

const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
/** "December 2026" for "2026-12" */
export const monthYearLabel = (month: string): string => monthYear.format(utcDay(`${month}-01`))
