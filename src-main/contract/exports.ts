import { z } from 'zod'
import { daysBetween } from './localDates'
import { DayRange, EventRef, MAX_BULK_EVENTS } from './calendar'
import { AthleteId, distinct } from './common'

// Exports take event ids, date ranges and a format; never a path. Where files go is chosen in main
// (a native dialog, or main's own drag folder).

export const EXPORT_FORMATS = ['zwo', 'mrc', 'erg', 'fit'] as const
export const ExportFormat = z.enum(EXPORT_FORMATS)
export type ExportFormat = z.infer<typeof ExportFormat>

/**
 * The sports each format can carry. .zwo is Zwift's, which rides and runs; .erg and .mrc are
 * ergometer files in watts or % of FTP, for rides only; .fit carries any sport's steps.
 */
const FORMAT_SPORTS: Record<ExportFormat, { families: readonly SportFamily[]; says: string }> = {
  zwo: { families: ['ride', 'run'], says: '.zwo files (Zwift) carry rides and runs only' },
  erg: { families: ['ride'], says: '.erg files (watts on an indoor trainer) carry rides only' },
  mrc: { families: ['ride'], says: '.mrc files (% of FTP on an indoor trainer) carry rides only' },
  fit: { families: ['ride', 'run', 'swim', 'other'], says: '' },
}

export type SportFamily = 'ride' | 'run' | 'swim' | 'other'

/** Ride, VirtualRide, GravelRide… are rides; Run, TrailRun… runs; Swim, OpenWaterSwim swims. */
export function sportFamily(sport: string): SportFamily {
  if (/ride|bike|cycl/i.test(sport)) return 'ride'
  if (/run/i.test(sport)) return 'run'
  if (/swim/i.test(sport)) return 'swim'
  return 'other'
}

/** Why `format` cannot carry a workout of `sport` (intervals.icu's type, e.g. "Swim"), or null when it can. */
export function formatRefusal(format: ExportFormat, sport: string | null): string | null {
  const rule = FORMAT_SPORTS[format]
  // A workout without a sport is a ride on intervals.icu.
  const family = sportFamily(sport || 'Ride')
  if (rule.families.includes(family)) return null
  return `Not written: ${rule.says}, and this is a ${sport} workout. Export it as .fit instead.`
}

/** One folder per athlete inside the chosen folder, or one zip with a folder per athlete inside. */
export const ExportLayout = z.enum(['folders', 'zip'])
export type ExportLayout = z.infer<typeof ExportLayout>

/** Dragging more files than this out of the window at once is refused as a mistake. */
export const MAX_DRAG_FILES = 100
/** A range export covers at most a year per athlete. */
export const MAX_EXPORT_DAYS = 366

const ExportRange = DayRange.refine(
  (r) => daysBetween(r.oldest, r.newest) < MAX_EXPORT_DAYS,
  `Export at most ${MAX_EXPORT_DAYS} days at a time.`,
)

export const ExportSelection = z
  .strictObject({
    events: distinct(z.array(EventRef).max(MAX_BULK_EVENTS, `An export can hold at most ${MAX_BULK_EVENTS} events.`)).default([]),
    /** Whole days of an athlete: one workouts.zip request per range instead of one download per event. */
    ranges: distinct(z.array(ExportRange).max(500)).default([]),
  })
  .refine((s) => s.events.length + s.ranges.length > 0, 'Select at least one workout first.')

const DragArgs = z.strictObject({
  events: distinct(z.array(EventRef).min(1, 'Pick a workout to drag.').max(MAX_DRAG_FILES, `Drag at most ${MAX_DRAG_FILES} workouts at once.`)),
  format: ExportFormat,
})

/**
 * What became of one planned workout. written: a new file. replaced: the file Coach Desk wrote
 * there before for this event now holds the new version. unchanged: that file already held exactly
 * this, so it was left alone. leftOut: not written, for a reason the coach can act on (not a
 * workout, a sport the format cannot carry, intervals.icu could not convert it). failed: a
 * download or a write went wrong, or the export was cancelled.
 */
export const ExportOutcome = z.enum(['written', 'replaced', 'unchanged', 'leftOut', 'failed'])
export type ExportOutcome = z.infer<typeof ExportOutcome>

export const ExportItem = z.object({
  athleteId: z.string(),
  eventId: z.number().nullable(),
  /** What the coach recognises: the workout's name, or for a range "Week of …". */
  name: z.string(),
  /** Local date of the workout, yyyy-MM-dd, or null when unknown. */
  date: z.string().nullable(),
  /** The file's name as written (inside its athlete's folder), or null when there is none. */
  fileName: z.string().nullable(),
  /** A file for this workout is where the report says (written, replaced or unchanged). */
  ok: z.boolean(),
  outcome: ExportOutcome,
  error: z.string().nullable(),
})
export type ExportItem = z.infer<typeof ExportItem>

export const ExportReport = z.object({
  exportId: z.string(),
  format: ExportFormat,
  layout: ExportLayout,
  /** The coach closed the folder or save dialog: nothing was downloaded or written. */
  dismissed: z.boolean(),
  /** Where the files went (the chosen folder, or the zip), for the coach to find them. */
  location: z.string().nullable(),
  /** One row per planned workout of the selection (and per request that failed as a whole). */
  results: z.array(ExportItem),
  /** Files that hold their workout now: written, replaced or unchanged. */
  written: z.number(),
  /** Of those, already there and identical, so not written again. */
  unchanged: z.number(),
  /** Not written, with a reason (leftOut); and failed. Together with `written` they are every row. */
  leftOut: z.number(),
  failed: z.number(),
  cancelled: z.boolean(),
})
export type ExportReport = z.infer<typeof ExportReport>

export const ExportProgress = z.object({
  exportId: z.string(),
  /** Planned workouts settled so far and in all, as the Export button counts them. */
  done: z.number(),
  total: z.number(),
  /** The last file written, to show what is happening. */
  fileName: z.string().nullable(),
})
export type ExportProgress = z.infer<typeof ExportProgress>

export const exportsContract = {
  'exports:saveEvent': {
    args: z.strictObject({ athleteId: AthleteId, eventId: EventRef.shape.eventId, format: ExportFormat }),
    result: z.object({ saved: z.boolean(), fileName: z.string().nullable(), location: z.string().nullable() }),
  },
  'exports:saveMany': {
    args: z.strictObject({ exportId: z.uuid(), selection: ExportSelection, format: ExportFormat, layout: ExportLayout }),
    result: ExportReport,
  },
  'exports:cancel': { args: z.strictObject({ exportId: z.uuid() }), result: z.object({ cancelled: z.boolean() }) },
  /** Called when the pointer goes down on a drag handle, so the files are ready when the drag starts. */
  'exports:prepareDrag': { args: DragArgs, result: z.object({ ready: z.number() }) },
  'exports:startDrag': {
    args: DragArgs,
    result: z.object({
      files: z.array(z.string()),
      skipped: z.array(z.object({ athleteId: z.string(), eventId: z.number(), reason: z.string() })),
    }),
  },
}
