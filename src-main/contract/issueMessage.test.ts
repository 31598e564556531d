import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { calendarContract } from './calendar'
import { issuesMessage } from './issueMessage'

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
