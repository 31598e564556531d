import type { WorkoutExportInput } from './input'
import { flattenSteps } from '../../workouts/parse'
import { WorkoutExportError, requireSteps, toTrainerStep, type TrainerStep } from './exportSteps'

// The ERGdb course formats read by TrainerRoad, Golden Cheetah, PerfPRO and others: a header, then
// "minutes <tab> value" points. A step is drawn as a point at its start and one at its end, so a change of
// level shows up as two points at the same minute; a ramp simply has different values at its two points.

/** ERG mode has no "off"; an easy level keeps the trainer from fighting the rider through a free-ride step. */
export const UNTARGETED_SHARE_OF_FTP = 0.5

export type ErgDbUnits = 'percent' | 'watts'

function minutes(secs: number): string {
  return (secs / 60).toFixed(2)
}

function oneLine(text: string): string {
  // The header is line-based and the text section tab-separated, so neither may carry line breaks or tabs.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
  return text.replace(/[\u0000-\u001F\u007F]+/g, ' ').replace(/\s+/g, ' ').trim()
}

function level(share: number | undefined, units: ErgDbUnits, ftp: number | undefined): string {
  const s = share ?? UNTARGETED_SHARE_OF_FTP
  if (units === 'watts') return String(Math.round(s * (ftp ?? 0)))
  return String(Math.round(s * 1000) / 10)
}

export function writeErgDb(input: WorkoutExportInput, units: ErgDbUnits): string {
  const format = units === 'watts' ? '.erg' : '.mrc'
  requireSteps(input, format)
  if (units === 'watts' && !input.ftp) {
    throw new WorkoutExportError(
      'NEEDS_FTP',
      `An ${format} file is in watts, so it needs the athlete's FTP. Set it in the athlete's sport settings.`,
    )
  }
  const steps: TrainerStep[] = flattenSteps(input.parsed).map((s) => toTrainerStep(s, input, 'ftp', format))

  const data: string[] = []
  const cues: string[] = []
  let at = 0
  for (const step of steps) {
    data.push(`${minutes(at)}\t${level(step.start, units, input.ftp)}`)
    data.push(`${minutes(at + step.secs)}\t${level(step.end, units, input.ftp)}`)
    if (step.text) cues.push(`${at}\t${oneLine(step.text)}\t${Math.min(step.secs, 10)}`)
    at += step.secs
  }

  const header = [
    '[COURSE HEADER]',
    'VERSION = 2',
    'UNITS = ENGLISH',
    `DESCRIPTION = ${oneLine(input.description ?? '')}`,
    `FILE NAME = ${oneLine(input.name)}`,
    ...(units === 'watts' ? [`FTP = ${Math.round(input.ftp ?? 0)}`] : []),
    units === 'watts' ? 'MINUTES WATTS' : 'MINUTES PERCENT',
    '[END COURSE HEADER]',
  ]
  const text = cues.length > 0 ? ['[COURSE TEXT]', ...cues, '[END COURSE TEXT]'] : []
  // CRLF: these formats come from Windows tools, and some of them still read only CRLF.
  return [...header, '[COURSE DATA]', ...data, '[END COURSE DATA]', ...text, ''].join('\r\n')
}
