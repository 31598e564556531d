import { addDays } from './calendarModel'

// Which calendar cell the keyboard is on, and where an arrow takes it. Two layouts share the keys:
// the grid across athletes (rows are athletes, columns the days shown) and one athlete's month
// (rows are weeks, columns the seven weekdays, so up and down are a week apart).

export interface Cell {
  athleteId: string
  date: string
}

export type Direction = 'left' | 'right' | 'up' | 'down'

export type CellLayout = 'athletes' | 'month'

const ARROWS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' }

/** The direction an arrow key moves the focus, or null for any other key. */
export function directionOf(key: string): Direction | null {
  return ARROWS[key] ?? null
}

/**
 * The cell an arrow moves to, kept inside what is shown: at the first or last day, or the first or
 * last athlete, the focus stays where it is (PageUp/PageDown move the range instead).
 */
export function nextCell(layout: CellLayout, cell: Cell, dir: Direction, athleteIds: readonly string[], days: readonly string[]): Cell {
  if (!days.length) return cell
  const first = days[0]!
  const last = days[days.length - 1]!
  const clampDay = (d: string) => (d < first ? first : d > last ? last : d)
  if (layout === 'month') {
    const step = dir === 'left' ? -1 : dir === 'right' ? 1 : dir === 'up' ? -7 : 7
    const to = addDays(cell.date, step)
    return to < first || to > last ? cell : { athleteId: cell.athleteId, date: to }
  }
  if (dir === 'left' || dir === 'right') return { athleteId: cell.athleteId, date: clampDay(addDays(cell.date, dir === 'left' ? -1 : 1)) }
  const row = athleteIds.indexOf(cell.athleteId)
  if (row < 0) return { athleteId: athleteIds[0] ?? cell.athleteId, date: clampDay(cell.date) }
  const to = Math.min(athleteIds.length - 1, Math.max(0, row + (dir === 'up' ? -1 : 1)))
  return { athleteId: athleteIds[to]!, date: clampDay(cell.date) }
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
