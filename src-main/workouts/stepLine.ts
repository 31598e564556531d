import { requiredGroup } from './requiredGroup'
import type { ParseIssue, Step, StepIntensity, Target } from './types'
import {
  defaultPaceUnits,
  isCustomZone,
  isWord,
  readBpm,
  readCadence,
  readDistance,
  readDuration,
  readPace,
  readPercent,
  readWatts,
  readZone,
} from './tokens'

// One step line (the text after "- "). intervals.icu takes the text before the first duration or distance as the
// cue and reads targets after it; anything after it that it does not know is dropped without a word, which is
// why every unknown token here becomes an issue.

interface TargetRead {
  target?: Target
  consumed: number
  issue?: string
}

const INTENSITIES: readonly StepIntensity[] = ['warmup', 'active', 'rest', 'cooldown']

// One swim step of 100+ minutes (or run step of 200+) is rare, while 200m and 400m are classic repeat distances:
// such a token is far more likely metres written the wrong way.
const MINUTES_THAT_LOOK_LIKE_METRES: Array<{ sport: RegExp; from: number }> = [
  { sport: /swim/i, from: 100 },
  { sport: /run/i, from: 200 },
]

function readTarget(tokens: string[], i: number, sport: string | undefined): TargetRead | undefined {
  const token = tokens[i]
  if (token === undefined) return undefined
  const next = tokens[i + 1]
  const percent = readPercent(token)
  if (percent) {
    if (isWord(next, 'hr')) return { target: { kind: 'hr', units: '%hr', ...percent }, consumed: 2 }
    if (isWord(next, 'lthr')) return { target: { kind: 'hr', units: '%lthr', ...percent }, consumed: 2 }
    if (isWord(next, 'pace')) return { target: { kind: 'pace', units: '%pace', ...percent }, consumed: 2 }
    if (isWord(next, 'mmp')) {
      const overToken = tokens[i + 2]
      const over = overToken === undefined ? undefined : readDuration(overToken)
      if (!over) {
        return { consumed: 2, issue: `"${token} MMP" needs the effort length after it, for example "${token} MMP 5m".` }
      }
      return { target: { kind: 'power', units: '%mmp', ...percent, mmpSecs: over.secs }, consumed: 3 }
    }
    return { target: { kind: 'power', units: '%ftp', ...percent }, consumed: 1 }
  }
  const watts = readWatts(token)
  if (watts) return { target: { kind: 'power', units: 'w', ...watts }, consumed: 1 }
  const zone = readZone(token)
  if (zone) {
    if (isWord(next, 'hr')) return { target: { kind: 'hr', units: 'zone', ...zone }, consumed: 2 }
    if (isWord(next, 'pace')) return { target: { kind: 'pace', units: 'zone', ...zone }, consumed: 2 }
    return { target: { kind: 'power', units: 'zone', ...zone }, consumed: 1 }
  }
  const bpm = readBpm(token)
  if (bpm) return { target: { kind: 'hr', units: 'bpm', ...bpm }, consumed: 1 }
  const pace = readPace(token)
  if (pace) {
    if ('unknownUnit' in pace) {
      return {
        consumed: isWord(next, 'pace') ? 2 : 1,
        issue: `"${pace.unknownUnit}" is not a pace unit intervals.icu knows. Use /km, /mi, /100m, /100y, /500m, /400m or /250m.`,
      }
    }
    if (!isWord(next, 'pace')) {
      return {
        consumed: 1,
        issue: `Add the word "Pace" after "${token}"; without it intervals.icu ignores the target.`,
      }
    }
    return { target: { kind: 'pace', units: pace.units ?? defaultPaceUnits(sport), ...pace.range }, consumed: 2 }
  }
  if (isCustomZone(token)) {
    return {
      consumed: 1,
      issue:
        `Coach Desk cannot show custom zones such as "${token}". ` +
        'intervals.icu reads them, but exported files leave this step without a target.',
    }
  }
  return undefined
}

function looksLikeTarget(token: string): boolean {
  return Boolean(readPercent(token) ?? readWatts(token) ?? readZone(token) ?? readBpm(token) ?? readCadence(token))
}

/** Joins `315w - 330w` into `315w-330w`: coaches often put spaces around the dash of a range. */
function joinSpacedRanges(tokens: string[]): string[] {
  const out: string[] = []
  let resumeAt = 0
  for (const [i, token] of tokens.entries()) {
    if (i < resumeAt) continue
    const before = out.at(-1)
    const after = tokens[i + 1]
    if (token === '-' && before !== undefined && after !== undefined) {
      out[out.length - 1] = `${before}-${after}`
      resumeAt = i + 2
    } else {
      out.push(token)
    }
  }
  return out
}

/** Takes `press lap` / `lap press` out of the tokens, wherever they are. */
function takeLapPress(tokens: string[], step: Step): string[] {
  const rest: string[] = []
  let resumeAt = 0
  for (const [i, token] of tokens.entries()) {
    if (i < resumeAt) continue
    const next = tokens[i + 1]
    if ((isWord(token, 'press') && isWord(next, 'lap')) || (isWord(token, 'lap') && isWord(next, 'press'))) {
      step.lapPress = true
      resumeAt = i + 2
      continue
    }
    rest.push(token)
  }
  return rest
}

// The step type marker. Like a target, it counts only after the cue: before the duration it is cue text.
const INTENSITY = /^intensity=(.*)$/i

function isDurationOrDistance(token: string): boolean {
  return readDuration(token) !== undefined || readDistance(token) !== undefined
}

export function parseStepLine(body: string, line: number, sport?: string): { step: Step; issues: ParseIssue[] } {
  const step: Step = { line }
  const issues: ParseIssue[] = []
  const issue = (message: string): void => void issues.push({ line, message })
  const tokens = takeLapPress(body.trim().split(/\s+/).filter(Boolean), step)

  let at = tokens.findIndex(isDurationOrDistance)
  if (at < 0 && step.lapPress) {
    // A lap-press step needs no duration, so the cue ends where the first target, option or step type starts.
    at = tokens.findIndex((t, i) => readTarget(tokens, i, sport) !== undefined || isStructuralWord(t) || INTENSITY.test(t))
    if (at < 0) at = tokens.length
  }
  if (at < 0) {
    if (tokens.length > 0) step.text = tokens.join(' ')
    issue(
      'This step has no duration or distance, so intervals.icu will not count it. ' +
        'Add one such as 10m, 30s, 1h or 2km (m means minutes; write 400mtr for metres).',
    )
    return { step, issues }
  }
  const cue = tokens.slice(0, at)
  if (cue.length > 0) step.text = cue.join(' ')
  checkCue(cue, issue)

  readAfterCue(joinSpacedRanges(tokens.slice(at)), step, sport, issue)
  if (step.ramp && step.target?.end === undefined) {
    issue('A ramp needs a start and an end, for example "ramp 50%-75%".')
  }
  return { step, issues }
}

function isStructuralWord(token: string): boolean {
  return isWord(token, 'ramp', 'freeride', 'free') || readCadence(token) !== undefined
}

function checkCue(cue: string[], issue: (message: string) => void): void {
  const repeat = cue.find((t) => /^\d+x$/i.test(t))
  if (repeat) {
    issue(`Repeats go on a line of their own ("${repeat}") above the steps to repeat, with no dash.`)
    return
  }
  const target = cue.find(looksLikeTarget)
  if (target) {
    issue(`"${target}" comes before the duration, so intervals.icu shows it as text, not a target. Move it after the duration.`)
  }
  const type = cue.find((t) => INTENSITY.test(t))
  if (type) {
    issue(`"${type}" comes before the duration, so it is read as cue text, not the step type. Move it after the duration.`)
  }
}

function readAfterCue(tokens: string[], step: Step, sport: string | undefined, issue: (message: string) => void): void {
  let resumeAt = 0
  for (const [i, token] of tokens.entries()) {
    if (i < resumeAt) continue
    const duration = readDuration(token)
    const distance = duration ? undefined : readDistance(token)
    if (duration || distance !== undefined) {
      if (step.durationSecs !== undefined || step.distanceMeters !== undefined) {
        issue(`"${token}" is a second duration or distance in one step. Split it into two steps.`)
        continue
      }
      if (duration) {
        step.durationSecs = duration.secs
        warnMinutesAsMetres(token, duration.minutesOnly ? duration.minutes : 0, sport, issue)
      } else {
        step.distanceMeters = distance
      }
      continue
    }
    const target = readTarget(tokens, i, sport)
    if (target) {
      if (target.issue) issue(target.issue)
      if (target.target) {
        if (step.target) issue(`A step can have only one target; "${tokens.slice(i, i + target.consumed).join(' ')}" is ignored.`)
        else step.target = target.target
      }
      resumeAt = i + target.consumed
      continue
    }
    const intensity = INTENSITY.exec(token)
    if (intensity) {
      const value = requiredGroup(intensity, 1).toLowerCase() as StepIntensity
      if (INTENSITIES.includes(value)) step.intensity = value
      else issue(`"${token}" is not a step type. Use intensity=warmup, active, rest or cooldown.`)
      continue
    }
    const cadence = readCadence(token)
    if (cadence) {
      step.cadence = cadence
    } else if (isWord(token, 'ramp')) {
      step.ramp = true
    } else if (isWord(token, 'freeride', 'free')) {
      step.freeride = true
    } else {
      issue(
        `Coach Desk cannot read "${token}" here. Put cue text before the duration ("- Easy spin 10m 55%"); ` +
          'intervals.icu silently drops words it does not know after it.',
      )
    }
  }
}

function warnMinutesAsMetres(token: string, minutes: number, sport: string | undefined, issue: (m: string) => void): void {
  if (!sport || minutes === 0) return
  const rule = MINUTES_THAT_LOOK_LIKE_METRES.find((r) => r.sport.test(sport))
  if (rule && minutes >= rule.from) {
    issue(`"${token}" means ${minutes} minutes. For metres write ${minutes}mtr.`)
  }
}

/** True when a line without the leading dash would read as a complete step. */
export function readsAsStep(text: string, sport?: string): boolean {
  const [first] = text.trim().split(/\s+/)
  if (first === undefined || !isDurationOrDistance(first)) return false
  return parseStepLine(text, 0, sport).issues.length === 0
}
