import type { WorkoutExportInput } from './input'
import { writeErgDb } from './ergdb'

/** Builds an .erg course: minutes against watts, worked out from the athlete's FTP (required). */
export function writeErg(input: WorkoutExportInput): string {
  return writeErgDb(input, 'watts')
}
