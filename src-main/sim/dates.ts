// Local dates are the API's currency: 'yyyy-MM-dd' and 'yyyy-MM-ddTHH:mm:ss', never with an offset,
// always in the athlete's own timezone. Plain strings compare correctly, so ranges are string compares.

export { addDays, daysBetween, mondayOf, weekday } from '../contract/localDates'

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** The wall-clock time in a timezone at an instant, as 'yyyy-MM-ddTHH:mm:ss'. */
export function localDateTimeIn(timeZone: string, instant: Date): string {
  const parts: Record<string, string> = {}
  for (const p of formatter(timeZone).formatToParts(instant)) parts[p.type] = p.value
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`
}

/** The athlete's today: a coach in London and an athlete in Auckland rarely share one. */
export function todayIn(timeZone: string, instant: Date): string {
  return localDateTimeIn(timeZone, instant).slice(0, 10)
}

function utcMsOfLocal(localDateTime: string): number {
  // A part that is missing makes the instant NaN, as a malformed date does; only the seconds may be left out.
  const [date = '', time = '00:00:00'] = localDateTime.split('T')
  const [y = Number.NaN, mo = Number.NaN, d = Number.NaN] = date.split('-').map(Number)
  const [h = Number.NaN, mi = Number.NaN, s] = time.split(':').map(Number)
  return Date.UTC(y, mo - 1, d, h, mi, s || 0)
}

/** Converts a wall-clock time in a timezone to UTC, as 'yyyy-MM-ddTHH:mm:ssZ' (activity start_date). */
export function localToUtc(localDateTime: string, timeZone: string): string {
  const wanted = utcMsOfLocal(localDateTime)
  let guess = wanted
  // Two passes settle the offset, including on DST change days.
  for (let i = 0; i < 2; i++) {
    const offset = utcMsOfLocal(localDateTimeIn(timeZone, new Date(guess))) - guess
    guess = wanted - offset
  }
  return new Date(guess).toISOString().slice(0, 19) + 'Z'
}

export function secondsToClock(totalSeconds: number): string {
  const s = Math.max(0, Math.min(86_399, Math.round(totalSeconds)))
  const hh = String(Math.floor(s / 3600)).padStart(2, '0')
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0')
  const ss = String(s % 60).padStart(2, '0')
  return `${hh}:${mm}:${ss}`
}

export function addSecondsLocal(localDateTime: string, seconds: number): string {
  return new Date(utcMsOfLocal(localDateTime) + seconds * 1000).toISOString().slice(0, 19)
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/

/**
 * Parses a local date or date-time as the API accepts it. Returns 'yyyy-MM-ddTHH:mm:ss', or null
 * when the text is not one. A bare date is the start of that day.
 */
export function parseLocal(text: string): string | null {
  if (LOCAL_DATE.test(text)) return isRealDate(text) ? `${text}T00:00:00` : null
  if (LOCAL_DATE_TIME.test(text)) {
    const full = text.length === 16 ? `${text}:00` : text
    return isRealDate(full.slice(0, 10)) ? full : null
  }
  return null
}

export function isDateOnly(text: string): boolean {
  return LOCAL_DATE.test(text)
}

function isRealDate(date: string): boolean {
  const ms = utcMsOfLocal(date)
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === date
}
