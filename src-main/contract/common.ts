import { z } from 'zod'

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
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'Not a real date.')

/** Channels that take no arguments still get an object, and nothing in it. */
export const none = z.strictObject({})



export const KeyStorage = z.enum(['keychain', 'memory'])
