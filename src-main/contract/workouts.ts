import { z } from 'zod'
import { BulkPlan, PlacementChoice } from './calendar'
import { AthleteId, distinct, LocalDate, none } from './common'

// Workout authoring and assignment: the text editor's live preview, imports of trainer files, the coach's
// intervals.icu library, assigning a workout to many athletes and week templates. Files arrive as text with a
// name (the renderer read them with the File API); no path ever crosses.

/** A workout's text, as intervals.icu stores it in `description`. */
export const MAX_WORKOUT_TEXT = 20_000
/** Trainer files are a few kilobytes; anything far bigger is not a workout. */
export const MAX_IMPORT_BYTES = 256 * 1024
export const MAX_ASSIGN_ATHLETES = 500

const Sport = z.string().regex(/^[A-Za-z]{2,32}$/, 'Not a sport intervals.icu knows.')
const Name = z.string().trim().min(1, 'Give the workout a name.').max(200, 'Names are at most 200 characters.')
const Text = z.string().max(MAX_WORKOUT_TEXT, 'The workout text is too long.')
const Id = z.number().int().positive().max(2 ** 31 - 1)
const Threshold = z.number().positive().max(10_000)
const Athletes = distinct(
  z
    .array(AthleteId)
    .min(1, 'Pick at least one athlete.')
    .max(MAX_ASSIGN_ATHLETES, `Assign to at most ${MAX_ASSIGN_ATHLETES} athletes at once.`),
)

export const Thresholds = z.strictObject({
  ftp: Threshold.optional(),
  lthr: Threshold.optional(),
  maxHr: Threshold.optional(),
  /** Threshold pace as a speed in m/s, as intervals.icu stores it. */
  thresholdPaceMps: Threshold.optional(),
})
export type Thresholds = z.infer<typeof Thresholds>

export const ProfileBlock = z.object({
  line: z.number(),
  startSecs: z.number(),
  secs: z.number(),
  from: z.number().nullable(),
  to: z.number().nullable(),
  zoneFrom: z.number(),
  zoneTo: z.number(),
  kind: z.enum(['power', 'hr', 'pace', 'none']),
  ramp: z.boolean(),
  timed: z.boolean(),
  label: z.string(),
})
export type ProfileBlock = z.infer<typeof ProfileBlock>

export const WorkoutPreview = z.object({
  blocks: z.array(ProfileBlock),
  /** Planned time, with distance steps converted where a pace is known. */
  durationSecs: z.number(),
  totalMeters: z.number(),
  load: z.number(),
  intensity: z.number(),
  issues: z.array(z.object({ line: z.number(), message: z.string() })),
  /** Steps intervals.icu will count; zero means it saves the text as prose with zero load. */
  steps: z.number(),
  /** Numbers the estimate lacked ("FTP", "LTHR", "threshold pace"): those steps carry no load. */
  needs: z.array(z.string()),
  /** Some blocks are drawn with a guessed time (distance steps without a pace, lap-press steps). */
  guessedTime: z.boolean(),
})
export type WorkoutPreview = z.infer<typeof WorkoutPreview>

export const SportThresholds = z.object({
  types: z.array(z.string()),
  ftp: z.number().nullable(),
  lthr: z.number().nullable(),
  maxHr: z.number().nullable(),
  thresholdPaceMps: z.number().nullable(),
})
export type SportThresholds = z.infer<typeof SportThresholds>

export const LibWorkout = z.object({
  id: z.number(),
  folderId: z.number().nullable(),
  name: z.string(),
  sport: z.string(),
  description: z.string(),
  movingSecs: z.number().nullable(),
  load: z.number().nullable(),
  /** Day offset inside a plan (0 is the plan's first day). */
  day: z.number().nullable(),
  indoor: z.boolean(),
})
export type LibWorkout = z.infer<typeof LibWorkout>

export const LibFolder = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(['FOLDER', 'PLAN']),
  description: z.string(),
  workouts: z.array(LibWorkout),
})
export type LibFolder = z.infer<typeof LibFolder>

export const Library = z.object({ folders: z.array(LibFolder), fetchedAt: z.string() })
export type Library = z.infer<typeof Library>

/** Where a workout comes from: text written in the editor, the library, or an event on a calendar. */
const TextWorkout = z.strictObject({ kind: z.literal('text'), name: Name, sport: Sport, description: Text, indoor: z.boolean().optional() })
const LibraryWorkout = z.strictObject({ kind: z.literal('library'), workoutId: Id })
const EventWorkout = z.strictObject({ kind: z.literal('event'), athleteId: AthleteId, eventId: Id })

export const AssignWhen = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('date'), date: LocalDate }),
  /** A weekday (0 = Monday) of each athlete's current week plus `weekOffset` weeks, in the athlete's timezone. */
  z.strictObject({ kind: z.literal('weekday'), weekOffset: z.number().int().min(-52).max(52), weekday: z.number().int().min(0).max(6) }),
  /** Each athlete's today plus `days`: "tomorrow" is tomorrow wherever the athlete is. */
  z.strictObject({ kind: z.literal('fromToday'), days: z.number().int().min(-366).max(366) }),
])
export type AssignWhen = z.infer<typeof AssignWhen>

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

/** When an assignment lands, as the coach says it: in the preview, and in the plan's title in the journal. */
export function describeWhen(when: AssignWhen): string {
  if (when.kind === 'date') return when.date
  if (when.kind === 'fromToday') {
    if (when.days === 0) return 'today'
    if (when.days === 1) return 'tomorrow'
    if (when.days === -1) return 'yesterday'
    return when.days > 0 ? `in ${when.days} days` : `${-when.days} days ago`
  }
  return `${DAY_NAMES[when.weekday]} ${weekWords(when.weekOffset)}`
}

/** A week counted from each athlete's current one, as the coach says it (the contract allows a year either way). */
export function weekWords(weekOffset: number): string {
  if (weekOffset === 0) return 'this week'
  if (weekOffset === 1) return 'next week'
  if (weekOffset === -1) return 'last week'
  return weekOffset > 0 ? `in ${weekOffset} weeks` : `${-weekOffset} weeks ago`
}

export const TemplateEvent = z.object({
  /** 0 = the template week's Monday. */
  day: z.number(),
  days: z.number(),
  category: z.string(),
  name: z.string(),
  sport: z.string().nullable(),
  movingSecs: z.number().nullable(),
  load: z.number().nullable(),
})

export const WeekTemplate = z.object({
  id: z.string(),
  name: z.string(),
  sourceAthleteId: z.string(),
  sourceName: z.string(),
  weekStart: z.string(),
  createdAt: z.string(),
  events: z.array(TemplateEvent),
})
export type WeekTemplate = z.infer<typeof WeekTemplate>

export const ImportedFile = z.object({
  name: z.string(),
  sport: z.string(),
  text: z.string(),
  notes: z.array(z.string()),
  preview: WorkoutPreview,
})
export type ImportedFile = z.infer<typeof ImportedFile>

const Monday = LocalDate.refine((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1, 'A week starts on a Monday.')

export const workoutsContract = {
  'workouts:parse': {
    args: z.strictObject({ text: Text, sport: Sport, thresholds: Thresholds.optional() }),
    result: WorkoutPreview,
  },
  'workouts:thresholds': { args: z.strictObject({ athleteId: AthleteId }), result: z.array(SportThresholds) },
  'workouts:import': {
    args: z.strictObject({
      fileName: z.string().max(200).regex(/^[^/\\]+\.(zwo|mrc|erg)$/i, 'Coach Desk reads .zwo, .mrc and .erg workout files.'),
      text: z.string().max(MAX_IMPORT_BYTES, 'This file is too big to be a workout.'),
    }),
    result: ImportedFile,
  },
  'workouts:library': { args: z.strictObject({ refresh: z.boolean().optional() }), result: Library },
  'workouts:saveToLibrary': {
    args: z.strictObject({
      source: z.discriminatedUnion('kind', [TextWorkout, EventWorkout]),
      folder: z.union([z.strictObject({ id: Id }), z.strictObject({ newName: Name })]),
    }),
    result: LibWorkout,
  },
  'workouts:planAssign': {
    args: z.strictObject({
      workout: z.discriminatedUnion('kind', [TextWorkout, LibraryWorkout]),
      athleteIds: Athletes,
      when: AssignWhen,
      /** Beside the workouts already on those days (the default), instead of them, or not on such days. */
      placement: PlacementChoice.optional(),
    }),
    result: BulkPlan,
  },
  'workouts:templates': { args: none, result: z.array(WeekTemplate) },
  'workouts:saveWeekTemplate': {
    args: z.strictObject({ athleteId: AthleteId, weekStart: Monday, name: Name }),
    result: WeekTemplate,
  },
  'workouts:deleteTemplate': { args: z.strictObject({ templateId: z.uuid() }), result: z.object({ deleted: z.boolean() }) },
  'workouts:planTemplate': {
    args: z.strictObject({
      templateId: z.uuid(),
      athleteIds: Athletes,
      start: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('date'), date: LocalDate }),
        /** Each athlete's current week plus `weekOffset` weeks, in the athlete's timezone. */
        z.strictObject({ kind: z.literal('week'), weekOffset: z.number().int().min(-52).max(52) }),
      ]),
      placement: PlacementChoice.optional(),
    }),
    result: BulkPlan,
  },
}
