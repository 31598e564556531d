import type { PaceUnits, RepeatBlock, Step, Target, WorkoutItem } from './types'
import { isWord, readBpm, readCadence, readDistance, readDuration, readPace, readPercent, readWatts, readZone } from './tokens'

// Steps back to the intervals.icu text syntax, so that files read from .zwo/.mrc/.erg (or any structure) become
// the plain text intervals.icu parses itself. Everything written here reads back through parseWorkout unchanged.

/** `1h2m30s`; `m` always means minutes in this syntax. */
export function formatDuration(secs: number): string {
  const total = Math.max(0, Math.round(secs))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}` || '0s'
}

/** Metres as `400mtr` or `2km`: a bare `m` would be read as minutes. */
export function formatDistance(metres: number): string {
  if (metres >= 1000 && metres % 100 === 0) return `${short(metres / 1000)}km`
  return `${Math.round(metres)}mtr`
}

function short(n: number): string {
  return String(Math.round(n * 10) / 10)
}

function paceText(secs: number): string {
  const s = Math.round(secs)
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

const PACE_SUFFIX: Record<Exclude<PaceUnits, '%pace' | 'zone'>, string> = {
  secs_per_km: '/km',
  secs_per_mi: '/mi',
  secs_per_100m: '/100m',
  secs_per_100y: '/100y',
  secs_per_500m: '/500m',
  secs_per_400m: '/400m',
  secs_per_250m: '/250m',
}

function span(t: Target, unit: string, ramp: boolean): string {
  if (t.end === undefined) return `${short(t.start)}${unit}`
  // A ramp names both ends with their unit ("50%-75%"); a range may share it ("88-94%").
  return ramp ? `${short(t.start)}${unit}-${short(t.end)}${unit}` : `${short(t.start)}-${short(t.end)}${unit}`
}

export function formatTarget(t: Target, ramp = false): string {
  switch (t.kind) {
    case 'power':
      if (t.units === 'zone') return t.end === undefined ? `Z${t.start}` : `Z${t.start}-Z${t.end}`
      if (t.units === 'w') return span(t, 'w', true)
      if (t.units === '%mmp') return `${span(t, '%', ramp)} MMP ${formatDuration(t.mmpSecs ?? 300)}`
      return span(t, '%', ramp)
    case 'hr':
      if (t.units === 'zone') return `${t.end === undefined ? `Z${t.start}` : `Z${t.start}-Z${t.end}`} HR`
      if (t.units === 'bpm') return t.end === undefined ? `${Math.round(t.start)}bpm` : `${Math.round(t.start)}-${Math.round(t.end)}bpm`
      return `${span(t, '%', ramp)} ${t.units === '%lthr' ? 'LTHR' : 'HR'}`
    case 'pace': {
      if (t.units === 'zone') return `${t.end === undefined ? `Z${t.start}` : `Z${t.start}-Z${t.end}`} Pace`
      if (t.units === '%pace') return `${span(t, '%', ramp)} Pace`
      const unit = PACE_SUFFIX[t.units]
      const pace = t.end === undefined ? `${paceText(t.start)}${unit}` : `${paceText(t.start)}${unit}-${paceText(t.end)}${unit}`
      return `${pace} Pace`
    }
  }
}

const CUE_TOKEN_READERS = [readDuration, readDistance, readPercent, readWatts, readZone, readBpm, readCadence, readPace]

/**
 * A cue as text the parser keeps as a cue: a token such as "30s", "Z2" or "90rpm" would otherwise end the cue
 * early or be read as a target, so its digits and letters are spaced apart ("30 s"). A step type written in the cue
 * ("intensity=rest") is spaced before its "=": it would end the cue of a lap-press step and is flagged in any other.
 */
export function safeCue(text: string): string {
  const tokens = text.replace(/[\r\n\t]+/g, ' ').trim().split(/\s+/).filter(Boolean)
  const safe = tokens.map((token) => {
    const risky = /^\d+x$/i.test(token) || /^intensity=/i.test(token) || CUE_TOKEN_READERS.some((read) => read(token) !== undefined)
    return risky ? token.split(/(?<=\d)(?=\D)|(?<=\D)(?=\d)|(?==)/).join(' ') : token
  })
  // "press lap" anywhere would make the step end on a lap press.
  return safe.join(' ').replace(/\b(press)\s+(lap)\b|\b(lap)\s+(press)\b/gi, (m) => m.replace(/\s+/, '-'))
}

/**
 * The cue of a lap-press step with no duration ends at its first option, so "ramp", "free" or "freeride" in it is
 * joined to the next word by a dash (or the word before, or quoted when alone), as "press lap" is in any cue.
 */
function lapPressCue(cue: string): string {
  const tokens = cue.split(' ')
  const bare = (i: number): boolean => isWord(tokens[i], 'ramp', 'free', 'freeride')
  if (tokens.length === 1) return bare(0) ? `"${cue}"` : cue
  const out: string[] = []
  for (const [i, token] of tokens.entries()) {
    if (bare(i) && i + 1 < tokens.length) tokens[i + 1] = `${token}-${tokens[i + 1]}`
    else if (bare(i)) out[out.length - 1] = `${out.at(-1)}-${token}`
    else out.push(token)
  }
  return out.join(' ')
}

export function formatStep(step: Step): string {
  const parts: string[] = []
  const timed = step.durationSecs !== undefined || step.distanceMeters !== undefined
  if (step.text) parts.push(step.lapPress && !timed ? lapPressCue(safeCue(step.text)) : safeCue(step.text))
  if (step.durationSecs !== undefined) parts.push(formatDuration(step.durationSecs))
  else if (step.distanceMeters !== undefined) parts.push(formatDistance(step.distanceMeters))
  if (step.lapPress) parts.push('press lap')
  if (step.freeride) parts.push('freeride')
  else if (step.target) {
    const ramp = Boolean(step.ramp && step.target.end !== undefined)
    parts.push(`${ramp ? 'ramp ' : ''}${formatTarget(step.target, ramp)}`)
  }
  if (step.cadence) parts.push(step.cadence.end === undefined ? `${Math.round(step.cadence.start)}rpm` : `${Math.round(step.cadence.start)}-${Math.round(step.cadence.end)}rpm`)
  if (step.intensity) parts.push(`intensity=${step.intensity}`)
  return `- ${parts.join(' ')}`
}

function repeatHeader(block: Pick<RepeatBlock, 'reps' | 'title'>): string {
  return block.title ? `${headingText(block.title)} ${block.reps}x` : `${block.reps}x`
}

/** A heading line that cannot be mistaken for a step or a repeat. */
export function headingText(text: string): string {
  const line = text.replace(/[\r\n]+/g, ' ').trim().replace(/^-+\s*/, '')
  return /\d+\s*x$/i.test(line) ? `${line}.` : line
}

/** Sections, repeats (with the blank lines intervals.icu needs around them) and steps as workout text. */
export function writeWorkoutText(items: WorkoutItem[]): string {
  const lines: string[] = []
  const blank = () => {
    if (lines.length && lines[lines.length - 1] !== '') lines.push('')
  }
  for (const item of items) {
    if (item.type === 'section') {
      blank()
      lines.push(headingText(item.title))
    } else if (item.type === 'repeat') {
      blank()
      lines.push(repeatHeader(item), ...item.steps.map(formatStep))
      lines.push('')
    } else {
      lines.push(formatStep(item))
    }
  }
  while (lines.length && lines[lines.length - 1] === '') lines.pop()
  return lines.join('\n')
}
