import { addDays } from '@contract'

// A date as the coach types it: the app's own format ("3 Dec 2027", as every date label shows it,
// see dateLabels.ts), the ISO form intervals.icu uses ("2027-12-03"), or a word for a day near today.

export type DateAnswer = { ok: true; date: string } | { ok: false; message: string }

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const FIRST_YEAR = 1970
const LAST_YEAR = 2199
export const DATE_HINT = 'Write a date as 3 Dec 2027 or 2027-12-03.'

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']

/** 1 to 12 for a month's name or its start of three letters or more ("Dec", "Sept", "December"). */
function monthOf(word: string): number | null {
  const w = word.toLocaleLowerCase().replace(/\.$/, '')
  if (w.length < 3) return null
  const i = MONTH_NAMES.findIndex((name) => name.startsWith(w))
  return i < 0 ? null : i + 1
}

const pad = (n: number) => String(n).padStart(2, '0')

function real(year: number, month: number, day: number): DateAnswer {
  if (year < FIRST_YEAR || year > LAST_YEAR) return { ok: false, message: `Pick a year between ${FIRST_YEAR} and ${LAST_YEAR}.` }
  const iso = `${year}-${pad(month)}-${pad(day)}`
  const d = new Date(`${iso}T00:00:00Z`)
  // Date rolls 31 Feb over to March: only a date that reads back the same is real.
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return { ok: false, message: `There is no ${day} ${MONTHS[month - 1]} ${year}.` }
  return { ok: true, date: iso }
}

/**
 * The date the coach means, or why it is not one. `today` (the coach's, YYYY-MM-DD) gives the year
 * when none is written and the meaning of today, tomorrow and yesterday.
 */
export function parseCoachDate(text: string, today: string): DateAnswer {
  const t = text.trim().replace(/,/g, ' ').replace(/\s+/g, ' ')
  if (!t) return { ok: false, message: DATE_HINT }
  const word = t.toLocaleLowerCase()
  if (word === 'today') return { ok: true, date: today }
  if (word === 'tomorrow') return { ok: true, date: addDays(today, 1) }
  if (word === 'yesterday') return { ok: true, date: addDays(today, -1) }
  const thisYear = Number(today.slice(0, 4))
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t)
  if (m) {
    const month = Number(m[2])
    if (month < 1 || month > 12) return { ok: false, message: DATE_HINT }
    return real(Number(m[1]), month, Number(m[3]))
  }
  // 3 Dec 2027, 3 December 2027, 3 Dec
  m = /^(\d{1,2}) ([a-z.]+)(?: (\d{4}))?$/i.exec(t)
  if (m) {
    const month = monthOf(m[2]!)
    if (month) return real(m[3] ? Number(m[3]) : thisYear, month, Number(m[1]))
  }
  // Dec 3 2027, December 3, 2027
  m = /^([a-z.]+) (\d{1,2})(?: (\d{4}))?$/i.exec(t)
  if (m) {
    const month = monthOf(m[1]!)
    if (month) return real(m[3] ? Number(m[3]) : thisYear, month, Number(m[2]))
  }
  return { ok: false, message: DATE_HINT }
}

/** Whether text was meant as a date (starts like one), so a failed parse is worth saying. */
export function looksLikeDate(text: string): boolean {
  const t = text.trim()
  return /^\d{4}-/.test(t) || /^\d{1,2}\s+[a-z]/i.test(t) || /^\d{1,2}[/.]\d/.test(t)
}
