import type { ExportFormat } from '../../contract/exports'
import { sanitizeFileName } from './fileNames'

// Readable names for exported files. Every part comes from text anyone can type on intervals.icu
// (workout and athlete names, zip entry names), so each part is sanitised on its own and the whole
// again, and a part that sanitises to nothing falls back to the event's id.

/** What main knows about an event before downloading its file. */
export interface EventMeta {
  athleteId: string
  eventId: number
  name: string
  /** Local date, yyyy-MM-dd. */
  date: string
  category: string
  /** intervals.icu's activity type (Ride, Run, Swim…), or null when the event has none. */
  sport: string | null
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/

function datePart(date: string): string {
  return LOCAL_DATE.test(date) ? `${date} ` : ''
}

/** "2026-12-01 Sweet Spot 3x12": a file inside its athlete's folder. */
export function eventFileBase(e: EventMeta): string {
  const fallback = `workout-${e.eventId}`
  return sanitizeFileName(`${datePart(e.date)}${sanitizeFileName(e.name, fallback)}`, fallback)
}

/** "2026-12-01 Alice Martin - Sweet Spot 3x12": a file on its own (Save dialog, drag to the desktop). */
export function standaloneFileBase(e: EventMeta, athleteName: string): string {
  const fallback = `workout-${e.eventId}`
  const who = sanitizeFileName(athleteName, e.athleteId)
  return sanitizeFileName(`${datePart(e.date)}${who} - ${sanitizeFileName(e.name, fallback)}`, fallback)
}

export function athleteFolderName(name: string, athleteId: string): string {
  return sanitizeFileName(name, athleteId)
}

/**
 * A zip entry's name as a file base: only its last path segment (an entry named "../../x.fit" must
 * not climb out of the folder), without the format's extension.
 */
export function zipEntryBase(entryName: string, format: ExportFormat, index: number): string {
  const last = entryName.split(/[/\\]/).filter(Boolean).at(-1) ?? ''
  const stem = last.toLowerCase().endsWith(`.${format}`) ? last.slice(0, -(format.length + 1)) : last
  return sanitizeFileName(stem, `workout-${index + 1}`)
}

/** "Workouts 2026-12-01 to 2026-12-07 (fit)": the default name of a one-zip export. */
export function zipFileBase(dates: string[], format: ExportFormat): string {
  const valid = dates.filter((d) => LOCAL_DATE.test(d)).sort()
  const span = valid.length === 0 ? '' : valid[0] === valid.at(-1) ? ` ${valid[0]}` : ` ${valid[0]} to ${valid.at(-1)}`
  return sanitizeFileName(`Workouts${span} (${format})`, 'workouts')
}

/** A name not yet in `taken` (compared without case, as Windows and macOS do), adding " (2)", " (3)" … */
export function uniqueInSet(base: string, ext: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${base}${ext}` : `${base} (${n})${ext}`
    if (taken.has(candidate.toLowerCase())) continue
    taken.add(candidate.toLowerCase())
    return candidate
  }
}
