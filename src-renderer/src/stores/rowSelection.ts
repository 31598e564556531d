import { eventKey, parseKey } from './calendarModel'

// The calendar's selection, kept per athlete row: a row asks "is this chip selected?" of its own
// set (no scan of every selected key per chip), and a row's set is replaced, never changed in
// place, so selecting re-renders only the rows whose selection changed.

export type RowSelection = Readonly<Record<string, ReadonlySet<number>>>

/** "athleteId:eventId" keys grouped by athlete. */
export function groupByRow(keys: Iterable<string>): Map<string, Set<number>> {
  const rows = new Map<string, Set<number>>()
  for (const key of keys) {
    const { athleteId, eventId } = parseKey(key)
    let ids = rows.get(athleteId)
    if (!ids) rows.set(athleteId, (ids = new Set()))
    ids.add(eventId)
  }
  return rows
}

/** Both selections together, as new sets for the rows that gain something. */
export function union(current: RowSelection, added: Map<string, Set<number>>): Map<string, Set<number>> {
  const next = new Map<string, Set<number>>(Object.entries(current) as [string, Set<number>][])
  for (const [athleteId, ids] of added) next.set(athleteId, new Set([...(current[athleteId] ?? []), ...ids]))
  return next
}

export function keysOf(selection: RowSelection): string[] {
  return Object.entries(selection).flatMap(([athleteId, ids]) => [...ids].map((id) => eventKey(athleteId, id)))
}

export function countOf(selection: RowSelection): number {
  return Object.values(selection).reduce((n, ids) => n + ids.size, 0)
}

export function sameIds(a: ReadonlySet<number> | undefined, b: ReadonlySet<number> | undefined): boolean {
  if ((a?.size ?? 0) !== (b?.size ?? 0)) return false
  for (const id of a ?? []) if (!b!.has(id)) return false
  return true
}

/** The "athleteId:eventId" keys that enter and leave the selection going from `current` to `next`. */
export function keyChanges(current: RowSelection, next: ReadonlyMap<string, ReadonlySet<number>>): { added: string[]; removed: string[] } {
  const added: string[] = []
  const removed: string[] = []
  for (const [athleteId, was] of Object.entries(current)) {
    const now = next.get(athleteId)
    for (const id of was) if (!now?.has(id)) removed.push(eventKey(athleteId, id))
  }
  for (const [athleteId, now] of next) {
    const was = current[athleteId]
    for (const id of now) if (!was?.has(id)) added.push(eventKey(athleteId, id))
  }
  return { added, removed }
}
