import { z } from 'zod'
import { MAX_IMPORT_BYTES } from './workouts'

/**
 * What the native shell asks of the window: a page from the View menu, one of the calendar's keys, or
 * a workout file the coach opened from the File menu or the operating system (main read it; the
 * window imports it through `workouts:import` like a dropped file).
 */
export const AppCommand = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('openPage'), path: z.enum(['/roster', '/calendar', '/workouts']) }),
  z.object({ kind: z.literal('pressKey'), key: z.enum(['PageUp', 'PageDown', 't']) }),
  z.object({ kind: z.literal('importFile'), fileName: z.string().max(200), text: z.string().max(MAX_IMPORT_BYTES) }),
])
export type AppCommand = z.infer<typeof AppCommand>
