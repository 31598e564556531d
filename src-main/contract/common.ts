import { z } from 'zod'
import { daysBetween } from './localDates'

// Arguments are strict (unknown keys rejected) and bounded, because they come from the renderer.
export const AthleteId = z
  .string()
  .max(16)
  .regex(/^(i\d{1,12}|\d{1,12})$/, 'An athlete id looks like i12345 (or a plain number for older accounts).')
export const ApiKey = z
  .string()
  .min(8, 'The API key is too short.')
  .max(128, 'The API key is too long.')
  .regex(/^[\x21-\x7e]+$/, 'The API key has characters that are not allowed.')
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates are written yyyy-MM-dd.')
  // Date.parse rolls 2026-02-31 over to March: only a date that reads back the same is real.
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`)
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
  }, 'Not a real date.')


/** A date range in order and no longer than `maxDays`. */
export function orderedRange<T extends { oldest: string; newest: string }>(maxDays: number) {
  return [
    (r: T) => daysBetween(r.oldest, r.newest) >= 0 && daysBetween(r.oldest, r.newest) < maxDays,
    `A range ends on or after its start and spans at most ${maxDays} days.`,
  ] as const
}

/**
 * The same athlete, event or range twice in one argument means it once: repeated ids from the window
 * are dropped here, so nothing downstream acts on one of them twice (one assign to [a, a, a] makes
 * one event).
 */
export function distinct<T extends z.ZodType>(items: z.ZodArray<T>) {
  return items.transform((list) => {
    const seen = new Set<string>()
    return list.filter((item) => {
      const key = JSON.stringify(item)
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
  })
}

/** Channels that take no arguments still get an object, and nothing in it. */
export const none = z.strictObject({})



export const KeyStorage = z.enum(['keychain', 'memory'])
