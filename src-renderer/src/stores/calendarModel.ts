import type { CalActivity, CalEvent, CalendarRow } from '@contract'

// Pure calendar logic for the renderer: days, selection geometry, totals, compliance.
import { addDays } from '@contract'
export { addDays, daysFrom, mondayOf } from '@contract'

export const eventKey = (athleteId: string, eventId: number): string => `${athleteId}:${eventId}`

export function parseKey(key: string): { athleteId: string; eventId: number } {
  const i = key.lastIndexOf(':')
  return { athleteId: key.slice(0, i), eventId: Number(key.slice(i + 1)) }
}

/** Does the event cover this day (multi-day holidays and injuries span their days)? */
export function covers(e: CalEvent, day: string): boolean {
  return e.date === day || (e.endDate !== null && e.date <= day && day <= e.endDate)
}

/**
 * Shift-click: every event in the rectangle between the anchor and the clicked event, across the
 * athletes between the two rows (in display order) and the days between the two dates.
 */
export function rectangle(
  rows: CalendarRow[],
  order: string[],
  anchor: { athleteId: string; date: string },
  target: { athleteId: string; date: string },
): string[] {
  const a = order.indexOf(anchor.athleteId)
  const b = order.indexOf(target.athleteId)
  if (a < 0 || b < 0) return []
  const athletes = new Set(order.slice(Math.min(a, b), Math.max(a, b) + 1))
  const [from, to] = anchor.date <= target.date ? [anchor.date, target.date] : [target.date, anchor.date]
  return rows
    .filter((r) => athletes.has(r.athleteId))
    .flatMap((r) => r.events.filter((e) => e.date >= from && e.date <= to).map((e) => eventKey(r.athleteId, e.id)))
}

export interface WeekTotals {
  plannedLoad: number
  plannedSecs: number
  doneLoad: number
  doneSecs: number
}

export function weekTotals(row: CalendarRow | undefined, monday: string): WeekTotals {
  const sunday = addDays(monday, 6)
  const inWeek = (d: string) => d >= monday && d <= sunday
  const planned = (row?.events ?? []).filter((e) => e.category === 'WORKOUT' && inWeek(e.date))
  const done = (row?.activities ?? []).filter((a) => inWeek(a.date))
  return {
    plannedLoad: Math.round(planned.reduce((s, e) => s + (e.load ?? 0), 0)),
    plannedSecs: planned.reduce((s, e) => s + (e.movingSecs ?? 0), 0),
    doneLoad: Math.round(done.reduce((s, a) => s + (a.load ?? 0), 0)),
    doneSecs: done.reduce((s, a) => s + (a.movingSecs ?? 0), 0),
  }
}

/**
 * How well a done activity matched its plan: done load over planned load (or time when the plan
 * has no load). Coaches read 80–120% as on target.
 */
export function compliance(e: CalEvent, a: CalActivity | undefined): { pct: number; band: 'good' | 'under' | 'over' | 'missed' } | null {
  if (!a) return null
  const planned = e.load || e.movingSecs
  const done = e.load ? a.load : a.movingSecs
  if (!planned || done === null) return null
  const pct = Math.round((done / planned) * 100)
  return { pct, band: pct < 50 ? 'missed' : pct < 80 ? 'under' : pct > 120 ? 'over' : 'good' }
}

export const CATEGORY_LABEL: Record<string, string> = {
  WORKOUT: 'Workout',
  NOTE: 'Note',
  RACE_A: 'A race',
  RACE_B: 'B race',
  RACE_C: 'C race',
  TARGET: 'Target',
  HOLIDAY: 'Holiday',
  SICK: 'Sick',
  INJURED: 'Injured',
  PLAN: 'Plan',
}

/**
 * Do two answers carry the same data? Rows come twice (as each arrives, then in the range's
 * answer) as distinct objects; a row whose data did not change is not replaced, so it is not
 * drawn again.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bs = b as unknown[]
    return a.length === bs.length && a.every((x, i) => sameData(x, bs[i]))
  }
  const ao = a as Record<string, unknown>
  const bo = b as Record<string, unknown>
  const keys = Object.keys(ao)
  return keys.length === Object.keys(bo).length && keys.every((k) => sameData(ao[k], bo[k]))
}
