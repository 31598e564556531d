import type { Placement, PlacementWarning } from '../../contract/calendar'
import { unlikelyDates } from '../../contract/unlikelyDates'
import { athleteToday } from '../dates'
import type { ServiceDeps } from '../deps'
import type { RosterCache } from '../roster'
import { startDay, type Op } from './ops'

// Dates a plan puts events on that need the coach's yes before Apply: new events (their placement says so) and
// existing events a shift moves. One rule for both, `unlikelyDates`: before the athlete's today, or more than a
// year after it.
//
// A moved event counts only when it lands on such a day from a day that was not one of the same kind: dragging
// a workout from this week into last week, or a shift that throws next month's plan a year ahead, is the slip
// to catch. An event already in the past moved to another past day (tidying what happened) or one already more
// than a year ahead moved within that far future is moved deliberately, by a coach looking at it: no question.
// Undo plans never ask: they put back what was there.

export interface MovedFacts {
  name: string
  /** The athlete's own today, in their timezone. */
  today: string
}

/** Events whose start day the plan changes, per athlete: from and to. */
function movesOf(ops: Op[]): { athleteId: string; from: string; to: string }[] {
  return ops.flatMap((op) => {
    if (op.kind !== 'update' || typeof op.set.start_date_local !== 'string') return []
    const from = startDay(op.before)
    const to = startDay(op.set)
    return from && to && from !== to ? [{ athleteId: op.athleteId, from, to }] : []
  })
}

/** Warnings, with `needsConfirm`, for the existing events this plan moves onto a day that needs a yes. */
export function movedDateWarnings(ops: Op[], athletes: Map<string, MovedFacts>): PlacementWarning[] {
  const moves = movesOf(ops)
  const warnings: PlacementWarning[] = []
  for (const athleteId of [...new Set(moves.map((m) => m.athleteId))]) {
    const facts = athletes.get(athleteId)
    if (!facts) continue
    const kinds = (day: string) => new Set(unlikelyDates([day], facts.today, facts.name).map((u) => u.kind))
    const landing = moves
      .filter((m) => m.athleteId === athleteId)
      .filter((m) => {
        const was = kinds(m.from)
        return [...kinds(m.to)].some((k) => !was.has(k))
      })
      .map((m) => m.to)
    for (const u of unlikelyDates(landing, facts.today, facts.name)) warnings.push({ athleteId, kind: u.kind, message: u.message, needsConfirm: true })
  }
  return warnings
}

/** The same, with each moved athlete's name and today from the roster (nothing read when nothing moves). */
export async function datesMovedOnto(deps: Pick<ServiceDeps, 'now'>, roster: RosterCache, ops: Op[]): Promise<PlacementWarning[]> {
  const ids = [...new Set(movesOf(ops).map((m) => m.athleteId))]
  if (!ids.length) return []
  const now = deps.now()
  const rows = await roster.rows(ids)
  return movedDateWarnings(ops, new Map(rows.map((r) => [r.id, { name: r.name, today: athleteToday(r.timezone, now) }])))
}

/**
 * A plan's placement with the warnings for moved events added: a shift has no new events, so its placement is
 * only those warnings (nothing planned alongside, no choice to make). None when there is nothing to say.
 */
export function withMovedDates(placement: Placement | undefined, moved: PlacementWarning[]): Placement | undefined {
  if (!moved.length) return placement
  const base = placement ?? { choice: 'alongside' as const, existing: [], warnings: [] }
  return { ...base, warnings: [...base.warnings, ...moved] }
}

/** The messages of the dates Apply waits a yes for: only those of athletes the plan still writes to. */
export function datesToConfirm(ops: Op[], placement: Placement | undefined): string[] {
  const writing = new Set(ops.map((o) => o.athleteId))
  return (placement?.warnings ?? []).filter((w) => w.needsConfirm && (w.athleteId === null || writing.has(w.athleteId))).map((w) => w.message)
}
