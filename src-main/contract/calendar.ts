import { z } from 'zod'
import { AthleteId, distinct, LocalDate, none, orderedRange } from './common'
import { MAX_RANGE_ATHLETES } from './limits'

/** The most events one bulk action may touch: a safety cap, well above a month for fifty athletes. */
export const MAX_BULK_EVENTS = 5000
/** Shifts and date offsets beyond a year are refused as mistakes. */
export const MAX_SHIFT_DAYS = 366

export const EVENT_CATEGORIES = [
  'WORKOUT',
  'RACE_A',
  'RACE_B',
  'RACE_C',
  'NOTE',
  'PLAN',
  'HOLIDAY',
  'SICK',
  'INJURED',
  'SET_EFTP',
  'FITNESS_DAYS',
  'SEASON_START',
  'TARGET',
  'SET_FITNESS',
] as const
export const EventCategory = z.enum(EVENT_CATEGORIES)

const Sport = z.string().regex(/^[A-Za-z]{2,32}$/, 'Not a sport intervals.icu knows.')
const EventName = z.string().trim().min(1, 'Give the event a name.').max(200, 'Names are at most 200 characters.')
const Description = z.string().max(20_000, 'The description is too long.')
const EventId = z.number().int().positive().max(2 ** 31 - 1)
/**
 * The coach said yes to an event's date before their today or more than a year ahead (unlikelyDates): main
 * refuses to create an event on such a date, or move one to it, without it.
 */
const ConfirmDate = z.boolean().optional()

export const CalEvent = z.object({
  id: z.number(),
  uid: z.string().nullable(),
  athleteId: z.string(),
  category: z.string(),
  date: z.string(),
  endDate: z.string().nullable(),
  name: z.string(),
  description: z.string(),
  type: z.string().nullable(),
  movingSecs: z.number().nullable(),
  load: z.number().nullable(),
  hidden: z.boolean(),
  locked: z.boolean(),
  doneActivityId: z.string().nullable(),
})
export type CalEvent = z.infer<typeof CalEvent>

export const CalActivity = z.object({
  id: z.string(),
  athleteId: z.string(),
  date: z.string(),
  type: z.string(),
  name: z.string(),
  movingSecs: z.number().nullable(),
  load: z.number().nullable(),
  pairedEventId: z.number().nullable(),
})
export type CalActivity = z.infer<typeof CalActivity>

export const CalendarRow = z.object({
  athleteId: z.string(),
  oldest: z.string(),
  newest: z.string(),
  events: z.array(CalEvent),
  activities: z.array(CalActivity),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** When this data came from intervals.icu (ISO); the oldest week's time when the row spans several. */
  loadedAt: z.string().nullable().optional(),
  /** Set when a refresh failed and this is the last good data, kept on screen: why it could not be refreshed. */
  stale: z.object({ code: z.string(), message: z.string() }).nullable().optional(),
})
export type CalendarRow = z.infer<typeof CalendarRow>

export const EventRef = z.strictObject({ athleteId: AthleteId, eventId: EventId })
export type EventRef = z.infer<typeof EventRef>

export const DayRange = z
  .strictObject({ athleteId: AthleteId, oldest: LocalDate, newest: LocalDate })
  .refine(...orderedRange(MAX_SHIFT_DAYS))

export const Selection = z
  .strictObject({
    events: distinct(z.array(EventRef).max(MAX_BULK_EVENTS, `A bulk action can touch at most ${MAX_BULK_EVENTS} events.`)).default([]),
    /** Whole days of whole athletes: hide/show and lock/unlock use one range request each. */
    ranges: distinct(z.array(DayRange).max(500)).default([]),
  })
  .refine((s) => s.events.length + s.ranges.length > 0, 'Select at least one event first.')

const Days = z
  .number()
  .int()
  .min(-MAX_SHIFT_DAYS, 'Shifts are limited to a year either way.')
  .max(MAX_SHIFT_DAYS, 'Shifts are limited to a year either way.')

/** How new workouts meet the ones already planned on their days. */
export const PLACEMENT_CHOICES = ['alongside', 'replace', 'skip'] as const
export const PlacementChoice = z.enum(PLACEMENT_CHOICES)
export type PlacementChoice = z.infer<typeof PlacementChoice>

export const BulkAction = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('hide') }),
  z.strictObject({ kind: z.literal('show') }),
  z.strictObject({ kind: z.literal('lock') }),
  z.strictObject({ kind: z.literal('unlock') }),
  z.strictObject({ kind: z.literal('delete') }),
  z.strictObject({ kind: z.literal('shift'), days: Days.refine((d) => d !== 0, 'Shift by at least one day.') }),
  z.strictObject({ kind: z.literal('rename'), name: EventName }),
  z.strictObject({ kind: z.literal('setSport'), sport: Sport }),
  z.strictObject({
    kind: z.literal('copy'),
    toAthletes: distinct(z.array(AthleteId).min(1).max(500)),
    offsetDays: Days,
    /** Beside the workouts already on the target days (the default), instead of them, or not on such days. */
    placement: PlacementChoice.optional(),
  }),
])
export type BulkAction = z.infer<typeof BulkAction>

export const EventFields = z.strictObject({
  name: EventName,
  category: EventCategory,
  date: LocalDate,
  endDate: LocalDate.nullable().optional(),
  type: Sport.nullable().optional(),
  description: Description.optional(),
  movingSecs: z.number().int().min(0).max(7 * 86_400).nullable().optional(),
  hidden: z.boolean().optional(),
  locked: z.boolean().optional(),
  /** A TARGET event's training load for its period. */
  loadTarget: z.number().int().min(0).max(10_000).nullable().optional(),
})
export type EventFields = z.infer<typeof EventFields>

export const ChangeKind = z.enum(['update', 'create', 'delete', 'range'])

export const PlannedChange = z.object({
  athleteId: z.string(),
  kind: ChangeKind,
  eventId: z.number().nullable(),
  name: z.string(),
  date: z.string(),
  summary: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
})
export type PlannedChange = z.infer<typeof PlannedChange>

/** One athlete's day that new events land on, and what is planned there already. */
export const PlannedAlready = z.object({
  athleteId: z.string(),
  date: z.string(),
  events: z.array(z.object({ id: z.number(), category: z.string(), name: z.string(), type: z.string().nullable() })),
})
export type PlannedAlready = z.infer<typeof PlannedAlready>

export const PlacementWarning = z.object({
  /** Null when it is about the workout itself, whoever gets it. */
  athleteId: z.string().nullable(),
  kind: z.enum(['noSportSettings', 'notTheirSport', 'dayOff', 'past', 'farAhead', 'prose']),
  message: z.string(),
  /** Dates in the past or more than a year ahead go on only once the coach confirms them. */
  needsConfirm: z.boolean(),
})
export type PlacementWarning = z.infer<typeof PlacementWarning>

export const Placement = z.object({
  choice: PlacementChoice,
  existing: z.array(PlannedAlready),
  warnings: z.array(PlacementWarning),
})
export type Placement = z.infer<typeof Placement>

export const BulkPlan = z.object({
  planId: z.string(),
  title: z.string(),
  changes: z.array(PlannedChange),
  perAthlete: z.array(z.object({ athleteId: z.string(), name: z.string(), changes: z.number(), requests: z.number() })),
  skipped: z.array(z.object({ athleteId: z.string(), eventId: z.number().nullable(), reason: z.string() })),
  requests: z.number(),
  /**
   * For new events (assign, template, library drop, copy): what is already on their days, and what to watch. A shift
   * that moves events onto a past day or over a year ahead has one too: only those warnings, with `needsConfirm`.
   */
  placement: Placement.optional(),
})
export type BulkPlan = z.infer<typeof BulkPlan>

/**
 * done: it landed; failed: it did not (intervals.icu was asked); changed: left out, the event
 * changed on intervals.icu since the preview; notSent: cancelled before it was sent; unknown: the
 * answer was lost and intervals.icu could not be asked yet (checked again later).
 */
export const ItemStatus = z.enum(['done', 'failed', 'changed', 'notSent', 'unknown'])

export const ItemResult = z.object({
  athleteId: z.string(),
  eventId: z.number().nullable(),
  name: z.string(),
  ok: z.boolean(),
  status: ItemStatus,
  error: z.string().nullable(),
})

export const BulkReport = z.object({
  planId: z.string(),
  title: z.string(),
  results: z.array(ItemResult),
  succeeded: z.number(),
  failed: z.number(),
  cancelled: z.boolean(),
  undoable: z.boolean(),
})
export type BulkReport = z.infer<typeof BulkReport>

/** A bulk job cut short (a crash, a quit mid-way), as read back from intervals.icu. */
export const JobSummary = z.object({
  jobId: z.string(),
  title: z.string(),
  startedAt: z.string(),
  landed: z.number(),
  notLanded: z.number(),
  unknown: z.number(),
  changed: z.number(),
})
export type JobSummary = z.infer<typeof JobSummary>

export const BulkHistory = z.object({
  undo: z.object({ jobId: z.string(), title: z.string() }).nullable(),
  interrupted: z.array(JobSummary),
})
export type BulkHistory = z.infer<typeof BulkHistory>

export const BulkProgress = z.object({ planId: z.string(), done: z.number(), total: z.number() })

export const DayWellness = z.object({
  athleteId: z.string(),
  date: z.string(),
  sleepSecs: z.number().nullable(),
  sleepScore: z.number().nullable(),
  hrv: z.number().nullable(),
  restingHr: z.number().nullable(),
  /** The athlete's own mean over the four weeks before this day: HRV and resting HR read against it. */
  hrvBaseline: z.number().nullable(),
  restingHrBaseline: z.number().nullable(),
  fatigue: z.number().nullable(),
  soreness: z.number().nullable(),
  mood: z.number().nullable(),
  comments: z.string().nullable(),
  error: z.string().nullable(),
})
export type DayWellness = z.infer<typeof DayWellness>

export const calendarContract = {
  'calendar:dayWellness': {
    /** A date the coach picked for every row, or each athlete's own today plus `offsetDays` (0 without either). */
    args: z.strictObject({
      athleteIds: distinct(z.array(AthleteId).min(1).max(MAX_RANGE_ATHLETES)),
      date: LocalDate.optional(),
      offsetDays: z.number().int().min(-366, 'Pick a day within a year.').max(366, 'Pick a day within a year.').optional(),
    }),
    result: z.array(DayWellness),
  },
  /** At most MAX_RANGE_ATHLETES per call: the window sends a longer roster in chunks. */
  'calendar:range': {
    args: z.strictObject({
      athleteIds: distinct(z.array(AthleteId).min(1).max(MAX_RANGE_ATHLETES)),
      oldest: LocalDate,
      newest: LocalDate,
      refresh: z.boolean().optional(),
    })
    // The grid shows up to twelve weeks (the overview); sixteen leaves room without letting one call walk years.
    .refine(...orderedRange(16 * 7)),
    result: z.array(CalendarRow),
  },
  'calendar:planBulk': {
    args: z.strictObject({ selection: Selection, action: BulkAction, planId: z.string().uuid().optional() }),
    result: BulkPlan,
  },
  'calendar:applyBulk': {
    args: z.strictObject({
      planId: z.string().uuid(),
      /** The coach said yes to the preview's dates in the past or more than a year ahead; main refuses such a plan without it. */
      confirmDates: z.boolean().optional(),
    }),
    result: BulkReport,
  },
  'calendar:cancelBulk': { args: z.strictObject({ planId: z.string().uuid() }), result: z.object({ cancelled: z.boolean() }) },
  'calendar:planRetry': { args: z.strictObject({ planId: z.string().uuid() }), result: BulkPlan },
  'calendar:planUndo': { args: none, result: BulkPlan },
  'calendar:history': { args: none, result: BulkHistory },
  'calendar:resolveJob': {
    args: z.strictObject({ jobId: z.string().uuid(), action: z.enum(['finish', 'undo', 'dismiss']) }),
    result: BulkPlan.nullable(),
  },
  'calendar:createEvent': { args: z.strictObject({ athleteId: AthleteId, fields: EventFields, confirmDate: ConfirmDate }), result: CalEvent },
  'calendar:updateEvent': {
    args: z.strictObject({ athleteId: AthleteId, eventId: EventId, fields: EventFields.partial(), confirmDate: ConfirmDate }),
    result: CalEvent,
  },
}
