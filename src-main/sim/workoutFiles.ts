import { zipSync } from 'fflate'
import { parseWorkout, type AthleteThresholds } from '../workouts'
import { WorkoutExportError, writeErg, writeFit, writeMrc, writeZwo, type WorkoutExportInput } from './downloadWriters'
import { SimHttpError, unprocessable } from './errors'
import type { SimProfile } from './profile'
import type { CalendarEvent, SimAthlete, SportSettings } from './types'

// The workout files intervals.icu builds from an event's text and the athlete's sport settings:
// GET /events/{id}/download{ext} and GET /workouts.zip, written by the simulator's own writers
// (downloadWriters/): the app never writes these formats, it saves what intervals.icu serves.

export const WORKOUT_EXTS = ['zwo', 'mrc', 'erg', 'fit'] as const
export type WorkoutExt = (typeof WORKOUT_EXTS)[number]

const CONTENT_TYPES: Record<WorkoutExt, string> = {
  zwo: 'application/xml',
  mrc: 'text/plain; charset=utf-8',
  erg: 'text/plain; charset=utf-8',
  fit: 'application/octet-stream',
}

export interface WorkoutFile {
  bytes: Uint8Array
  contentType: string
  /** The name the live API gives a single file (`workout_filename`), e.g. "Sweet_Spot_3x12.zwo". */
  fileName: string
}

export function isWorkoutExt(ext: string): ext is WorkoutExt {
  return (WORKOUT_EXTS as readonly string[]).includes(ext)
}

/** The sport settings record whose types include the event's sport; Ride's when the event has none. */
function settingsFor(athlete: SimAthlete, sport: string): SportSettings | undefined {
  return athlete.sportSettings.find((s) => s.types?.includes(sport as never)) ?? athlete.sportSettings.find((s) => s.types?.includes('Ride'))
}

function thresholdsOf(s: SportSettings | undefined): AthleteThresholds {
  // Threshold pace is stored as a speed in m/s (for swims too), which is what the writers take.
  return {
    ftp: s?.ftp ?? undefined,
    lthr: s?.lthr ?? undefined,
    maxHr: s?.max_hr ?? undefined,
    thresholdPaceMps: s?.threshold_pace ?? undefined,
  }
}

function write(input: WorkoutExportInput, ext: WorkoutExt, now: Date): Uint8Array {
  const text = (s: string) => new TextEncoder().encode(s)
  switch (ext) {
    case 'zwo':
      return text(writeZwo(input))
    case 'mrc':
      return text(writeMrc(input))
    case 'erg':
      return text(writeErg(input))
    case 'fit':
      return writeFit(input, { createdAt: now })
  }
}

/** One event's file, or a 422 with the reason intervals.icu would give (not a workout, no steps, no FTP). */
export function workoutFile(athlete: SimAthlete, event: CalendarEvent, ext: WorkoutExt, now: Date): WorkoutFile {
  if (event.category !== 'WORKOUT') throw unprocessable(`Event ${event.id} is not a workout`)
  const sport = event.type ?? 'Ride'
  const name = event.name || 'Workout'
  const input: WorkoutExportInput = {
    name,
    sport,
    parsed: parseWorkout(event.description ?? '', { sport }),
    ...thresholdsOf(settingsFor(athlete, sport)),
  }
  try {
    return { bytes: write(input, ext, now), contentType: CONTENT_TYPES[ext], fileName: `${underscored(name)}.${ext}` }
  } catch (e) {
    if (e instanceof WorkoutExportError) throw unprocessable(e.message)
    throw e
  }
}

/**
 * workouts.zip: every planned workout starting in [oldest, newest] that converts, named
 * "<date> <workout name>.<ext>". A workout that cannot be converted is left out (`omit`, as an
 * empty or prose-only workout has nothing to put in a file) or makes the whole range a 422 with
 * that workout's reason (`refuse`): the profile's `zip` axis.
 */
export function workoutsZip(
  athlete: SimAthlete,
  ext: WorkoutExt,
  oldest: string,
  newest: string,
  now: Date,
  unconvertible: SimProfile['zip'] = 'omit',
): Uint8Array {
  const entries: Record<string, Uint8Array> = {}
  const events = athlete.events
    .filter((e) => e.category === 'WORKOUT')
    .filter((e) => {
      const day = (e.start_date_local ?? '').slice(0, 10)
      return day >= oldest.slice(0, 10) && day <= newest.slice(0, 10)
    })
    .sort((a, b) => (a.start_date_local ?? '').localeCompare(b.start_date_local ?? '') || (a.id ?? 0) - (b.id ?? 0))
  for (const event of events) {
    let file: WorkoutFile
    try {
      file = workoutFile(athlete, event, ext, now)
    } catch (e) {
      if (unconvertible === 'refuse' && e instanceof SimHttpError) {
        throw unprocessable(`Workout ${event.id} "${event.name ?? ''}" cannot be converted to ${ext}: ${errorText(e)}`)
      }
      continue
    }
    const base = `${(event.start_date_local ?? '').slice(0, 10)} ${(event.name || 'Workout').replace(/[\\/:*?"<>|]/g, ' ').trim()}`
    let entry = `${base}.${ext}`
    for (let n = 2; entry in entries; n++) entry = `${base} (${n}).${ext}`
    entries[entry] = file.bytes
  }
  return zipSync(entries, { level: 6, mtime: now })
}

function underscored(name: string): string {
  return name.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'workout'
}

function errorText(e: SimHttpError): string {
  const body = e.body as { error?: unknown } | null
  return typeof body?.error === 'string' ? body.error : 'unsupported'
}
