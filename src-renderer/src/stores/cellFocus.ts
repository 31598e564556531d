import { addDays, daysBetween } from '@contract'
import type { RectangleShape } from './calendarModel'

// Which calendar cell the keyboard is on, and where an arrow takes it. Three layouts share the keys:
// the grid across athletes (rows are athletes, columns the days shown), one athlete's month (rows
// are weeks, columns the seven weekdays, so up and down are a week apart) and the four-week grid,
// a month per athlete one under the other (up and down a week, and past an athlete's first or last
// week on to the same weekday of the athlete above or below).

export interface Cell {
  athleteId: string
  date: string
}

export type Direction = 'left' | 'right' | 'up' | 'down'

export type CellLayout = 'athletes' | 'month' | 'athleteMonths'

const ARROWS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' }

/**
 * What Shift+arrows select between the anchor and the focused cell. Where weeks are drawn as rows
 * (one athlete's month, the four-week grid) it is the box the coach sees, the weekdays between the
 * corners in each week; in the grid across athletes, whose days run in one line, every date between.
 */
export function selectionShape(layout: CellLayout): RectangleShape {
  return layout === 'athletes' ? 'dates' : 'weeks'
}

/** The direction an arrow key moves the focus, or null for any other key. */
export function directionOf(key: string): Direction | null {
  return ARROWS[key] ?? null
}

/**
 * The cell an arrow moves to, kept inside what is shown: at the first or last day, or the first or
 * last athlete, the focus stays where it is (PageUp/PageDown move the range instead). With
 * `keepAthlete` (Shift in the four-week grid, whose selection is one athlete's days) it does not
 * go on to another athlete either.
 */
export function nextCell(
  layout: CellLayout,
  cell: Cell,
  dir: Direction,
  athleteIds: readonly string[],
  days: readonly string[],
  { keepAthlete = false } = {},
): Cell {
  if (!days.length) return cell
  const first = days[0]!
  const last = days[days.length - 1]!
  const clampDay = (d: string) => (d < first ? first : d > last ? last : d)
  if (layout === 'month') {
    const step = dir === 'left' ? -1 : dir === 'right' ? 1 : dir === 'up' ? -7 : 7
    const to = addDays(cell.date, step)
    return to < first || to > last ? cell : { athleteId: cell.athleteId, date: to }
  }
  if (layout === 'athleteMonths') return nextInAthleteMonths(cell, dir, athleteIds, first, last, keepAthlete)
  if (dir === 'left' || dir === 'right') return { athleteId: cell.athleteId, date: clampDay(addDays(cell.date, dir === 'left' ? -1 : 1)) }
  const row = athleteIds.indexOf(cell.athleteId)
  if (row < 0) return { athleteId: athleteIds[0] ?? cell.athleteId, date: clampDay(cell.date) }
  const to = Math.min(athleteIds.length - 1, Math.max(0, row + (dir === 'up' ? -1 : 1)))
  return { athleteId: athleteIds[to]!, date: clampDay(cell.date) }
}

function nextInAthleteMonths(cell: Cell, dir: Direction, athleteIds: readonly string[], first: string, last: string, keepAthlete: boolean): Cell {
  const row = athleteIds.indexOf(cell.athleteId)
  const date = cell.date < first ? first : cell.date > last ? last : cell.date
  if (row < 0) return { athleteId: athleteIds[0] ?? cell.athleteId, date }
  const step = dir === 'left' ? -1 : dir === 'right' ? 1 : dir === 'up' ? -7 : 7
  const to = addDays(date, step)
  if (to >= first && to <= last) return { athleteId: cell.athleteId, date: to }
  // Left and right stop at the first and last day; up and down wrap to the neighbouring athlete's
  // last or first week, on the same weekday.
  if (keepAthlete || dir === 'left' || dir === 'right') return { athleteId: cell.athleteId, date }
  const next = athleteIds[row + (dir === 'up' ? -1 : 1)]
  if (!next) return { athleteId: cell.athleteId, date }
  const span = daysBetween(first, last) + 1 - 7
  return { athleteId: next, date: addDays(date, dir === 'up' ? span : -span) }
}

/**
 * Alt+Up and Alt+Down within the focused day go round the day and its events: from the day (-1)
 * Down goes to its first event and Up to its last; from an event, to the one below or above, and
 * past the last or the first back to the day. A day without events keeps the focus.
 */
export function nextEventIndex(current: number, count: number, dir: 'up' | 'down'): number {
  const ring = count + 1
  return ((current + 1 + (dir === 'down' ? 1 : -1) + ring) % ring) - 1
}

/**
 * Where the focus starts: the cell still shown if it is, else the first athlete's today when it is
 * shown, else the first day shown.
 */
export function startCell(current: Cell | null, athleteIds: readonly string[], days: readonly string[], today: string | null): Cell | null {
  if (!athleteIds.length || !days.length) return null
  if (current && athleteIds.includes(current.athleteId) && days.includes(current.date)) return current
  const athleteId = current && athleteIds.includes(current.athleteId) ? current.athleteId : athleteIds[0]!
  return { athleteId, date: today && days.includes(today) ? today : days[0]! }
}
