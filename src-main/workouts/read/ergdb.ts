import { requiredGroup } from '../requiredGroup'
import type { Step, Target } from '../types'
import { findRepeats } from './repeats'
import { WorkoutFileError, type ReadWorkout } from './types'

// ERGdb courses (.erg in watts, .mrc in percent of FTP): a header, then "minutes <tab> value" points. A level
// change is two points at the same minute; a ramp is two points with different values. Each stretch between
// two points at different minutes is one step.

const MAX_POINTS = 10_000

interface Point {
  secs: number
  value: number
}

function sections(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>()
  let current: string[] | null = null
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim()
    const open = /^\[\s*([A-Z ]+?)\s*\]$/i.exec(line)
    if (open) {
      const name = requiredGroup(open, 1).toUpperCase()
      if (name.startsWith('END ')) current = null
      else out.set(name, (current = []))
    } else if (current && line) current.push(line)
  }
  return out
}

function header(lines: string[]): { values: Map<string, string>; columns: string } {
  const values = new Map<string, string>()
  let columns = ''
  for (const line of lines) {
    const kv = /^([^=]+?)\s*=\s*(.*)$/.exec(line)
    if (kv) values.set(requiredGroup(kv, 1).trim().toUpperCase(), requiredGroup(kv, 2).trim())
    else if (/^MINUTES\b/i.test(line)) columns = line.toUpperCase()
  }
  return { values, columns }
}

function points(lines: string[]): Point[] {
  if (lines.length > MAX_POINTS) throw new WorkoutFileError(`This course has more than ${MAX_POINTS} points.`)
  const out: Point[] = []
  for (const line of lines) {
    const [a, b] = line.split(/[\s,]+/)
    const minutes = Number(a)
    const value = Number(b)
    if (!Number.isFinite(minutes) || !Number.isFinite(value) || minutes < 0 || value < 0) {
      throw new WorkoutFileError(`Coach Desk cannot read the course line "${line.slice(0, 40)}".`)
    }
    // Each point is rounded on its own, so the two-decimal minutes never add up to a drift.
    out.push({ secs: Math.round(minutes * 60), value })
  }
  return out
}

function cues(lines: string[] | undefined): Map<number, string> {
  const out = new Map<number, string>()
  for (const line of lines ?? []) {
    const [at, message] = line.split('\t')
    const secs = Number(at)
    if (Number.isFinite(secs) && message?.trim() && !out.has(Math.round(secs))) out.set(Math.round(secs), message.trim())
  }
  return out
}

export function readErgDb(text: string, format: 'erg' | 'mrc'): ReadWorkout {
  const parts = sections(text)
  const data = parts.get('COURSE DATA')
  if (!data) throw new WorkoutFileError(`This is not an .${format} course: it has no [COURSE DATA] section.`)
  const { values, columns } = header(parts.get('COURSE HEADER') ?? [])
  const watts = /WATTS/.test(columns) || (!/PERCENT/.test(columns) && format === 'erg')
  const ftp = Number(values.get('FTP'))
  const notes: string[] = []
  // Watts at a stated FTP travel better as percentages: the course then fits every athlete it is assigned to.
  const toTarget = (v: number): Target => {
    if (!watts) return { kind: 'power', units: '%ftp', start: Math.round(v * 10) / 10 }
    if (ftp > 0) return { kind: 'power', units: '%ftp', start: Math.round((v / ftp) * 1000) / 10 }
    return { kind: 'power', units: 'w', start: Math.round(v) }
  }
  if (watts && ftp > 0) notes.push(`Watts were turned into % of FTP using the file's FTP of ${Math.round(ftp)} W.`)
  else if (watts) notes.push('The file gives watts and no FTP, so the steps keep their watts.')

  const pts = points(data)
  const texts = cues(parts.get('COURSE TEXT'))
  const steps: Step[] = []
  for (const [k, b] of pts.entries()) {
    const a = pts[k - 1]
    if (a === undefined || b.secs <= a.secs) continue
    const from = toTarget(a.value)
    const to = toTarget(b.value)
    const step: Step = { line: 0, durationSecs: b.secs - a.secs, target: from }
    if (to.start !== from.start) {
      step.target = { ...from, end: to.start } as Step['target']
      step.ramp = true
    }
    const cue = texts.get(a.secs)
    if (cue) step.text = cue
    steps.push(step)
  }
  if (!steps.length) throw new WorkoutFileError(`This .${format} course has no steps.`)
  return {
    name: values.get('FILE NAME') || null,
    description: values.get('DESCRIPTION') || null,
    sport: 'Ride',
    items: findRepeats(steps),
    notes,
  }
}
