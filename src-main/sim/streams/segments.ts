import type { Rng } from '../random'
import { ZONE_INTENSITY, type Metric } from '../seed/workouts'
import type { Activity, CalendarEvent } from '../types'

/**
 * One stretch of an activity at a steady (or ramping) effort. `from`/`to` are fractions of the
 * threshold that drives the sport: FTP for rides, threshold speed for runs and swims.
 */
export interface Segment {
  label: string
  secs: number
  from: number
  to: number
  work: boolean
  /** Outdoor efforts on a hill: the altitude climbs and the speed drops. */
  climb: boolean
}

interface DocTarget {
  value?: number
  start?: number
  end?: number
  units?: string
}

interface DocStep {
  duration?: number
  reps?: number
  text?: string
  ramp?: boolean
  steps?: DocStep[]
  power?: DocTarget
  pace?: DocTarget
  hr?: DocTarget
}

const WORK_FRACTION = 0.8

/**
 * The shape of the effort: the paired planned workout when there is one (what the athlete was told
 * to do), otherwise a plausible session for the activity's intensity. Stretched to the moving time.
 */
export function segmentsFor(activity: Activity, event: CalendarEvent | null, rng: Rng): Segment[] {
  const secs = Math.max(1, Math.round(activity.moving_time ?? 0))
  const planned = event ? fromWorkoutDoc(event.workout_doc) : []
  const base = planned.length ? planned : defaultSession(activity, secs)
  const outdoor = activity.type === 'Ride' || activity.type === 'Run'
  const withClimbs = outdoor ? addClimbs(base, rng) : base
  return stretch(withClimbs, secs)
}

function fromWorkoutDoc(doc: unknown): Segment[] {
  const steps = (doc as { steps?: DocStep[] } | null)?.steps
  if (!Array.isArray(steps)) return []
  const out: Segment[] = []
  let block = ''
  for (const step of steps) {
    if (step.text) block = step.text
    if (step.reps && Array.isArray(step.steps)) {
      for (let rep = 1; rep <= step.reps; rep++) {
        for (const inner of step.steps) {
          const seg = docSegment(inner, '')
          if (seg) out.push({ ...seg, label: seg.work ? `Rep ${rep}` : 'Recovery' })
        }
      }
    } else {
      const seg = docSegment(step, block)
      if (seg) out.push(seg)
    }
  }
  return out
}

function docSegment(step: DocStep, label: string): Segment | null {
  const secs = step.duration ?? 0
  if (secs <= 0) return null
  const metric: Metric = step.power ? 'power' : step.pace ? 'pace' : 'hr'
  const t = step.power ?? step.pace ?? step.hr ?? {}
  let from: number
  let to: number
  if (t.units?.endsWith('_zone')) {
    from = to = ZONE_INTENSITY[metric][(t.value ?? 2) - 1] ?? 0.7
  } else if (t.start !== undefined && t.end !== undefined) {
    from = t.start / 100
    to = t.end / 100
    // A range that is not a ramp is ridden in the middle of the range.
    if (!step.ramp) from = to = (from + to) / 2
  } else {
    from = to = (t.value ?? 65) / 100
  }
  const work = (from + to) / 2 >= WORK_FRACTION
  return { label: label || (work ? 'Effort' : 'Steady'), secs, from, to, work, climb: false }
}

/** Sessions older than the calendar's planned window have no workout to follow. */
function defaultSession(activity: Activity, secs: number): Segment[] {
  const intensity = Math.max(0.4, (activity.icu_intensity ?? 65) / 100)
  const seg = (label: string, s: number, from: number, to = from, work = false): Segment => ({ label, secs: s, from, to, work, climb: false })
  const warm = Math.min(900, secs * 0.15)
  const cool = Math.min(600, secs * 0.1)
  const main = Math.max(60, secs - warm - cool)
  if (intensity < 0.8 || main < 1200) {
    return [seg('Warmup', warm, 0.5, 0.7), seg('Main Set', main, intensity), seg('Cooldown', cool, 0.5)]
  }
  const reps = Math.max(2, Math.min(8, Math.round(main / 840)))
  const work = (main / reps) * 0.7
  const rest = (main / reps) * 0.3
  const out = [seg('Warmup', warm, 0.5, 0.75)]
  for (let r = 1; r <= reps; r++) out.push(seg(`Rep ${r}`, work, Math.min(1.2, intensity + 0.12), undefined, true), seg('Recovery', rest, 0.55))
  out.push(seg('Cooldown', cool, 0.5))
  return out
}

/** Long steady outdoor stretches get a few hills, ridden harder, so the ride has efforts to find. */
function addClimbs(segments: Segment[], rng: Rng): Segment[] {
  const out: Segment[] = []
  let n = 0
  for (const s of segments) {
    if (s.work || s.secs < 2400 || s.from !== s.to) {
      out.push(s)
      continue
    }
    const climbs = Math.min(6, Math.floor(s.secs / 1800))
    const climbSecs = climbs > 0 ? Array.from({ length: climbs }, () => rng.int(240, 600)) : []
    const flat = (s.secs - climbSecs.reduce((a, b) => a + b, 0)) / (climbs + 1)
    // Flat, climb, flat, ..., climb, flat: one more flat stretch than climbs.
    out.push({ ...s, label: s.label, secs: flat })
    for (const secs of climbSecs) {
      const effort = Math.min(1.08, s.from + rng.float(0.22, 0.32))
      out.push({ label: `Climb ${++n}`, secs, from: effort, to: effort, work: true, climb: true })
      out.push({ ...s, label: s.label, secs: flat })
    }
  }
  return out
}

/** Scales the durations to the recorded moving time, rounding the boundaries so they add up exactly. */
function stretch(segments: Segment[], total: number): Segment[] {
  const planned = segments.reduce((a, s) => a + s.secs, 0)
  const k = planned > 0 ? total / planned : 1
  let cumulative = 0
  let previousEnd = 0
  const out: Segment[] = []
  for (const s of segments) {
    cumulative += s.secs
    const end = Math.min(total, Math.round(cumulative * k))
    if (end > previousEnd) out.push({ ...s, secs: end - previousEnd })
    previousEnd = end
  }
  return out
}
