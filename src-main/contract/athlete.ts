import { z } from 'zod'
import { athleteActivityContract } from './athleteActivity'
import { SportSettingsView, athleteSettingsContract } from './athleteSettings'
import { athleteWellnessContract } from './athleteWellness'
import { AthleteId, LocalDate } from './common'

export * from './athleteActivity'
export * from './athleteSettings'
export * from './athleteWellness'

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
  /** Fitness (CTL), fatigue (ATL) and form on the athlete's today, from that day's wellness record. */
  fitness: z.number().nullable(),
  fatigue: z.number().nullable(),
  form: z.number().nullable(),
  /** The coach may change this athlete's data (intervals.icu WRITE access). */
  canEdit: z.boolean(),
  sports: z.array(SportSettingsView),
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
  /** Load done as a % of the matched planned workout's; null when nothing was planned. */
  compliance: z.number().nullable(),
  pairedEventId: z.number().nullable(),
  source: z.string().nullable(),
  /** A Strava import: intervals.icu shows only its date (Strava's terms). */
  stub: z.boolean(),
})
export type ActivityRow = z.infer<typeof ActivityRow>

export const athleteContract = {
  'athlete:get': { args: z.strictObject({ athleteId: AthleteId }), result: AthleteProfile },
  'athlete:activities': {
    args: z
      .strictObject({
        athleteId: AthleteId,
        oldest: LocalDate,
        newest: LocalDate.optional(),
        limit: z.number().int().min(1).max(5000).optional(),
      })
      .refine((a) => !a.newest || a.oldest <= a.newest, 'The start of the range must come before its end.'),
    result: z.array(ActivityRow),
  },
  ...athleteActivityContract,
  ...athleteWellnessContract,
  ...athleteSettingsContract,
}
