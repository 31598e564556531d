import type { RosterRow } from '@contract'

// Which athletes a view shows for the coach's pick: the athletes picked by name (or from a group)
// and those of a tag, together; everyone when nothing is picked.

export interface AthletePick {
  athleteIds: string[]
  tag: string | null
}

export function isEmptyPick(pick: AthletePick): boolean {
  return !pick.athleteIds.length && !pick.tag
}

/** The rows to show, in roster order. The coach's own row only when shown, or picked by name. */
export function pickedRows(rows: readonly RosterRow[], pick: AthletePick, includeSelf: boolean): RosterRow[] {
  const picked = new Set(pick.athleteIds)
  return rows.filter((r) => {
    if (r.isSelf && !includeSelf && !picked.has(r.id)) return false
    if (isEmptyPick(pick)) return true
    return picked.has(r.id) || (!!pick.tag && r.tags.includes(pick.tag))
  })
}

/** The same athletes, in any order. */
export function sameAthletes(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  const set = new Set(a)
  return b.every((id) => set.has(id))
}
