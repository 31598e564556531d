import { z } from 'zod'
import { daysBetween } from './localDates'
import { DayRange, EventRef, MAX_BULK_EVENTS } from './calendar'
import { AthleteId, distinct } from './common'

// Exports take event ids, date ranges and a format; never a path. Where files go is chosen in main
// (a native dialog, or main's own drag folder).

export const EXPORT_FORMATS = ['zwo', 'mrc', 'erg', 'fit'] as const
export const ExportFormat = z.enum(EXPORT_FORMATS)
export type ExportFormat = z.infer<typeof ExportFormat>

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

export const ExportItem = z.object({
  athleteId: z.string(),
  eventId: z.number().nullable(),
  /** What the coach recognises: the workout's name, or for a range "Week of …". */
  name: z.string(),
  /** The file's name as written (inside its athlete's folder), or null when it failed. */
  fileName: z.string().nullable(),
  ok: z.boolean(),
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
  results: z.array(ExportItem),
  written: z.number(),
  failed: z.number(),
  cancelled: z.boolean(),
})
export type ExportReport = z.infer<typeof ExportReport>

export const ExportProgress = z.object({
  exportId: z.string(),
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
