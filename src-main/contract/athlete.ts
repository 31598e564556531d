import { z } from 'zod'
import { AthleteId, LocalDate } from './common'

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

export const athleteContract = {
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
}
