import type { RosterRow, WeekDetail } from '@contract'

export type SortKey =
  | 'name'
  | 'sports'
  | 'fitness'
  | 'fatigue'
  | 'form'
  | 'rampRate'
  | 'lastActivity'
  | 'weekLoadDone'
  | 'plannedLoad'
  | 'attention'

export interface RosterQuery {
  sortKey: SortKey
  sortDir: 'asc' | 'desc'
  tag: string | null
  search: string
  /** The coach's own row (GET /athletes lists the caller too); off by default. */
  includeSelf?: boolean
}

/** Form (TSB) bands as coaches read them on intervals.icu's fitness chart. */
export function formBand(form: number | null): 'transition' | 'fresh' | 'grey' | 'optimal' | 'high-risk' | 'unknown' {
  if (form === null) return 'unknown'
  if (form > 20) return 'transition'
  if (form > 5) return 'fresh'
  if (form >= -10) return 'grey'
  if (form >= -30) return 'optimal'
  return 'high-risk'
}

function sortValue(row: RosterRow, key: SortKey, detail?: WeekDetail, attention?: number): string | number | null {
  switch (key) {
    case 'attention':
      return attention ?? null
    case 'name':
      return row.name.toLocaleLowerCase()
    case 'sports':
      return row.sports.join(',')
    case 'lastActivity':
      return detail?.lastActivity?.date ?? row.lastActiveWeek
    case 'plannedLoad':
      return detail ? detail.plannedLoad : null
    default:
      return row[key]
  }
}

/**
 * Filter by tag and name, then sort; empty values always sink to the bottom. `attention` is each
 * athlete's score from Needs attention (high flags count double), once it has been worked out.
 */
export function visibleRoster(rows: RosterRow[], q: RosterQuery, details: Record<string, WeekDetail> = {}, attention: Record<string, number> = {}): RosterRow[] {
  const needle = q.search.trim().toLocaleLowerCase()
  const filtered = rows.filter(
    (r) =>
      (q.includeSelf || !r.isSelf) &&
      (!q.tag || r.tags.includes(q.tag)) &&
      (!needle || r.name.toLocaleLowerCase().includes(needle)),
  )
  const dir = q.sortDir === 'asc' ? 1 : -1
  return filtered.sort((a, b) => {
    const va = sortValue(a, q.sortKey, details[a.id], attention[a.id])
    const vb = sortValue(b, q.sortKey, details[b.id], attention[b.id])
    if (va === null && vb === null) return a.name.localeCompare(b.name)
    if (va === null) return 1
    if (vb === null) return -1
    if (va < vb) return -dir
    if (va > vb) return dir
    return a.name.localeCompare(b.name)
  })
}

export function allTags(rows: RosterRow[]): string[] {
  return [...new Set(rows.flatMap((r) => r.tags))].sort((a, b) => a.localeCompare(b))
}
