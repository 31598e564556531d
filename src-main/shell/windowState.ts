import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { z } from 'zod'

// Where the window was, per display: a coach with a laptop and a desk monitor gets the window back
// where it was on whichever screen is there, and never off every screen after a monitor is unplugged.

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}
export interface ScreenArea {
  id: number
  workArea: Rect
}
export interface WindowPlace {
  bounds: Rect
  maximized: boolean
}

const RectSchema = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().positive(), height: z.number().int().positive() })
const PlaceSchema = z.object({ bounds: RectSchema, maximized: z.boolean() })
const StateSchema = z.object({
  /** The display the window was last on. */
  last: z.string().optional(),
  byDisplay: z.record(z.string(), PlaceSchema),
})
export type WindowStateFile = z.infer<typeof StateSchema>

export const EMPTY_WINDOW_STATE: WindowStateFile = { byDisplay: {} }
export const DEFAULT_SIZE = { width: 1360, height: 860 }
export const MIN_SIZE = { width: 960, height: 600 }
/** How much of the window must be on a screen to count as visible: enough to grab its title bar. */
const VISIBLE = { width: 120, height: 40 }

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  }
}

/** The bounds moved and shrunk as little as needed to lie inside the work area. */
export function fitInside(bounds: Rect, area: Rect): Rect {
  const width = Math.min(Math.max(bounds.width, Math.min(MIN_SIZE.width, area.width)), area.width)
  const height = Math.min(Math.max(bounds.height, Math.min(MIN_SIZE.height, area.height)), area.height)
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width)
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height)
  return { x, y, width, height }
}

function centredIn(size: { width: number; height: number }, area: Rect): Rect {
  const width = Math.min(size.width, area.width)
  const height = Math.min(size.height, area.height)
  return { x: Math.round(area.x + (area.width - width) / 2), y: Math.round(area.y + (area.height - height) / 2), width, height }
}

/**
 * Where to open the window now: the place kept for the display it was last on when that display is
 * still there, else the place kept for another display that is there, else its last size centred on
 * the primary display. Whatever is chosen is brought inside that display's work area.
 */
export function restorePlace(state: WindowStateFile, displays: ScreenArea[], primary: ScreenArea): WindowPlace {
  const present = new Map(displays.map((d) => [String(d.id), d]))
  const candidates = [state.last, ...Object.keys(state.byDisplay)].filter((k): k is string => !!k)
  for (const key of candidates) {
    const display = present.get(key)
    const saved = state.byDisplay[key]
    if (!display || !saved) continue
    const seen = overlap(saved.bounds, display.workArea)
    if (seen.width < VISIBLE.width || seen.height < VISIBLE.height) {
      return { bounds: centredIn(saved.bounds, display.workArea), maximized: saved.maximized }
    }
    return { bounds: fitInside(saved.bounds, display.workArea), maximized: saved.maximized }
  }
  const last = state.last ? state.byDisplay[state.last] : undefined
  return { bounds: centredIn(last?.bounds ?? DEFAULT_SIZE, primary.workArea), maximized: last?.maximized ?? false }
}

/** The state with the window's place on this display recorded (normal bounds, even when maximised). */
export function rememberPlace(state: WindowStateFile, displayId: number, place: WindowPlace): WindowStateFile {
  const key = String(displayId)
  return { last: key, byDisplay: { ...state.byDisplay, [key]: { bounds: roundRect(place.bounds), maximized: place.maximized } } }
}

function roundRect(r: Rect): Rect {
  return { x: Math.round(r.x), y: Math.round(r.y), width: Math.max(1, Math.round(r.width)), height: Math.max(1, Math.round(r.height)) }
}

/** A missing or damaged file is a first start, not an error. */
export async function readWindowState(file: string): Promise<WindowStateFile> {
  try {
    const parsed = StateSchema.safeParse(JSON.parse(await readFile(file, 'utf8')))
    return parsed.success ? parsed.data : EMPTY_WINDOW_STATE
  } catch {
    return EMPTY_WINDOW_STATE
  }
}

/** Written whole to a temporary file first, so a crash never leaves half a file. */
export async function writeWindowState(file: string, state: WindowStateFile): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  await writeFile(tmp, JSON.stringify(state))
  await rename(tmp, file)
}

/** The same, at once: the window is closing and the app may quit before a promise settles. */
export function writeWindowStateNow(file: string, state: WindowStateFile): void {
  mkdirSync(dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(state))
  renameSync(tmp, file)
}
