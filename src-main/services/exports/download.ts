import { unzipSync } from 'fflate'
import type { EventRef } from '../../contract/calendar'
import { AppError } from '../../contract/errors'
import type { ExportFormat } from '../../contract/exports'
import { getEvent, listEvents } from '../../icu/api'
import type { Event } from '../../icu/types'
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
  /** Local date, yyyy-MM-dd, or null for a zip entry no planned workout matched. */
  date: string | null
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
  if (cached) return { ...ref, name: cached.name, date: cached.date, category: cached.category, sport: cached.type }
  const e = await getEvent(http, ref.athleteId, ref.eventId, { signal })
  return eventMetaOf(ref.athleteId, e)
}

/** What an export needs of an event read from intervals.icu. */
export function eventMetaOf(athleteId: string, e: Event): EventMeta {
  return {
    athleteId,
    eventId: e.id ?? 0,
    name: e.name ?? '',
    date: (e.start_date_local ?? '').slice(0, 10),
    category: e.category ?? 'WORKOUT',
    sport: e.type ?? null,
  }
}

/**
 * The planned workouts of an athlete's days, as intervals.icu has them now: one events request.
 * The events list also returns multi-day events that only overlap the range; workouts.zip holds
 * those that start inside it, so those are the ones kept.
 */
export async function plannedWorkouts(http: IcuHttp, range: ExportRange, signal?: AbortSignal): Promise<EventMeta[]> {
  const events = (await listEvents(http, range.athleteId, { oldest: range.oldest, newest: range.newest, category: ['WORKOUT'] }, { signal })) ?? []
  return events
    .filter((e) => e && typeof e.id === 'number' && e.category === 'WORKOUT')
    .map((e) => eventMetaOf(range.athleteId, e))
    .filter((m) => m.date >= range.oldest && m.date <= range.newest)
    .sort((a, b) => a.date.localeCompare(b.date) || a.eventId - b.eventId)
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
  return fileFor(meta, bytes)
}

/** A workout's bytes named after the planned workout, whether they came alone or out of a zip. */
export function fileFor(meta: EventMeta, bytes: Uint8Array): FetchedFile {
  return { athleteId: meta.athleteId, eventId: meta.eventId, label: meta.name || `Workout ${meta.eventId}`, date: meta.date || null, base: eventFileBase(meta), bytes }
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
        // A folder's entry ends in "/", so it never ends in the format's extension.
        if (!f.name.toLowerCase().endsWith(`.${format}`)) return false
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
      date: null,
      base: zipEntryBase(name, format, i),
      bytes: entries[name]!,
    }))
}
