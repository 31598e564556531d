import { z } from 'zod'
import type { Channel } from './channels'

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

const none = z.strictObject({})

export const KeyStorage = z.enum(['keychain', 'memory'])

export const SessionStatus = z.object({
  state: z.enum(['disconnected', 'connected', 'demo']),
  athleteId: z.string().nullable(),
  name: z.string().nullable(),
  keyStorage: KeyStorage.nullable(),
  keychain: z.object({ available: z.boolean(), problem: z.string().nullable() }),
  server: z.string().nullable(),
})
export type SessionStatus = z.infer<typeof SessionStatus>

export const RosterRow = z.object({
  id: z.string(),
  name: z.string(),
  avatarUrl: z.string().nullable(),
  sports: z.array(z.string()),
  timezone: z.string(),
  today: z.string(),
  fitness: z.number().nullable(),
  fatigue: z.number().nullable(),
  form: z.number().nullable(),
  rampRate: z.number().nullable(),
  weekLoadDone: z.number(),
  weekTimeDone: z.number(),
  lastActiveWeek: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string(),
  permission: z.enum(['NONE', 'READ', 'WRITE']).nullable(),
  isSelf: z.boolean(),
})
export type RosterRow = z.infer<typeof RosterRow>

export const RosterList = z.object({
  athletes: z.array(RosterRow),
  fetchedAt: z.string(),
  source: z.enum(['athletes', 'athlete-summary']),
})
export type RosterList = z.infer<typeof RosterList>

export const WeekDetail = z.object({
  athleteId: z.string(),
  plannedLoad: z.number(),
  plannedSecs: z.number(),
  plannedCount: z.number(),
  lastActivity: z
    .object({ date: z.string(), type: z.string(), name: z.string(), load: z.number().nullable() })
    .nullable(),
  error: z.string().nullable(),
})
export type WeekDetail = z.infer<typeof WeekDetail>

export const SportSummary = z.object({
  types: z.array(z.string()),
  ftp: z.number().nullable(),
  indoorFtp: z.number().nullable(),
  lthr: z.number().nullable(),
  maxHr: z.number().nullable(),
  thresholdPace: z.number().nullable(),
  paceUnits: z.string().nullable(),
})

export const AthleteProfile = z.object({
  id: z.string(),
  name: z.string(),
  avatarUrl: z.string().nullable(),
  timezone: z.string(),
  today: z.string(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  sex: z.string().nullable(),
  weight: z.number().nullable(),
  restingHr: z.number().nullable(),
  tags: z.array(z.string()),
  notes: z.string(),
  sports: z.array(SportSummary),
})
export type AthleteProfile = z.infer<typeof AthleteProfile>

export const ActivityRow = z.object({
  id: z.string(),
  date: z.string(),
  type: z.string(),
  name: z.string(),
  movingSecs: z.number().nullable(),
  distanceM: z.number().nullable(),
  load: z.number().nullable(),
  intensity: z.number().nullable(),
  avgWatts: z.number().nullable(),
  normWatts: z.number().nullable(),
  avgHr: z.number().nullable(),
  rpe: z.number().nullable(),
})
export type ActivityRow = z.infer<typeof ActivityRow>

export const contract = {
  'session:status': { args: none, result: SessionStatus },
  'session:testConnection': {
    args: z.strictObject({ athleteId: AthleteId, apiKey: ApiKey }),
    result: z.object({ athleteId: z.string(), name: z.string() }),
  },
  'session:connect': {
    args: z.strictObject({ athleteId: AthleteId, apiKey: ApiKey, storage: KeyStorage.default('keychain') }),
    result: SessionStatus,
  },
  'session:disconnect': { args: none, result: SessionStatus },
  'session:openDemo': { args: none, result: SessionStatus },
  'roster:list': { args: z.strictObject({ refresh: z.boolean().optional() }), result: RosterList },
  'roster:weekDetails': {
    args: z.strictObject({ athleteIds: z.array(AthleteId).min(1).max(500) }),
    result: z.array(WeekDetail),
  },
  'athlete:get': { args: z.strictObject({ athleteId: AthleteId }), result: AthleteProfile },
  'athlete:activities': {
    args: z.strictObject({
      athleteId: AthleteId,
      oldest: LocalDate,
      newest: LocalDate.optional(),
      limit: z.number().int().min(1).max(5000).optional(),
    }),
    result: z.array(ActivityRow),
  },
  'app:openExternal': {
    args: z.strictObject({ url: z.string().max(2048) }),
    result: z.object({ opened: z.boolean() }),
  },
} satisfies Record<Channel, { args: z.ZodType; result: z.ZodType }>

export const eventPayloads = {
  'session:changed': SessionStatus,
  'roster:detail': WeekDetail,
  'icu:retrying': z.object({ delaySecs: z.number(), reason: z.string() }),
}

export type Contract = typeof contract
export type ArgsOf<C extends Channel> = z.input<Contract[C]['args']>
export type ParsedArgsOf<C extends Channel> = z.output<Contract[C]['args']>
export type ResultOf<C extends Channel> = z.output<Contract[C]['result']>
export type EventPayloadOf<E extends keyof typeof eventPayloads> = z.output<(typeof eventPayloads)[E]>
