import { addDays, complianceBand as bandOf, sportGroup, type ActivityRow, type ComplianceBand as Band } from '@contract'

// Pure helpers behind the athlete page: filtering the activity list and naming what it shows.

export function sportsOf(rows: ActivityRow[]): string[] {
  return [...new Set(rows.map((r) => sportGroup(r.type)))].sort()
}

export function filterActivities(rows: ActivityRow[], sport: string | null): ActivityRow[] {
  if (!sport) return rows
  return rows.filter((r) => sportGroup(r.type) === sport)
}

export interface Totals {
  count: number
  secs: number
  metres: number
  load: number
}

export function totals(rows: ActivityRow[]): Totals {
  return rows.reduce(
    (t, r) => ({ count: t.count + 1, secs: t.secs + (r.movingSecs ?? 0), metres: t.metres + (r.distanceM ?? 0), load: t.load + (r.load ?? 0) }),
    { count: 0, secs: 0, metres: 0, load: 0 },
  )
}

export type ComplianceBand = Band | 'none'

/** How well a session matched its plan, in the calendar's bands; unplanned sessions have no compliance. */
export function complianceBand(pct: number | null): ComplianceBand {
  return pct === null ? 'none' : bandOf(pct)
}

/** intervals.icu sends intensity as a percent (75.3); older payloads as a fraction (0.753). */
export function intensityFraction(v: number | null): number | null {
  if (v === null) return null
  return v > 3 ? v / 100 : v
}

export const RANGE_PRESETS = [
  { days: 28, label: '4 weeks' },
  { days: 91, label: '3 months' },
  { days: 182, label: '6 months' },
  { days: 365, label: '1 year' },
  { days: 1095, label: '3 years' },
] as const

export function daysBefore(date: string, days: number): string {
  return addDays(date, -days)
}
