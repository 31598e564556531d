import { dayMonthYearLabel } from '../dateLabels'
import { matchAthletes } from './athleteMatch'
import { looksLikeDate, parseCoachDate } from './dateInput'

// What Ctrl/Cmd+K offers for what the coach typed: a date (the calendar at its week), the app's
// pages, and athletes (their page). Pure, so the choice of what comes first is tested without a window.

export type PaletteItem =
  | { kind: 'date'; key: string; label: string; date: string }
  | { kind: 'view'; key: string; label: string; path: string }
  | { kind: 'athlete'; key: string; label: string; athleteId: string; detail: string }

/** The pages a coach jumps to, with other words they might type for them. */
export const PALETTE_VIEWS: { label: string; path: string; words: string }[] = [
  { label: 'Roster', path: '/roster', words: 'athletes list fitness' },
  { label: 'Calendar', path: '/calendar', words: 'plan weeks grid schedule' },
  { label: 'Needs attention', path: '/attention', words: 'attention flags alerts' },
  { label: 'Review queue', path: '/review', words: 'review activities comments' },
  { label: 'Compliance', path: '/compliance', words: 'planned done missed' },
  { label: 'Workouts', path: '/workouts', words: 'library templates assign editor' },
]

export interface PaletteAnswer {
  items: PaletteItem[]
  /** Why what was typed is not a date, when it was meant as one. */
  dateProblem: string | null
}

export function paletteResults(query: string, athletes: readonly { id: string; name: string; timezone?: string }[], today: string, limit = 12): PaletteAnswer {
  const q = query.trim()
  const items: PaletteItem[] = []
  let dateProblem: string | null = null
  if (q) {
    const date = parseCoachDate(q, today)
    if (date.ok) items.push({ kind: 'date', key: `date:${date.date}`, label: `Calendar at ${dayMonthYearLabel(date.date)}`, date: date.date })
    else if (looksLikeDate(q)) dateProblem = date.message
  }
  const views = matchAthletes(
    PALETTE_VIEWS.map((v) => ({ id: v.path, name: `${v.label} ${v.words}`, view: v })),
    q,
  )
  for (const { view } of views) items.push({ kind: 'view', key: `view:${view.path}`, label: view.label, path: view.path })
  for (const a of matchAthletes(athletes, q, limit)) {
    items.push({ kind: 'athlete', key: `athlete:${a.id}`, label: a.name, athleteId: a.id, detail: a.timezone ?? a.id })
  }
  return { items: items.slice(0, limit), dateProblem }
}
