import { z } from 'zod'
import { daysBetween } from './localDates'
import { notFarFuture } from './athleteActivity'
import { AthleteId, LocalDate } from './common'

// Fitness (CTL / ATL / form, weekly load) and wellness (the morning numbers and how the athlete feels).

/** Ranges a coach can pick: up to three years, oldest first. */
const Range = {
  athleteId: AthleteId,
  oldest: LocalDate,
  newest: LocalDate,
}
const rangeOk = (r: { oldest: string; newest: string }) => r.oldest <= r.newest
const rangeShort = (r: { oldest: string; newest: string }) => daysBetween(r.oldest, r.newest) <= 3 * 366
const RangeArgs = z
  .strictObject(Range)
  .refine(rangeOk, 'The start of the range must come before its end.')
  .refine(rangeShort, 'Pick a range of at most three years.')

export const FitnessDay = z.object({
  date: z.string(),
  ctl: z.number().nullable(),
  atl: z.number().nullable(),
  form: z.number().nullable(),
})
export type FitnessDay = z.infer<typeof FitnessDay>

export const WeekLoad = z.object({
  /** Monday of the week, in the athlete's dates. */
  monday: z.string(),
  done: z.number(),
  planned: z.number(),
  doneSecs: z.number(),
  /** Done as a % of planned; null for a week with nothing planned. */
  compliance: z.number().nullable(),
})
export type WeekLoad = z.infer<typeof WeekLoad>

export const FitnessSeries = z.object({
  athleteId: z.string(),
  days: z.array(FitnessDay),
  /** Carried forward over the planned workouts from the last day known (the athlete's today at most). */
  projection: z.array(FitnessDay),
  weeks: z.array(WeekLoad),
})
export type FitnessSeries = z.infer<typeof FitnessSeries>

export const WellnessDay = z.object({
  date: z.string(),
  weight: z.number().nullable(),
  restingHr: z.number().nullable(),
  hrv: z.number().nullable(),
  sleepSecs: z.number().nullable(),
  sleepScore: z.number().nullable(),
  soreness: z.number().nullable(),
  fatigue: z.number().nullable(),
  stress: z.number().nullable(),
  mood: z.number().nullable(),
  motivation: z.number().nullable(),
  injury: z.number().nullable(),
  comments: z.string().nullable(),
  locked: z.boolean(),
  ctl: z.number().nullable(),
  atl: z.number().nullable(),
})
export type WellnessDay = z.infer<typeof WellnessDay>

/** A bounded number or null (null clears the value on intervals.icu). */
function within(min: number, max: number, message: string, integer = false) {
  const n = z.number(message).min(min, message).max(max, message)
  return (integer ? n.int(message) : n).nullable().optional()
}

const SCALE = 'is a whole number from 1 to 4.'

/** What a coach may change on a day. Every value has a range a person can actually have. */
export const WellnessValues = z
  .strictObject({
    weight: within(20, 300, 'Weight must be between 20 and 300 kg.'),
    restingHr: within(20, 150, 'Resting HR must be between 20 and 150 bpm.', true),
    hrv: within(1, 300, 'HRV must be between 1 and 300 ms.'),
    sleepSecs: within(0, 86_400, 'Sleep must be between 0 and 24 hours.', true),
    sleepScore: within(0, 100, 'Sleep score must be between 0 and 100.', true),
    soreness: within(1, 4, `Soreness ${SCALE}`, true),
    fatigue: within(1, 4, `Fatigue ${SCALE}`, true),
    stress: within(1, 4, `Stress ${SCALE}`, true),
    mood: within(1, 4, `Mood ${SCALE}`, true),
    motivation: within(1, 4, `Motivation ${SCALE}`, true),
    injury: within(1, 4, `Injury ${SCALE}`, true),
    comments: z.string().max(2000, 'Comments are at most 2000 characters.').nullable().optional(),
    locked: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Nothing to save.')
export type WellnessValues = z.infer<typeof WellnessValues>

const WellnessDate = LocalDate.refine((d) => notFarFuture(d), 'Wellness is for days that have happened: that date is in the future.').refine(
  (d) => d >= '1990-01-01',
  'That date is too far in the past.',
)

export const athleteWellnessContract = {
  'athlete:fitness': { args: RangeArgs, result: FitnessSeries },
  'athlete:wellness': { args: RangeArgs, result: z.array(WellnessDay) },
  'athlete:updateWellness': {
    args: z.strictObject({ athleteId: AthleteId, date: WellnessDate, values: WellnessValues }),
    result: WellnessDay,
  },
  'athlete:updateWellnessBulk': {
    args: z
      .strictObject({
        athleteId: AthleteId,
        days: z
          .array(z.strictObject({ date: WellnessDate, values: WellnessValues }))
          .min(1, 'Pick at least one day.')
          .max(366, 'Edit at most a year of days at once.'),
      })
      .refine((a) => new Set(a.days.map((d) => d.date)).size === a.days.length, 'Each day can appear only once.'),
    result: z.object({ updated: z.array(z.string()) }),
  },
  'athlete:wellnessCsv': { args: RangeArgs, result: z.object({ fileName: z.string(), csv: z.string() }) },
}
