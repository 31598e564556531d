import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { calendarContract } from './calendar'
import { fieldLabel, issueMessage, issuesMessage, type IssueLike } from './issueMessage'

const messageFor = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value)
  if (r.success) throw new Error('expected a problem')
  return issuesMessage(r.error.issues)
}

describe('validation problems in a coach’s words', () => {
  it('rewrites the validator’s wording field by field', () => {
    const s = z.strictObject({ offsetDays: z.number().int().max(366), name: z.string().min(1).max(5), athleteIds: z.array(z.string()).min(1) })
    expect(messageFor(s, { offsetDays: 400, name: 'x', athleteIds: ['a'] })).toBe('Days can be at most 366.')
    expect(messageFor(s, { offsetDays: 1, name: '', athleteIds: [] })).toBe('Name is missing. Athletes: pick at least one.')
    expect(messageFor(s, { offsetDays: 1, name: 'toolong', athleteIds: ['a'] })).toBe('Name can be at most 5 characters.')
    expect(messageFor(s, { name: 'x', athleteIds: ['a'] })).toBe('Days is missing.')
    expect(messageFor(s, { offsetDays: 1, name: 'x', athleteIds: ['a'], extra: 1 })).toBe('Coach Desk asked for something it should not have; nothing was changed.')
  })

  it('keeps the messages the contract wrote for the coach', () => {
    const plan = calendarContract['calendar:planBulk'].args
    const m = messageFor(plan, { selection: { events: [{ athleteId: 'i1', eventId: 1 }] }, action: { kind: 'shift', days: 400 } })
    expect(m).toBe('Shifts are limited to a year either way.')
  })

  it('never shows the validator’s own wording', () => {
    const range = calendarContract['calendar:range'].args
    for (const bad of [{}, { athleteIds: 'x', oldest: 1, newest: null }, { athleteIds: [], oldest: '2026-13-01', newest: '2026-12-01' }]) {
      expect(messageFor(range, bad)).not.toMatch(/Too (big|small)|Invalid|expected|received|<=|>=/)
    }
  })
})

// Each kind of validation problem, as the coach reads it. The issues are written as the validator
// reports them (code, path, origin, limits and its own wording).

const issue = (over: Partial<IssueLike>): IssueLike => ({ code: 'custom', path: ['name'], message: 'Invalid input', ...over })
const FAULT = 'Coach Desk asked for something it should not have; nothing was changed.'

describe('a field’s name as the coach knows it', () => {
  it.each([
    ['athleteId', 'Athlete id'],
    ['athleteIds', 'Athletes'],
    ['toAthletes', 'Athletes to copy to'],
    ['apiKey', 'API key'],
    ['days', 'Days'],
    ['offsetDays', 'Days'],
    ['weekOffset', 'Week'],
    ['weekday', 'Weekday'],
    ['date', 'Date'],
    ['endDate', 'End date'],
    ['oldest', 'Start date'],
    ['newest', 'End date'],
    ['name', 'Name'],
    ['newName', 'Folder name'],
    ['description', 'Workout text'],
    ['text', 'Workout text'],
    ['type', 'Sport'],
    ['sport', 'Sport'],
    ['movingSecs', 'Duration'],
    ['loadTarget', 'Load target'],
    ['ftp', 'FTP'],
    ['indoorFtp', 'Indoor FTP'],
    ['lthr', 'LTHR'],
    ['maxHr', 'Max heart rate'],
    ['thresholdPace', 'Threshold pace'],
    ['restingHr', 'Resting heart rate'],
    ['hrv', 'HRV'],
    ['weight', 'Weight'],
    ['sleepSecs', 'Sleep'],
    ['events', 'Events'],
    ['ranges', 'Rows'],
  ])('%s is "%s"', (key, label) => {
    expect(fieldLabel(['args', key])).toBe(label)
  })

  it('is the innermost named field, past list positions', () => {
    expect(fieldLabel(['selection', 'events', 3])).toBe('Events')
    expect(fieldLabel(['ranges', 0, 'athleteId'])).toBe('Athlete id')
  })

  it('is spelled out from the field’s own name when the contract gives none', () => {
    expect(fieldLabel(['eventId'])).toBe('Event id')
    expect(fieldLabel(['targetFolderPath'])).toBe('Target folder path')
    expect(fieldLabel(['kind'])).toBe('Kind')
  })

  it('is "This" when the problem is with the whole argument', () => {
    expect(fieldLabel([])).toBe('This')
    expect(fieldLabel([0, 1])).toBe('This')
  })
})

describe('a value too big', () => {
  it('says the largest allowed, for text, lists and numbers', () => {
    expect(issueMessage(issue({ code: 'too_big', origin: 'string', maximum: 80, inclusive: true, message: 'Too big: expected string to have <=80 characters' }))).toBe('Name can be at most 80 characters.')
    expect(issueMessage(issue({ code: 'too_big', origin: 'array', path: ['athleteIds'], maximum: 200, inclusive: true, message: 'Too big' }))).toBe('Athletes: at most 200 at a time.')
    expect(issueMessage(issue({ code: 'too_big', origin: 'set', path: ['athleteIds'], maximum: 5, inclusive: true, message: 'Too big' }))).toBe('Athletes: at most 5 at a time.')
    expect(issueMessage(issue({ code: 'too_big', origin: 'number', path: ['days'], maximum: 366, inclusive: true, message: 'Too big' }))).toBe('Days can be at most 366.')
  })

  it('says the largest allowed value, not the bound, when the bound itself is excluded', () => {
    expect(issueMessage(issue({ code: 'too_big', origin: 'number', path: ['days'], maximum: 367, inclusive: false, message: 'Too big' }))).toBe('Days can be at most 366.')
    expect(issueMessage(issue({ code: 'too_big', origin: 'number', path: ['days'], maximum: 367, message: 'Too big' }))).toBe('Days can be at most 367.')
  })
})

describe('a value too small', () => {
  it('says text is missing, or how much it needs', () => {
    expect(issueMessage(issue({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, message: 'Too small' }))).toBe('Name is missing.')
    expect(issueMessage(issue({ code: 'too_small', origin: 'string', minimum: 0, inclusive: false, message: 'Too small' }))).toBe('Name is missing.')
    expect(issueMessage(issue({ code: 'too_small', origin: 'string', minimum: 2, inclusive: true, message: 'Too small' }))).toBe('Name needs at least 2 characters.')
    expect(issueMessage(issue({ code: 'too_small', origin: 'string', minimum: 1, inclusive: false, message: 'Too small' }))).toBe('Name needs at least 2 characters.')
  })

  it('asks to pick one or more from a list', () => {
    expect(issueMessage(issue({ code: 'too_small', origin: 'array', path: ['athleteIds'], minimum: 1, inclusive: true, message: 'Too small' }))).toBe('Athletes: pick at least one.')
    expect(issueMessage(issue({ code: 'too_small', origin: 'set', path: ['athleteIds'], minimum: 3, inclusive: true, message: 'Too small' }))).toBe('Athletes: pick at least 3.')
    expect(issueMessage(issue({ code: 'too_small', origin: 'array', path: ['athleteIds'], minimum: 2, inclusive: true, message: 'Too small' }))).toBe('Athletes: pick at least 2.')
  })

  it('says the smallest number allowed', () => {
    expect(issueMessage(issue({ code: 'too_small', origin: 'number', path: ['ftp'], minimum: 50, inclusive: true, message: 'Too small' }))).toBe('FTP must be at least 50.')
    expect(issueMessage(issue({ code: 'too_small', origin: 'number', path: ['ftp'], minimum: 0, inclusive: false, message: 'Too small' }))).toBe('FTP must be at least 1.')
  })
})

describe('other problems', () => {
  it('says a field is missing when nothing was sent for it, and not valid otherwise', () => {
    expect(issueMessage(issue({ code: 'invalid_type', path: ['date'], message: 'Invalid input: expected string, received undefined' }))).toBe('Date is missing.')
    expect(issueMessage(issue({ code: 'invalid_type', path: ['date'], message: 'Invalid input: expected string, received number' }))).toBe('Date is not valid.')
  })

  it('calls a field the contract does not know a fault of Coach Desk’s', () => {
    expect(issueMessage(issue({ code: 'unrecognized_keys', path: [], message: 'Unrecognized key: "extra"' }))).toBe(FAULT)
  })

  it('says the field is not valid for any other kind of problem', () => {
    expect(issueMessage(issue({ code: 'invalid_format', path: ['date'], message: 'Invalid string: must match pattern' }))).toBe('Date is not valid.')
    expect(issueMessage(issue({ code: 'invalid_value', path: ['sport'], message: 'Expected one of Ride, Run' }))).toBe('Sport is not valid.')
  })

  it('passes on a sentence the contract wrote for the coach, whatever the kind', () => {
    for (const code of ['too_big', 'too_small', 'invalid_type', 'custom']) {
      expect(issueMessage(issue({ code, origin: 'number', maximum: 366, minimum: 0, message: 'Shifts are limited to a year either way.' }))).toBe('Shifts are limited to a year either way.')
    }
    // Only the validator's wording at the very start is rewritten.
    expect(issueMessage(issue({ code: 'custom', message: 'Dates are written yyyy-MM-dd. Invalid dates are refused.' }))).toBe('Dates are written yyyy-MM-dd. Invalid dates are refused.')
  })
})

describe('several problems at once', () => {
  it('says each once, at most three, in the order found', () => {
    const missing = issue({ code: 'invalid_type', path: ['date'], message: 'Invalid input: expected string, received undefined' })
    const msgs = ['First.', 'Second.', 'Third.', 'Fourth.'].map((message) => issue({ message }))
    expect(issuesMessage([missing, missing, msgs[0]!])).toBe('Date is missing. First.')
    expect(issuesMessage(msgs)).toBe('First. Second. Third.')
  })

  it('still says something when the validator gave no detail', () => {
    expect(issuesMessage([])).toBe(FAULT)
  })
})
