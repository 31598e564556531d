import { headingText, writeWorkoutText } from '../text'
import { readErgDb } from './ergdb'
import { WorkoutFileError, type ReadWorkout } from './types'
import { readZwo } from './zwo'

export { WorkoutFileError, type ReadWorkout } from './types'
export { findRepeats } from './repeats'

export const READABLE_EXTS = ['zwo', 'mrc', 'erg'] as const
export type ReadableExt = (typeof READABLE_EXTS)[number]

export interface ImportedWorkout {
  name: string
  sport: string
  /** The workout as intervals.icu text: what the coach sees, edits and saves. */
  text: string
  notes: string[]
}

export function extensionOf(fileName: string): ReadableExt | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase()
  return (READABLE_EXTS as readonly string[]).includes(ext ?? '') ? (ext as ReadableExt) : null
}

export function readWorkoutFile(fileName: string, content: string): ImportedWorkout {
  const ext = extensionOf(fileName)
  if (!ext) throw new WorkoutFileError('Coach Desk reads .zwo, .mrc and .erg workout files.')
  const text = content.replace(/^\uFEFF/, '')
  const read: ReadWorkout = ext === 'zwo' ? readZwo(text) : readErgDb(text, ext)
  // The file's own description goes first, as heading lines: intervals.icu shows them above the steps.
  const intro = (read.description ?? '')
    .split(/\r\n|\r|\n/)
    .map(headingText)
    .filter(Boolean)
    .slice(0, 20)
  const steps = writeWorkoutText(read.items)
  return {
    name: (read.name ?? fileName.replace(/\.[^.]*$/, '')).trim().slice(0, 200) || 'Imported workout',
    sport: read.sport,
    text: intro.length ? `${intro.join('\n')}\n\n${steps}` : steps,
    notes: read.notes,
  }
}
