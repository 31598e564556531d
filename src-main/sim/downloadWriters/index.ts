// The simulator's writers of the files intervals.icu serves from GET /events/{id}/download{ext} and
// GET /workouts.zip. They stand in for intervals.icu's own; the app only reads and saves what they make,
// so the app's tests check these files against references written by hand, never against these writers.
export { WorkoutExportError, type WorkoutExportErrorCode } from './exportSteps'
export type { WorkoutExportInput } from './input'
export { writeZwo, type ZwoOptions } from './zwo'
export { writeMrc } from './mrc'
export { writeErg } from './erg'
export { writeFit, type FitOptions } from './fit'
export { DEFAULT_RANGE_WIDTHS, describeTarget, type RangeWidths } from './fitTargets'
