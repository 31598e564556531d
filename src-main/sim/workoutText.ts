import { estimateLoad, flattenSteps, parseWorkout, readWorkoutFile, WorkoutFileError, type AthleteThresholds, type ParsedWorkout, type Step, type Target } from '../workouts'
import { unprocessable } from './errors'
import type { SimAthlete, SportSettings } from './types'

// What intervals.icu does with a workout's text when an event or a library workout is saved: it parses the
// description into workout_doc and derives the time and load from it, using the athlete's sport settings.
// Text that does not parse stays as prose, with no steps and zero load, and no error.

/** The fields the server derives from the text. */
export interface DerivedWorkout {
  workout_doc: Record<string, unknown>
  moving_time: number
  icu_training_load: number
  icu_intensity: number
  distance: number | null
}

function settingsFor(athlete: SimAthlete, sport: string): SportSettings | undefined {
  const byType = athlete.sportSettings.find((s) => s.types?.includes(sport as never))
  return byType ?? athlete.sportSettings.find((s) => s.types?.includes((/run/i.test(sport) ? 'Run' : /swim/i.test(sport) ? 'Swim' : 'Ride') as never))
}

export function thresholdsFor(athlete: SimAthlete, sport: string): AthleteThresholds {
  const s = settingsFor(athlete, sport)
  return {
    ftp: s?.ftp ?? undefined,
    lthr: s?.lthr ?? undefined,
    maxHr: s?.max_hr ?? undefined,
    // Stored as a speed in m/s, for swims too.
    thresholdPaceMps: s?.threshold_pace ?? undefined,
  }
}

function docTarget(t: Target): Record<string, unknown> {
  const units = t.units === 'zone' ? `${t.kind}_zone` : t.units
  const value = t.end === undefined ? { value: t.start } : { start: t.start, end: t.end }
  return { [t.kind]: { ...value, units, ...(t.kind === 'power' && t.units === '%mmp' ? { mmp_secs: t.mmpSecs } : {}) } }
}

function docStep(s: Step): Record<string, unknown> {
  return {
    ...(s.text ? { text: s.text } : {}),
    ...(s.durationSecs !== undefined ? { duration: s.durationSecs } : {}),
    ...(s.distanceMeters !== undefined ? { distance: s.distanceMeters } : {}),
    ...(s.target && !s.freeride ? docTarget(s.target) : {}),
    ...(s.ramp ? { ramp: true } : {}),
    ...(s.freeride ? { freeride: true } : {}),
    ...(s.lapPress ? { lap_press: true } : {}),
    ...(s.cadence ? { cadence: { ...(s.cadence.end === undefined ? { value: s.cadence.start } : s.cadence), units: 'rpm' } } : {}),
    ...(s.intensity ? { intensity: s.intensity } : {}),
  }
}

/** The parsed structure in the shape public clients see in workout_doc. */
export function workoutDocOf(parsed: ParsedWorkout, durationSecs: number): Record<string, unknown> {
  const steps = parsed.items.flatMap((item) => {
    if (item.type === 'section') return []
    if (item.type === 'repeat') return item.steps.length ? [{ reps: item.reps, ...(item.title ? { text: item.title } : {}), steps: item.steps.map(docStep) }] : []
    return [docStep(item)]
  })
  return { steps, duration: durationSecs, ...(parsed.totalMeters ? { distance: parsed.totalMeters } : {}) }
}

/** Parses a workout's text for this athlete; prose (no timed or measured step) gets no steps and zero load. */
export function deriveWorkout(description: string, sport: string, athlete: SimAthlete): DerivedWorkout {
  const parsed = parseWorkout(description, { sport })
  const counted = flattenSteps(parsed).some((s) => s.durationSecs !== undefined || s.distanceMeters !== undefined)
  if (!counted) return { workout_doc: { steps: [], duration: 0 }, moving_time: 0, icu_training_load: 0, icu_intensity: 0, distance: null }
  const load = estimateLoad(parsed, thresholdsFor(athlete, sport))
  const secs = Math.max(load.durationSecs, parsed.totalSecs)
  return {
    workout_doc: workoutDocOf(parsed, secs),
    moving_time: secs,
    icu_training_load: load.load,
    icu_intensity: load.intensity,
    distance: parsed.totalMeters || null,
  }
}

interface Parsable {
  category?: string | null
  description?: string | null
  type?: string | null
  workout_doc?: unknown
  moving_time?: number | null
  icu_training_load?: number | null
  icu_intensity?: number | null
  distance?: number | null
}

/**
 * Re-derives a saved workout from its text when the write changed the text or the sport. A write that carries
 * its own workout_doc (a restore, a copy) keeps it, as the stored structure still matches the text.
 */
export function applyDerived(target: Parsable, input: Parsable, athlete: SimAthlete, always = false): void {
  if (target.category !== undefined && target.category !== 'WORKOUT') return
  const changed = input.description !== undefined || input.type !== undefined || always
  if (!changed || input.workout_doc) return
  const derived = deriveWorkout(target.description ?? '', target.type ?? 'Ride', athlete)
  // Prose keeps any time the client gave it; intervals.icu has nothing better to show.
  if (derived.moving_time === 0 && target.moving_time) derived.moving_time = target.moving_time
  Object.assign(target, derived)
}

/** Keys of a write body that carry a workout file instead of text (EventEx and WorkoutEx). */
const FILE_KEYS = ['file_contents', 'file_contents_base64', 'filename'] as const

/**
 * Turns `file_contents` (or `file_contents_base64`) + `filename` into the text description, as the live server
 * converts .zwo/.mrc/.erg files. Returns the body unchanged when it carries no file.
 */
export function withWorkoutFile(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body
  const raw = body as Record<string, unknown>
  if (raw.file_contents == null && raw.file_contents_base64 == null) return body
  const filename = typeof raw.filename === 'string' ? raw.filename : ''
  if (!filename) throw unprocessable('filename is required with file_contents')
  let text: string
  if (typeof raw.file_contents === 'string') text = raw.file_contents
  else if (typeof raw.file_contents_base64 === 'string') text = Buffer.from(raw.file_contents_base64, 'base64').toString('utf8')
  else throw unprocessable('file_contents must be a string')
  let read
  try {
    read = readWorkoutFile(filename, text)
  } catch (e) {
    if (e instanceof WorkoutFileError) throw unprocessable(e.message)
    throw e
  }
  const out: Record<string, unknown> = { ...raw, description: read.text }
  for (const key of FILE_KEYS) delete out[key]
  if (out.name == null || out.name === '') out.name = read.name
  if (out.type == null) out.type = read.sport
  return out
}
