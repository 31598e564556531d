import { z } from 'zod'
import { AthleteId, LocalDate } from './common'

// One activity in depth: its summary and the coach's edits, intervals, streams and zones.

/** intervals.icu activity ids look like i47602392; older ones are plain numbers. */
export const ActivityId = z.string().max(20).regex(/^i?\d{1,15}$/, 'An activity id looks like i47602392.')

export const ZoneBar = z.object({
  zone: z.string(),
  name: z.string(),
  secs: z.number(),
  /** Bounds in the zone's unit (W or bpm); null where open-ended. */
  lower: z.number().nullable(),
  upper: z.number().nullable(),
})
export type ZoneBar = z.infer<typeof ZoneBar>

export const ZoneTimes = z.object({ power: z.array(ZoneBar), hr: z.array(ZoneBar) })
export type ZoneTimes = z.infer<typeof ZoneTimes>

export const IntervalRow = z.object({
  id: z.number(),
  kind: z.enum(['WORK', 'RECOVERY', 'OTHER']),
  label: z.string(),
  startSecs: z.number(),
  endSecs: z.number(),
  movingSecs: z.number().nullable(),
  distanceM: z.number().nullable(),
  avgWatts: z.number().nullable(),
  normWatts: z.number().nullable(),
  maxWatts: z.number().nullable(),
  avgHr: z.number().nullable(),
  maxHr: z.number().nullable(),
  avgCadence: z.number().nullable(),
  avgSpeed: z.number().nullable(),
  zone: z.number().nullable(),
  intensity: z.number().nullable(),
})
export type IntervalRow = z.infer<typeof IntervalRow>

export const ActivityDetail = z.object({
  id: z.string(),
  athleteId: z.string(),
  date: z.string(),
  type: z.string(),
  name: z.string(),
  description: z.string(),
  source: z.string().nullable(),
  /** False for Strava imports, which intervals.icu will not change; `readOnlyReason` says why. */
  editable: z.boolean(),
  readOnlyReason: z.string().nullable(),
  movingSecs: z.number().nullable(),
  elapsedSecs: z.number().nullable(),
  distanceM: z.number().nullable(),
  elevationM: z.number().nullable(),
  load: z.number().nullable(),
  intensity: z.number().nullable(),
  avgWatts: z.number().nullable(),
  normWatts: z.number().nullable(),
  ftp: z.number().nullable(),
  avgHr: z.number().nullable(),
  maxHr: z.number().nullable(),
  avgCadence: z.number().nullable(),
  avgSpeed: z.number().nullable(),
  calories: z.number().nullable(),
  rpe: z.number().nullable(),
  feel: z.number().nullable(),
  tags: z.array(z.string()),
  compliance: z.number().nullable(),
  pairedEventId: z.number().nullable(),
  device: z.string().nullable(),
  trainer: z.boolean(),
  streamTypes: z.array(z.string()),
  intervals: z.array(IntervalRow),
  /** Time in zones as intervals.icu computed them, where it sent them. */
  zones: ZoneTimes,
})
export type ActivityDetail = z.infer<typeof ActivityDetail>

export const STREAM_KEYS = ['watts', 'heartrate', 'cadence', 'velocity_smooth', 'altitude'] as const
export const StreamKey = z.enum(STREAM_KEYS)
export type StreamKey = z.infer<typeof StreamKey>

export const StreamSeries = z.object({
  key: StreamKey,
  /** Seconds from the start, and the samples in the API's units (W, bpm, rpm, m/s, m). */
  x: z.array(z.number()),
  y: z.array(z.number()),
})
export type StreamSeries = z.infer<typeof StreamSeries>

export const ActivityStreams = z.object({
  activityId: z.string(),
  type: z.string(),
  /** Samples recorded (1 Hz) and the window shown, in seconds from the start. */
  totalSamples: z.number(),
  fromSecs: z.number(),
  toSecs: z.number(),
  /** Samples in the window before decimation; each series has at most `maxPoints`. */
  windowSamples: z.number(),
  decimated: z.boolean(),
  /** Rolling mean applied to power, cadence and speed before decimation (0 = raw samples). */
  smoothSecs: z.number(),
  series: z.array(StreamSeries),
  /** Time in zones over the whole activity, from these same samples. */
  zones: ZoneTimes,
  /** Why intervals.icu gives no streams for this activity (a Strava import), for the coach; null otherwise. */
  unavailable: z.string().nullable(),
})
export type ActivityStreams = z.infer<typeof ActivityStreams>

const Tag = z.string().trim().min(1).max(40, 'Tags are at most 40 characters.')

export const ActivityChanges = z
  .strictObject({
    name: z.string().trim().min(1, 'Give the activity a name.').max(200, 'Names are at most 200 characters.').optional(),
    description: z.string().max(10_000, 'The description is too long.').optional(),
    rpe: z.number('RPE is a whole number from 1 to 10.').int('RPE is a whole number from 1 to 10.').min(1, 'RPE is a whole number from 1 to 10.').max(10, 'RPE is a whole number from 1 to 10.').nullable().optional(),
    feel: z.number('Feel is a whole number from 1 to 5.').int('Feel is a whole number from 1 to 5.').min(1, 'Feel is a whole number from 1 to 5.').max(5, 'Feel is a whole number from 1 to 5.').nullable().optional(),
    tags: z.array(Tag).max(20, 'At most 20 tags.').optional(),
  })
  .refine((c) => Object.keys(c).length > 0, 'Nothing to save.')
export type ActivityChanges = z.infer<typeof ActivityChanges>

export const SPORT_TYPES = ['Ride', 'VirtualRide', 'Run', 'VirtualRun', 'Swim', 'WeightTraining', 'Walk', 'Hike', 'Rowing', 'NordicSki', 'Yoga', 'Workout', 'Other'] as const

export const ManualActivity = z.strictObject({
  /** Made once per draft row by the window, so sending the same row again updates instead of duplicating. */
  externalId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'That activity has no valid reference.'),
  date: LocalDate.refine(notFarFuture, 'An activity cannot be logged more than a day ahead.'),
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Start times are written HH:mm.').optional(),
  type: z.enum(SPORT_TYPES, 'Pick a sport.'),
  name: z.string().trim().min(1, 'Give the activity a name.').max(200, 'Names are at most 200 characters.'),
  movingSecs: z.number('Give the duration in minutes.').int('Give the duration in whole seconds.').min(60, 'An activity lasts at least a minute.').max(86_400, 'An activity lasts at most 24 hours.'),
  distanceM: z.number('Distance is a number of kilometres.').min(0, 'Distance cannot be negative.').max(1_000_000, 'Distance is at most 1000 km.').optional(),
  load: z.number('Load is a number.').min(0, 'Load cannot be negative.').max(1000, 'Load is at most 1000.').optional(),
  rpe: z.number('RPE is a whole number from 1 to 10.').int('RPE is a whole number from 1 to 10.').min(1, 'RPE is a whole number from 1 to 10.').max(10, 'RPE is a whole number from 1 to 10.').optional(),
  description: z.string().max(2000, 'The description is too long.').optional(),
})
export type ManualActivity = z.infer<typeof ManualActivity>

/** Tomorrow in UTC: every athlete's today is at most that, whatever their timezone. */
export function notFarFuture(date: string, now = new Date()): boolean {
  const limit = new Date(now.getTime() + 86_400_000 + 14 * 3_600_000).toISOString().slice(0, 10)
  return date <= limit
}

export const athleteActivityContract = {
  'athlete:activity': { args: z.strictObject({ activityId: ActivityId }), result: ActivityDetail },
  'athlete:streams': {
    args: z.strictObject({
      activityId: ActivityId,
      fromSecs: z.number().int().min(0).max(7 * 86_400).optional(),
      toSecs: z.number().int().min(1).max(7 * 86_400).optional(),
      maxPoints: z.number().int().min(50).max(10_000).optional(),
      smoothSecs: z.number().int().min(0).max(120).optional(),
    }),
    result: ActivityStreams,
  },
  'athlete:streamsCsv': {
    args: z.strictObject({ activityId: ActivityId }),
    result: z.object({ fileName: z.string(), csv: z.string() }),
  },
  'athlete:updateActivity': {
    args: z.strictObject({ activityId: ActivityId, changes: ActivityChanges }),
    result: ActivityDetail,
  },
  'athlete:logManual': {
    args: z.strictObject({
      athleteId: AthleteId,
      activities: z.array(ManualActivity).min(1, 'Add at least one activity.').max(50, 'Log at most 50 activities at once.'),
    }),
    result: z.array(z.object({ externalId: z.string(), id: z.string(), name: z.string(), date: z.string() })),
  },
}
