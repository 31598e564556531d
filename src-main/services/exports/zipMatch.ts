import type { FetchedFile } from './download'
import type { EventMeta } from './names'

// workouts.zip names its entries after the workouts, but the names are not documented and carry no
// event id. To tell which planned workout each entry holds (and which ones the zip left out), an
// entry is matched to a workout by its date and name, compared loosely: case, punctuation and
// spacing differ between what a coach typed and what a zip entry may be called.

/** Letters and digits only, lower case: "2026-12-01 Sweet Spot: 3x12" and "2026-12-01 Sweet Spot 3x12" meet. */
export function looseKey(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}

export interface ZipMatch {
  /** Each planned workout's entry, by event id. */
  byEvent: Map<number, FetchedFile>
  /** Entries no planned workout claimed. */
  extra: FetchedFile[]
}

/**
 * Pairs entries with workouts. An entry's name is tried as "<date> <name>" (the n-th workout of the
 * same day and name as "<date> <name> (n)"), then as the bare name. When the entries and workouts
 * left over are as many as each other, they are paired in date order, which is how a zip lists them.
 */
export function matchZipEntries(entries: FetchedFile[], workouts: EventMeta[]): ZipMatch {
  const byKey = new Map<string, FetchedFile[]>()
  for (const entry of entries) {
    const key = looseKey(entry.label)
    byKey.set(key, [...(byKey.get(key) ?? []), entry])
  }
  // An emptied list stays in the map; it adds nothing to the extra entries below.
  const take = (key: string): FetchedFile | undefined => byKey.get(key)?.shift()

  const byEvent = new Map<number, FetchedFile>()
  const seen = new Map<string, number>()
  const ordered = [...workouts].sort((a, b) => a.date.localeCompare(b.date) || a.eventId - b.eventId)
  const unmatched: EventMeta[] = []
  for (const w of ordered) {
    const dated = `${w.date} ${w.name}`
    const n = (seen.get(looseKey(dated)) ?? 0) + 1
    seen.set(looseKey(dated), n)
    const entry = take(looseKey(n === 1 ? dated : `${dated} (${n})`)) ?? take(looseKey(dated)) ?? take(looseKey(w.name))
    if (entry) byEvent.set(w.eventId, entry)
    else unmatched.push(w)
  }

  const extra = [...byKey.values()].flat().sort((a, b) => a.label.localeCompare(b.label))
  if (unmatched.length && unmatched.length === extra.length) {
    unmatched.forEach((w, i) => byEvent.set(w.eventId, extra[i]!))
    return { byEvent, extra: [] }
  }
  return { byEvent, extra }
}
