import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ApiKey, AthleteId, KeyStorage, LocalDate, distinct, none, orderedRange } from './common'

// The shared pieces every channel's arguments are built from: what the window may send, and the
// sentence the coach reads when it sends something else.

const problem = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value)
  return r.success ? null : r.error.issues.map((i) => i.message).join(' | ')
}

describe('an athlete id', () => {
  it.each(['i1', 'i123456789012', '1', '123456789012'])('%s is taken', (id) => {
    expect(problem(AthleteId, id)).toBeNull()
  })
  it.each(['', 'i', 'i1234567890123', '1234567890123', 'xi12', 'i12x', 'i12 ', 'I12', 'i-1', 'ii12', 'a1'])('%j is refused with an example of one', (id) => {
    expect(problem(AthleteId, id)).toBe('An athlete id looks like i12345 (or a plain number for older accounts).')
  })
})

describe('an API key', () => {
  it('is taken from 8 to 128 printable characters, the edges included', () => {
    expect(problem(ApiKey, '!'.repeat(8))).toBeNull()
    expect(problem(ApiKey, '~'.repeat(128))).toBeNull()
    expect(problem(ApiKey, 'aZ09!~"\\{}')).toBeNull()
  })
  it('is refused when too short or too long, saying which', () => {
    expect(problem(ApiKey, 'a'.repeat(7))).toBe('The API key is too short.')
    expect(problem(ApiKey, 'a'.repeat(129))).toBe('The API key is too long.')
  })
  it.each([
    ['a space', 'abcd efgh'],
    ['a tab', 'abcdefgh\t'],
    ['a line break at the start', '\nabcdefgh'],
    ['a letter beyond ASCII', 'abcdéfgh'],
    ['a control character', 'abcdefgh\x7f'],
  ])('is refused when it holds %s', (_, key) => {
    expect(problem(ApiKey, key)).toBe('The API key has characters that are not allowed.')
  })
})

describe('a local date', () => {
  it('is taken as yyyy-MM-dd, a leap day included', () => {
    expect(problem(LocalDate, '2026-12-03')).toBeNull()
    expect(problem(LocalDate, '2028-02-29')).toBeNull()
  })
  it.each(['2026-2-03', '26-02-03', '2026-02-03T00:00:00', ' 2026-02-03', '2026/02/03', 'today', '20260-02-03'])('%j is refused with how dates are written', (d) => {
    expect(problem(LocalDate, d)).toMatch(/^Dates are written yyyy-MM-dd\./)
  })
  it.each(['2026-02-31', '2027-02-29', '2026-13-01', '2026-00-10', '2026-04-31'])('%s, which is on no calendar, is refused as not a real date', (d) => {
    expect(problem(LocalDate, d)).toBe('Not a real date.')
  })
})

describe('a date range', () => {
  const Week = z.strictObject({ oldest: LocalDate, newest: LocalDate }).refine(...orderedRange(7))

  it('is taken from one day up to the longest span allowed', () => {
    expect(problem(Week, { oldest: '2026-12-03', newest: '2026-12-03' })).toBeNull()
    expect(problem(Week, { oldest: '2026-11-30', newest: '2026-12-06' })).toBeNull()
  })
  it('is refused when it ends before it starts, or spans more days than allowed', () => {
    const said = 'A range ends on or after its start and spans at most 7 days.'
    expect(problem(Week, { oldest: '2026-12-03', newest: '2026-12-02' })).toBe(said)
    expect(problem(Week, { oldest: '2026-11-30', newest: '2026-12-07' })).toBe(said)
  })
})

describe('a list that names the same thing twice', () => {
  it('means it once, in the order first named', () => {
    const Ids = distinct(z.array(z.object({ athleteId: z.string(), eventId: z.number() })))
    const list = [
      { athleteId: 'i2', eventId: 1 },
      { athleteId: 'i1', eventId: 1 },
      { athleteId: 'i2', eventId: 1 },
      { athleteId: 'i2', eventId: 2 },
    ]
    expect(Ids.parse(list)).toEqual([list[0], list[1], list[3]])
    expect(distinct(z.array(z.string())).parse(['i1', 'i1', 'i1'])).toEqual(['i1'])
  })
})

describe('channels without arguments, and where the key is kept', () => {
  it('take an empty object and nothing in it', () => {
    expect(none.safeParse({}).success).toBe(true)
    expect(none.safeParse({ athleteId: 'i1' }).success).toBe(false)
  })
  it('keep the key in the keychain or in memory only', () => {
    expect(KeyStorage.options).toEqual(['keychain', 'memory'])
    expect(KeyStorage.safeParse('file').success).toBe(false)
  })
})
