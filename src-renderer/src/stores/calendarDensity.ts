import type { CalendarRow } from '@contract'
import { addDays } from '@contract'
import { weekTotals } from './calendarModel'
import { keep, readKept } from './keptChoices'

// How much of the calendar one screen holds: a week of full chips, two weeks of compact chips, a
// month of one line per event, or twelve weeks of weekly load for periodisation at a glance.

export type CalendarWeeks = 1 | 2 | 4 | 12
export const CALENDAR_WEEKS: readonly CalendarWeeks[] = [1, 2, 4, 12]

/** The density the coach last chose, kept on this computer: the calendar opens at it after a restart. */
const DENSITY_KEY = 'coachDesk.calendar'
const DEFAULT_WEEKS: CalendarWeeks = 2

export function keptDensity(): CalendarWeeks {
  return readKept(DENSITY_KEY, (raw) => {
    const weeks = (raw as { weeks?: unknown } | undefined)?.weeks
    return CALENDAR_WEEKS.find((w) => w === weeks) ?? DEFAULT_WEEKS
  })
}

export function keepDensity(weeks: CalendarWeeks): void {
  keep(DENSITY_KEY, { weeks })
}

/** How each event is drawn at a density: chips with duration and load, smaller ones, or one line. */
export function chipVariant(weeks: number): 'full' | 'compact' | 'line' {
  return weeks === 1 ? 'full' : weeks === 2 ? 'compact' : 'line'
}

/** The Mondays of the weeks shown from `start`. */
export function mondaysFrom(start: string, weeks: number): string[] {
  return Array.from({ length: weeks }, (_, i) => addDays(start, i * 7))
}

export interface WeekLoad {
  monday: string
  planned: number
  done: number
  /** Planned workouts of the week missed by the athlete's today. */
  missed: number
  /** Bar heights as a share (0–1) of the athlete's largest week shown, planned or done. */
  plannedShare: number
  doneShare: number
}

/**
 * One athlete's weekly load, planned (workouts) against done (activities), for the overview. Bars
 * are scaled to the athlete's own largest week, so each athlete's build, peak and recovery weeks
 * read the same whatever their volume.
 */
export function weeklyLoad(row: CalendarRow | undefined, mondays: readonly string[], today: string): WeekLoad[] {
  const totals = mondays.map((monday) => ({ monday, ...weekTotals(row, monday, today) }))
  const top = Math.max(0, ...totals.map((t) => Math.max(t.plannedLoad, t.doneLoad)))
  return totals.map((t) => ({
    monday: t.monday,
    planned: t.plannedLoad,
    done: t.doneLoad,
    missed: t.missed,
    plannedShare: top ? t.plannedLoad / top : 0,
    doneShare: top ? t.doneLoad / top : 0,
  }))
}
