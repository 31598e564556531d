import type { Step, Target, WorkoutItem } from '../types'
import { findRepeats } from './repeats'
import { WorkoutFileError, type ReadWorkout } from './types'
import { XmlError, attr, findElement, parseXml, type XmlElement } from './xml'

// Zwift workouts (.zwo). Power attributes are shares of FTP for rides; in run workouts Zwift reads the same
// attributes as shares of threshold pace, so they become "% Pace" targets. Text events become step cues.

const MAX_SECS = 24 * 3600

function number(el: XmlElement, ...names: string[]): number | undefined {
  for (const name of names) {
    const raw = attr(el, name)
    if (raw === undefined || raw.trim() === '') continue
    const n = Number(raw)
    if (Number.isFinite(n)) return n
  }
  return undefined
}

function pct(share: number): number {
  return Math.round(share * 1000) / 10
}

function duration(el: XmlElement, name = 'Duration'): number {
  const secs = number(el, name)
  if (secs === undefined || secs <= 0) throw new WorkoutFileError(`A <${el.name}> block has no ${name}.`)
  return Math.min(Math.round(secs), MAX_SECS)
}

function target(low: number, high: number | undefined, run: boolean): Target {
  const start = pct(low)
  const end = high === undefined || pct(high) === start ? undefined : pct(high)
  const range = end === undefined ? { start } : { start, end }
  return run ? { kind: 'pace', units: '%pace', ...range } : { kind: 'power', units: '%ftp', ...range }
}

function cadence(el: XmlElement, name: string): Step['cadence'] {
  const c = number(el, name)
  return c && c > 0 ? { start: Math.round(c) } : undefined
}

function cue(el: XmlElement): string | undefined {
  const events = el.children.filter((c) => c.name.toLowerCase() === 'textevent')
  const first = events.find((e) => (number(e, 'timeoffset') ?? 0) === 0) ?? events[0]
  const message = first ? (attr(first, 'message') ?? first.text).trim() : ''
  return message || undefined
}

function withOptional(step: Step, el: XmlElement, cadenceAttr = 'Cadence'): Step {
  const c = cadence(el, cadenceAttr)
  const text = cue(el)
  return { ...step, ...(c ? { cadence: c } : {}), ...(text ? { text } : {}) }
}

function blockItems(el: XmlElement, run: boolean, notes: string[]): WorkoutItem[] {
  const kind = el.name.toLowerCase()
  switch (kind) {
    case 'steadystate': {
      const power = number(el, 'Power')
      const low = power ?? number(el, 'PowerLow')
      if (low === undefined) throw new WorkoutFileError('A <SteadyState> block has no Power.')
      const high = power === undefined ? number(el, 'PowerHigh') : undefined
      return [{ type: 'step', ...withOptional({ line: 0, durationSecs: duration(el), target: target(low, high, run) }, el) }]
    }
    case 'warmup':
    case 'cooldown':
    case 'ramp': {
      const low = number(el, 'PowerLow')
      const high = number(el, 'PowerHigh')
      if (low === undefined || high === undefined) throw new WorkoutFileError(`A <${el.name}> block needs PowerLow and PowerHigh.`)
      const t = target(low, high, run)
      const step: Step = { line: 0, durationSecs: duration(el), target: t, ...(t.end !== undefined ? { ramp: true } : {}) }
      return [{ type: 'step', ...withOptional(step, el) }]
    }
    case 'intervalst': {
      const reps = Math.max(1, Math.min(100, Math.round(number(el, 'Repeat') ?? 1)))
      const on = number(el, 'OnPower', 'PowerOnHigh', 'PowerOnLow')
      const off = number(el, 'OffPower', 'PowerOffLow', 'PowerOffHigh')
      if (on === undefined || off === undefined) throw new WorkoutFileError('An <IntervalsT> block needs OnPower and OffPower.')
      const onStep = withOptional({ line: 0, durationSecs: duration(el, 'OnDuration'), target: target(on, undefined, run) }, el)
      const offCadence = cadence(el, 'CadenceResting')
      const offStep: Step = { line: 0, durationSecs: duration(el, 'OffDuration'), target: target(off, undefined, run), ...(offCadence ? { cadence: offCadence } : {}) }
      return [{ type: 'repeat', line: 0, reps, steps: [onStep, offStep] }]
    }
    case 'freeride':
    case 'maxeffort': {
      const text = kind === 'maxeffort' ? 'Max effort' : undefined
      const step: Step = { line: 0, durationSecs: duration(el), freeride: true, ...(text ? { text } : {}) }
      return [{ type: 'step', ...withOptional(step, el) }]
    }
    case 'textevent':
      return []
    default:
      notes.push(`Skipped a <${el.name}> block that Coach Desk does not know.`)
      return []
  }
}

/** Spelled-out steps become repeats again; IntervalsT blocks already are. */
function tidy(items: WorkoutItem[]): WorkoutItem[] {
  const out: WorkoutItem[] = []
  let run: Step[] = []
  const flush = () => {
    out.push(...findRepeats(run))
    run = []
  }
  for (const item of items) {
    if (item.type === 'step') {
      const { type: _t, ...step } = item
      run.push(step)
    } else {
      flush()
      out.push(item)
    }
  }
  flush()
  return out
}

export function readZwo(text: string): ReadWorkout {
  let root: XmlElement
  try {
    root = parseXml(text)
  } catch (e) {
    if (e instanceof XmlError) throw new WorkoutFileError(`This is not a readable Zwift workout: ${e.message}`)
    throw e
  }
  if (root.name.toLowerCase() !== 'workout_file') throw new WorkoutFileError('This is not a Zwift workout: it has no <workout_file>.')
  const workout = findElement(root, 'workout')
  if (!workout) throw new WorkoutFileError('This Zwift workout has no <workout> section.')
  const sportType = findElement(root, 'sportType')?.text.trim().toLowerCase()
  const run = sportType === 'run'
  const notes: string[] = []
  const items = tidy(workout.children.flatMap((el) => blockItems(el, run, notes)))
  if (!items.length) throw new WorkoutFileError('This Zwift workout has no steps.')
  return {
    name: findElement(root, 'name')?.text.trim() || null,
    description: findElement(root, 'description')?.text.trim() || null,
    sport: run ? 'Run' : 'Ride',
    items,
    notes,
  }
}
