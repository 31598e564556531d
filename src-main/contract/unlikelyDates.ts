import { coachDate, daysBetween } from './localDates'

// A date before the athlete's own today, or more than a year after it, is more likely a slip (a typo'd year, a
// drag into last month) than a plan: nothing lands on one without the coach's yes. One rule and one wording for
// the bulk preview, the event editor and main, which refuses such a date without the yes.

/** Further ahead than this a date is more likely a typo than a plan. */
export const FAR_AHEAD_DAYS = 365

/** How main's refusal of one event's date begins (an INVALID_INPUT error), the words of the date following. */
export const CONFIRM_DATE_FIRST = 'Nothing was written: confirm this date first.'

export interface UnlikelyDates {
  kind: 'past' | 'farAhead'
  /** The dates in words, for the coach: "Tue 1 Dec 2026 is in the past for Lena Fischer (today is …)." */
  message: string
}

/** The days among these that need a yes, past first, each listed once in order; none when all are ordinary. */
export function unlikelyDates(days: string[], today: string, name: string): UnlikelyDates[] {
  const sorted = [...new Set(days)].sort()
  const past = sorted.filter((d) => d < today)
  const far = sorted.filter((d) => daysBetween(today, d) > FAR_AHEAD_DAYS)
  const found: UnlikelyDates[] = []
  const are = (list: string[]) => `${list.map(coachDate).join(', ')} ${list.length === 1 ? 'is' : 'are'}`
  if (past.length) found.push({ kind: 'past', message: `${are(past)} in the past for ${name} (today is ${coachDate(today)}).` })
  if (far.length) found.push({ kind: 'farAhead', message: `${are(far)} more than a year ahead for ${name}.` })
  return found
}
