import type { WorkoutExportInput } from './input'
import { requireSteps, sportFamily, toTrainerStep, type TrainerStep } from './exportSteps'

// Zwift workout (.zwo). Power attributes are shares of FTP; for runs Zwift reads the same attributes as shares of
// the runner's threshold pace, so pace targets are written on that scale instead. Zwift has no heart-rate
// targets: those steps are carried over zone for zone (see shareOnScale).

type Segment =
  | { kind: 'step'; step: TrainerStep }
  | { kind: 'intervals'; reps: number; on: TrainerStep; off: TrainerStep }

// Characters XML 1.0 does not allow at all, even escaped (C0 controls other than tab/newline/return, lone
// surrogates, U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

function num(value: number, decimals = 3): string {
  const factor = 10 ** decimals
  return String(Math.round(value * factor) / factor)
}

function attrs(pairs: Array<[string, number | string | undefined]>): string {
  return pairs
    .filter((p): p is [string, number | string] => p[1] !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? num(v) : escapeXml(v)}"`)
    .join('')
}

function element(name: string, attributes: string, cue: string | undefined, indent: string): string {
  if (!cue) return `${indent}<${name}${attributes}/>`
  return [
    `${indent}<${name}${attributes}>`,
    `${indent}  <textevent timeoffset="0" message="${escapeXml(cue)}"/>`,
    `${indent}</${name}>`,
  ].join('\n')
}

function isSimpleInterval(step: TrainerStep): boolean {
  return step.start !== undefined && !step.ramp && !step.text
}

function segmentsOf(input: WorkoutExportInput, scale: 'ftp' | 'threshold-speed'): Segment[] {
  const segments: Segment[] = []
  const trainerStep = (s: Parameters<typeof toTrainerStep>[0]): TrainerStep => toTrainerStep(s, input, scale, '.zwo')
  for (const item of input.parsed.items) {
    if (item.type === 'step') segments.push({ kind: 'step', step: trainerStep(item) })
    if (item.type !== 'repeat' || item.reps < 1 || item.steps.length === 0) continue
    const steps = item.steps.map(trainerStep)
    const [on, off] = steps
    if (on && off && steps.length === 2 && steps.every(isSimpleInterval)) {
      segments.push({ kind: 'intervals', reps: item.reps, on, off })
    } else {
      for (let rep = 0; rep < item.reps; rep++) segments.push(...steps.map((step) => ({ kind: 'step' as const, step })))
    }
  }
  return segments
}

function stepElement(step: TrainerStep, position: 'first' | 'last' | 'middle', indent: string): string {
  const cadence: [string, number | undefined] = ['Cadence', step.cadence]
  if (step.start === undefined || step.end === undefined) {
    return element('FreeRide', attrs([['Duration', step.secs], cadence]), step.text, indent)
  }
  if (!step.ramp) {
    return element('SteadyState', attrs([['Duration', step.secs], ['Power', step.start], cadence]), step.text, indent)
  }
  // Zwift reads PowerLow as the power at the start of the block and PowerHigh at its end, for cool-downs too.
  const name = position === 'first' ? 'Warmup' : position === 'last' ? 'Cooldown' : 'Ramp'
  const ramp = attrs([['Duration', step.secs], ['PowerLow', step.start], ['PowerHigh', step.end], cadence])
  return element(name, ramp, step.text, indent)
}

function intervalsElement(seg: Extract<Segment, { kind: 'intervals' }>, indent: string): string {
  const a = attrs([
    ['Repeat', seg.reps],
    ['OnDuration', seg.on.secs],
    ['OffDuration', seg.off.secs],
    ['OnPower', seg.on.start],
    ['OffPower', seg.off.start],
    ['Cadence', seg.on.cadence],
    ['CadenceResting', seg.off.cadence],
  ])
  return `${indent}<IntervalsT${a}/>`
}

export interface ZwoOptions {
  /** Shown as the workout's author in Zwift. */
  author?: string
}

/** Builds a Zwift .zwo file. Throws WorkoutExportError when a step has no time or the athlete's numbers are missing. */
export function writeZwo(input: WorkoutExportInput, options: ZwoOptions = {}): string {
  requireSteps(input, '.zwo')
  const family = sportFamily(input.sport)
  const scale = family === 'run' ? 'threshold-speed' : 'ftp'
  const segments = segmentsOf(input, scale)
  const indent = '    '
  const body = segments.map((seg, i) => {
    if (seg.kind === 'intervals') return intervalsElement(seg, indent)
    const position = i === 0 ? 'first' : i === segments.length - 1 ? 'last' : 'middle'
    return stepElement(seg.step, position, indent)
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<workout_file>',
    `  <author>${escapeXml(options.author ?? 'Coach Desk')}</author>`,
    `  <name>${escapeXml(input.name)}</name>`,
    `  <description>${escapeXml(input.description ?? '')}</description>`,
    `  <sportType>${family === 'run' ? 'run' : 'bike'}</sportType>`,
    '  <tags/>',
    '  <workout>',
    ...body,
    '  </workout>',
    '</workout_file>',
    '',
  ].join('\n')
}
