import { unzipSync } from 'fflate'
import type { EventRef } from '../../contract/calendar'
import { AppError } from '../../contract/errors'
import type { ExportFormat } from '../../contract/exports'
import { getEvent } from '../../icu/api'
import { downloadEventFile, downloadWorkoutsZip } from '../../icu/downloads'
import type { IcuHttp } from '../../icu/http'
import type { CalendarLoader } from '../calendar/load'
import { eventFileBase, zipEntryBase, type EventMeta } from './names'

// Getting workout files from intervals.icu: one download per event, or one workouts.zip per
// athlete and date range, unpacked in memory.

/** A zip from the server is unpacked in memory, so its size is capped against a runaway answer. */
const MAX_ZIP_ENTRIES = 2000
const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024

/** A file ready to be written: where it belongs, what the coach calls it, and its bytes. */
export interface FetchedFile {
  athleteId: string
  eventId: number | null
  /** The workout's name, for the report. */
  label: string
  /** The file name inside the athlete's folder, without extension (sanitised, not yet unique). */
  base: string
  bytes: Uint8Array
}

export interface ExportRange {
  athleteId: string
  oldest: string
  newest: string
}

/** Name, date and category of an event: from the calendar already loaded, else one GET. */
export async function eventMeta(
  http: IcuHttp,
  loader: Pick<CalendarLoader, 'find'>,
  ref: EventRef,
  signal?: AbortSignal,
): Promise<EventMeta> {
  const cached = loader.find(ref.athleteId, ref.eventId)
  if (cached) return { ...ref, name: cached.name, date: cached.date, category: cached.category }
  const e = await getEvent(http, ref.athleteId, ref.eventId, { signal })
  return { ...ref, name: e.name ?? '', date: (e.start_date_local ?? '').slice(0, 10), category: e.category ?? 'WORKOUT' }
}

/** Notes, races and holidays have no workout file; say so instead of asking intervals.icu. */
export function requireWorkout(meta: EventMeta): void {
  if (meta.category === 'WORKOUT') return
  const what = meta.category.toLowerCase().replace(/_/g, ' ')
  throw new AppError('INVALID_INPUT', `“${meta.name || meta.eventId}” is a ${what}, not a planned workout, so it has no workout file.`)
}

export async function fetchEventFile(http: IcuHttp, meta: EventMeta, format: ExportFormat, signal?: AbortSignal): Promise<FetchedFile> {
  const bytes = await downloadEventFile(http, meta.athleteId, meta.eventId, format, { signal })
  if (bytes.length === 0) throw new AppError('SERVER', `intervals.icu sent an empty file for “${meta.name}”. Try again later.`)
  return { athleteId: meta.athleteId, eventId: meta.eventId, label: meta.name || `Workout ${meta.eventId}`, base: eventFileBase(meta), bytes }
}

export async function fetchRangeFiles(http: IcuHttp, range: ExportRange, format: ExportFormat, signal?: AbortSignal): Promise<FetchedFile[]> {
  const zip = await downloadWorkoutsZip(http, range.athleteId, { ext: format, oldest: range.oldest, newest: range.newest }, { signal })
  return unzipWorkouts(zip, range.athleteId, format)
}

/** The zip's files of this format, in name order. Entry names are untrusted: see zipEntryBase. */
export function unzipWorkouts(zip: Uint8Array, athleteId: string, format: ExportFormat): FetchedFile[] {
  let count = 0
  let total = 0
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(zip, {
      filter: (f) => {
        if (f.name.endsWith('/') || !f.name.toLowerCase().endsWith(`.${format}`)) return false
        count++
        total += f.originalSize
        if (count > MAX_ZIP_ENTRIES || total > MAX_UNZIPPED_BYTES) {
          throw new AppError('SERVER', 'intervals.icu sent a larger zip than Coach Desk expects. Export a shorter range.')
        }
        return true
      },
    })
  } catch (e) {
    if (e instanceof AppError) throw e
    throw new AppError('SERVER', 'intervals.icu sent a zip Coach Desk could not open. Try again.', String(e))
  }
  return Object.keys(entries)
    .sort()
    .map((name, i) => ({
      athleteId,
      eventId: null,
      label: (name.split(/[/\\]/).at(-1) ?? name).replace(new RegExp(`\\.${format}$`, 'i'), ''),
      base: zipEntryBase(name, format, i),
      bytes: entries[name]!,
    }))
}
