import { open } from 'node:fs/promises'
import { basename, isAbsolute, resolve } from 'node:path'
import { MAX_IMPORT_BYTES } from '../contract/workouts'

// Workout files the operating system hands to Coach Desk (a double-click on a .zwo, "Open with",
// a drop on the Dock icon). Main reads them; the window only ever receives the name and the text.

export const WORKOUT_FILE = /\.(zwo|mrc|erg)$/i

/** The workout files among a command line's arguments (the first instance's, or a second one's). */
export function workoutFilesInArgs(argv: readonly string[], cwd: string): string[] {
  return argv
    .filter((arg) => !arg.startsWith('-') && WORKOUT_FILE.test(arg))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(cwd, arg)))
}

export type OpenedWorkout = { ok: true; fileName: string; text: string } | { ok: false; fileName: string; message: string }

/** Reads one opened file, refusing what is not a regular workout file of a workout's size. */
export async function readOpenedWorkout(path: string): Promise<OpenedWorkout> {
  const fileName = basename(path)
  if (!WORKOUT_FILE.test(fileName)) return { ok: false, fileName, message: 'Coach Desk reads .zwo, .mrc and .erg workout files.' }
  let handle
  try {
    handle = await open(path, 'r')
  } catch {
    return { ok: false, fileName, message: `${fileName} could not be opened.` }
  }
  try {
    const info = await handle.stat()
    if (!info.isFile()) return { ok: false, fileName, message: `${fileName} is not a file.` }
    if (info.size > MAX_IMPORT_BYTES) return { ok: false, fileName, message: `${fileName} is too big to be a workout.` }
    return { ok: true, fileName, text: await handle.readFile('utf8') }
  } catch {
    return { ok: false, fileName, message: `${fileName} could not be read.` }
  } finally {
    await handle.close()
  }
}

/**
 * Files opened before the window can take them (macOS sends `open-file` before the app is ready;
 * the first command line comes at start) wait here and are handed over, in order, once it can.
 */
export class OpenedFileQueue {
  private pending: string[] = []
  private deliver: ((path: string) => void) | null = null

  add(path: string): void {
    if (this.deliver) this.deliver(path)
    else this.pending.push(path)
  }

  /** The window is ready: everything waiting goes to it now, and later files go straight through. */
  attach(deliver: (path: string) => void): void {
    this.deliver = deliver
    const waiting = this.pending
    this.pending = []
    for (const path of waiting) deliver(path)
  }

  /** The window is gone (closed on macOS): files wait for the next one. */
  detach(): void {
    this.deliver = null
  }
}
