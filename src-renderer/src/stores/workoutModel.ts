import type { LibFolder, LibWorkout, SportThresholds, Thresholds } from '@contract'

// Pure helpers for the workout editor, library and assignment views.

export const WORKOUT_DRAG_TYPE = 'application/x-coach-desk-workout'

export const SPORTS = ['Ride', 'VirtualRide', 'Run', 'Swim', 'WeightTraining', 'Walk', 'NordicSki', 'Rowing'] as const

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const

export const STARTER_TEXT = 'Warmup\n- 10m ramp 50%-75%\n\nMain Set 4x\n- 5m 105%\n- 3m 55%\n\nCooldown\n- 10m 50%'

/** The sport settings record intervals.icu would use for a sport: its own type, else the family's. */
export function thresholdsFor(list: SportThresholds[] | undefined, sport: string): Thresholds {
  if (!list?.length) return {}
  const family = /run/i.test(sport) ? 'Run' : /swim/i.test(sport) ? 'Swim' : 'Ride'
  const s = list.find((x) => x.types.includes(sport)) ?? list.find((x) => x.types.includes(family))
  if (!s) return {}
  const out: Thresholds = {}
  if (s.ftp) out.ftp = s.ftp
  if (s.lthr) out.lthr = s.lthr
  if (s.maxHr) out.maxHr = s.maxHr
  if (s.thresholdPaceMps) out.thresholdPaceMps = s.thresholdPaceMps
  return out
}

/** Folders and their workouts whose name matches the search; a matching folder keeps all its workouts. */
export function filterLibrary(folders: LibFolder[], search: string): LibFolder[] {
  const q = search.trim().toLowerCase()
  if (!q) return folders
  return folders
    .map((f) => (f.name.toLowerCase().includes(q) ? f : { ...f, workouts: f.workouts.filter((w) => w.name.toLowerCase().includes(q)) }))
    .filter((f) => f.workouts.length > 0)
}

/** "Week 2 · Tue" for a plan's day offset. */
export function planDay(w: LibWorkout): string | null {
  if (w.day === null) return null
  return `Week ${Math.floor(w.day / 7) + 1} · ${WEEKDAYS[w.day % 7]!.slice(0, 3)}`
}

/** `1:05` for minutes and hours, `45s` under a minute. */
export function clock(secs: number): string {
  if (secs < 60) return `${Math.round(secs)}s`
  const h = Math.floor(secs / 3600)
  const m = Math.round((secs % 3600) / 60)
  return h ? `${h}:${String(m).padStart(2, '0')}` : `${m} min`
}

/** Ticks for a time axis: a round step that gives about six labels. */
export function timeTicks(totalSecs: number): number[] {
  const steps = [60, 300, 600, 900, 1800, 3600, 7200]
  const step = steps.find((s) => totalSecs / s <= 8) ?? 7200
  const out: number[] = []
  for (let t = step; t < totalSecs - step / 4; t += step) out.push(t)
  return out
}

/**
 * The sport a new workout starts with for an athlete: their most trained sport lately, as one the editor offers
 * (a trail run is a Run, a virtual ride a VirtualRide); Ride when nothing is known.
 */
export function mainSport(recent: readonly string[]): (typeof SPORTS)[number] {
  for (const s of recent) {
    if ((SPORTS as readonly string[]).includes(s)) return s as (typeof SPORTS)[number]
    const family = SPORTS.find((x) => x !== 'VirtualRide' && (s.endsWith(x) || s.startsWith(x)))
    if (family) return family
  }
  return 'Ride'
}
