import type { AttentionRow } from '@contract'

export interface Alert {
  title: string
  body: string
}

/**
 * The flags (one per athlete and rule) and unread comment counts now, and which of them are new
 * since `known`. The first load announces nothing: the coach is looking at the list already.
 */
export function newAlerts(rows: AttentionRow[], known: Set<string> | null): { keys: Set<string>; alerts: Alert[] } {
  const keys = new Set<string>()
  const alerts: Alert[] = []
  for (const row of rows) {
    for (const flag of row.flags) {
      // An unread comment's reason carries the count, so a further comment is news again.
      const key = flag.rule === 'unreadComment' ? `${row.athleteId}:${flag.reason}` : `${row.athleteId}:${flag.rule}`
      keys.add(key)
      if (known && !known.has(key)) alerts.push({ title: row.name, body: flag.reason })
    }
  }
  return { keys, alerts }
}
