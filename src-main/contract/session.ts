import { z } from 'zod'
import { ApiKey, AthleteId, KeyStorage, none } from './common'

export const SessionStatus = z.object({
  state: z.enum(['disconnected', 'connected', 'demo']),
  athleteId: z.string().nullable(),
  name: z.string().nullable(),
  keyStorage: KeyStorage.nullable(),
  keychain: z.object({ available: z.boolean(), problem: z.string().nullable() }),
  server: z.string().nullable(),
})
export type SessionStatus = z.infer<typeof SessionStatus>

/** The id as typed: spaces around it and a capital I (I12345) are forgiven. */
const TypedAthleteId = z
  .string()
  .max(40)
  .transform((s) => s.trim().replace(/^I(?=\d)/, 'i'))
  .pipe(AthleteId)

export const sessionContract = {
  'session:status': { args: none, result: SessionStatus },
  'session:testConnection': {
    args: z.strictObject({ athleteId: TypedAthleteId, apiKey: ApiKey }),
    result: z.object({ athleteId: z.string(), name: z.string() }),
  },
  'session:connect': {
    args: z.strictObject({ athleteId: TypedAthleteId, apiKey: ApiKey, storage: KeyStorage.default('keychain') }),
    result: SessionStatus,
  },
  'session:disconnect': { args: none, result: SessionStatus },
  'session:openDemo': { args: none, result: SessionStatus },
  /** Cancels every request waiting for intervals.icu (queued or backing off); none of them is sent. */
  'session:stopWaiting': { args: none, result: z.object({ cancelled: z.number().int().nonnegative() }) },
  'app:openExternal': {
    args: z.strictObject({ url: z.string().max(2048) }),
    result: z.object({ opened: z.boolean() }),
  },
}
