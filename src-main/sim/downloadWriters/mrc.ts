import type { WorkoutExportInput } from './input'
import { writeErgDb } from './ergdb'

/** Builds an .mrc course: minutes against percent of FTP, so the athlete's trainer software scales it. */
export function writeMrc(input: WorkoutExportInput): string {
  return writeErgDb(input, 'percent')
}
