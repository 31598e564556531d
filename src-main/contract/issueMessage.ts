// Validation problems as a coach reads them: the field's name and what it takes, never the validator's own
// wording ("Too big: expected number to be <=366"). Messages the contract wrote for a field pass through.

export interface IssueLike {
  code: string
  path: readonly PropertyKey[]
  message: string
  origin?: string
  minimum?: number | bigint
  maximum?: number | bigint
  inclusive?: boolean
}

/** The validator's own wording starts like this; anything else was written for the coach in the contract. */
const DEFAULT_WORDING = /^(Too (big|small)|Invalid|Unrecognized|Expected)/

/** Field names as a coach knows them. */
const LABELS: Record<string, string> = {
  athleteId: 'Athlete id',
  athleteIds: 'Athletes',
  toAthletes: 'Athletes to copy to',
  apiKey: 'API key',
  days: 'Days',
  offsetDays: 'Days',
  weekOffset: 'Week',
  weekday: 'Weekday',
  date: 'Date',
  endDate: 'End date',
  oldest: 'Start date',
  newest: 'End date',
  name: 'Name',
  newName: 'Folder name',
  description: 'Workout text',
  text: 'Workout text',
  type: 'Sport',
  sport: 'Sport',
  movingSecs: 'Duration',
  loadTarget: 'Load target',
  ftp: 'FTP',
  indoorFtp: 'Indoor FTP',
  lthr: 'LTHR',
  maxHr: 'Max heart rate',
  thresholdPace: 'Threshold pace',
  restingHr: 'Resting heart rate',
  hrv: 'HRV',
  weight: 'Weight',
  sleepSecs: 'Sleep',
  events: 'Events',
  ranges: 'Rows',
}

export function fieldLabel(path: readonly PropertyKey[]): string {
  const key = [...path].reverse().find((p): p is string => typeof p === 'string')
  if (!key) return 'This'
  return LABELS[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase()).replace(/ ([A-Z])/g, (_, c: string) => ` ${c.toLowerCase()}`)
}

export function issueMessage(issue: IssueLike): string {
  if (!DEFAULT_WORDING.test(issue.message)) return issue.message
  const label = fieldLabel(issue.path)
  const limit = (v: number | bigint | undefined, inclusive = true, step: 1 | -1) => (inclusive ? Number(v) : Number(v) + step)
  switch (issue.code) {
    case 'too_big': {
      const max = limit(issue.maximum, issue.inclusive, -1)
      if (issue.origin === 'string') return `${label} can be at most ${max} characters.`
      if (issue.origin === 'array' || issue.origin === 'set') return `${label}: at most ${max} at a time.`
      return `${label} can be at most ${max}.`
    }
    case 'too_small': {
      const min = limit(issue.minimum, issue.inclusive, 1)
      if (issue.origin === 'string') return min <= 1 ? `${label} is missing.` : `${label} needs at least ${min} characters.`
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? `${label}: pick at least one.` : `${label}: pick at least ${min}.`
      return `${label} must be at least ${min}.`
    }
    case 'invalid_type':
      return /received undefined/.test(issue.message) ? `${label} is missing.` : `${label} is not valid.`
    case 'unrecognized_keys':
      // Only a fault in Coach Desk itself sends a field the contract does not know.
      return 'Coach Desk asked for something it should not have; nothing was changed.'
    default:
      return `${label} is not valid.`
  }
}

/** Up to three problems, one sentence each, field by field. */
export function issuesMessage(issues: readonly IssueLike[]): string {
  const lines = [...new Set(issues.map(issueMessage))]
  return lines.slice(0, 3).join(' ') || 'Coach Desk asked for something it should not have; nothing was changed.'
}
