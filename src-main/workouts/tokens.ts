import { requiredGroup } from './requiredGroup'
import type { PaceUnits } from './types'

// Single tokens of the intervals.icu step syntax. Each reader returns undefined when the token is not of its
// kind, so the step reader can try them in turn.

const NUM = String.raw`\d+(?:\.\d+)?`
const HMS = new RegExp(`^(?:(${NUM})h)?(?:(${NUM})m)?(?:(${NUM})s)?$`, 'i')
// Typographic quotes come in with text pasted from word processors.
const QUOTED = /^(?:(\d+)['’′])?(?:(\d+)["”″])?$/
const DISTANCE = new RegExp(`^(${NUM})(mtr|km|mi|yrd)$`, 'i')

const METRES_PER = { mtr: 1, km: 1000, mi: 1609.344, yrd: 0.9144 } as const

function isDistanceUnit(unit: string): unit is keyof typeof METRES_PER {
  return Object.hasOwn(METRES_PER, unit)
}

export interface DurationToken {
  secs: number
  /** True for a bare minutes token such as `400m`, which is easy to mistake for metres. */
  minutesOnly: boolean
  minutes: number
}

export function readDuration(token: string): DurationToken | undefined {
  const hms = HMS.exec(token)
  if (hms && (hms[1] || hms[2] || hms[3])) {
    const amount = (v: string | undefined): number => (v ? Number(v) : 0)
    const [h, m, s] = [amount(hms[1]), amount(hms[2]), amount(hms[3])]
    return { secs: Math.round(h * 3600 + m * 60 + s), minutesOnly: !hms[1] && !hms[3], minutes: m }
  }
  const quoted = QUOTED.exec(token)
  if (quoted && (quoted[1] || quoted[2])) {
    const m = Number(quoted[1] ?? 0)
    return { secs: m * 60 + Number(quoted[2] ?? 0), minutesOnly: false, minutes: m }
  }
  return undefined
}

export function readDistance(token: string): number | undefined {
  const match = DISTANCE.exec(token)
  const unit = match ? requiredGroup(match, 2).toLowerCase() : ''
  if (!match || !isDistanceUnit(unit)) return undefined
  return Number(match[1]) * METRES_PER[unit]
}

export interface Range {
  start: number
  end?: number
}

function range(start: string, end: string | undefined): Range {
  return end === undefined ? { start: Number(start) } : { start: Number(start), end: Number(end) }
}

const PERCENT = new RegExp(`^(${NUM})%?(?:-(${NUM}))?%$`)
const PERCENT_SINGLE = new RegExp(`^(${NUM})%$`)

/** `75%`, `88-94%`, `50%-75%`. */
export function readPercent(token: string): Range | undefined {
  const single = PERCENT_SINGLE.exec(token)
  if (single) return range(requiredGroup(single, 1), undefined)
  const match = PERCENT.exec(token)
  if (!match || match[2] === undefined) return undefined
  return range(requiredGroup(match, 1), match[2])
}

const WATTS = /^(\d+)(?:w?-(\d+))?w$/i

/** `220w`, `200-240w`, `200w-240w`. */
export function readWatts(token: string): Range | undefined {
  const match = WATTS.exec(token)
  return match ? range(requiredGroup(match, 1), match[2]) : undefined
}

const ZONE = /^z([1-7])(?:-z([1-7]))?$/i

/** `Z2`, `Z3-Z4`. */
export function readZone(token: string): Range | undefined {
  const match = ZONE.exec(token)
  return match ? range(requiredGroup(match, 1), match[2]) : undefined
}

export function isCustomZone(token: string): boolean {
  return /^cz\d+(?:-cz\d+)?$/i.test(token)
}

const BPM = /^(\d+)(?:-(\d+))?bpm$/i

export function readBpm(token: string): Range | undefined {
  const match = BPM.exec(token)
  return match ? range(requiredGroup(match, 1), match[2]) : undefined
}

const RPM = /^(\d+)(?:-(\d+))?rpm$/i

export function readCadence(token: string): Range | undefined {
  const match = RPM.exec(token)
  return match ? range(requiredGroup(match, 1), match[2]) : undefined
}

const PACE_UNITS: Record<string, PaceUnits> = {
  '/km': 'secs_per_km',
  '/mi': 'secs_per_mi',
  '/100m': 'secs_per_100m',
  '/100y': 'secs_per_100y',
  '/500m': 'secs_per_500m',
  '/400m': 'secs_per_400m',
  '/250m': 'secs_per_250m',
}

const PACE = /^(\d{1,2}):([0-5]\d)(\/[a-z0-9]+)?(?:-(\d{1,2}):([0-5]\d)(\/[a-z0-9]+)?)?$/i

export type PaceToken = { range: Range; units?: PaceUnits } | { unknownUnit: string }

/** `5:00/km`, `4:50-5:00/km`, `3:00/100m-4:00/100m`, or `5:00` (the sport's default unit). */
export function readPace(token: string): PaceToken | undefined {
  const match = PACE.exec(token)
  if (!match) return undefined
  const unitText = (match[6] ?? match[3])?.toLowerCase()
  const units = unitText === undefined ? undefined : PACE_UNITS[unitText]
  if (unitText !== undefined && units === undefined) return { unknownUnit: unitText }
  const start = Number(match[1]) * 60 + Number(match[2])
  const end = match[4] === undefined ? undefined : Number(match[4]) * 60 + Number(match[5])
  return { range: end === undefined ? { start } : { start, end }, units }
}

/** Where intervals.icu falls back to the sport's own unit when the text names none. */
export function defaultPaceUnits(sport: string | undefined): PaceUnits {
  return sport && /swim/i.test(sport) ? 'secs_per_100m' : 'secs_per_km'
}

export function isWord(token: string | undefined, ...words: string[]): boolean {
  return token !== undefined && words.includes(token.toLowerCase())
}
