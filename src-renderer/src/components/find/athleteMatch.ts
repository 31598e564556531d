// Finding athletes by what the coach types: a few letters of a first or last name, in any case,
// with or without accents ("zoe" finds Zoë, "mull" finds Müller), or the intervals.icu id.

/** Lower case without accents or marks. */
export function foldForSearch(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase()
}

/**
 * How well an athlete answers the query: 0 for no match. Every typed word must begin a word of the
 * name (best when the name starts with the query) or, failing that, appear inside it (two
 * letters or more); a whole id
 * ("i100003" or "100003") matches too.
 */
export function matchScore(athlete: { id: string; name: string }, query: string): number {
  const q = foldForSearch(query.trim())
  if (!q) return 1
  if (athlete.id.toLocaleLowerCase() === q || athlete.id.toLocaleLowerCase() === `i${q}`) return 5
  const name = foldForSearch(athlete.name)
  if (name.startsWith(q)) return 4
  const words = name.split(/[\s\-'’.]+/).filter(Boolean)
  const tokens = q.split(/\s+/)
  if (tokens.every((t) => words.some((w) => w.startsWith(t)))) return 3
  // One letter inside a word says too little to be worth a match.
  if (tokens.every((t) => t.length >= 2 && name.includes(t))) return 1
  return 0
}

/** The athletes that match, best first, then by name; all of them (by name) for an empty query. */
export function matchAthletes<T extends { id: string; name: string }>(rows: readonly T[], query: string, limit = Infinity): T[] {
  return rows
    .map((row) => ({ row, score: matchScore(row, query) }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || a.row.name.localeCompare(b.row.name))
    .slice(0, limit)
    .map((m) => m.row)
}
