// Pace and speed. intervals.icu stores every threshold pace as a speed in m/s; coaches read pace
// as time per distance: min/km for runs, time per 100 m for swims.

/** Metres in the distance each pace unit is counted over. */
const PACE_METRES: Record<string, number> = {
  MINS_KM: 1000,
  MINS_MILE: 1609.344,
  SECS_100M: 100,
  SECS_100Y: 91.44,
  SECS_500M: 500,
  SECS_400M: 400,
  SECS_250M: 250,
}

const LABELS: Record<string, string> = {
  MINS_KM: '/km',
  MINS_MILE: '/mi',
  SECS_100M: '/100m',
  SECS_100Y: '/100y',
  SECS_500M: '/500m',
  SECS_400M: '/400m',
  SECS_250M: '/250m',
}

/** The pace unit a sport uses when its settings do not say: swims per 100 m, everything else per km. */
export function paceUnitFor(types: string[], units: string | null | undefined): string {
  if (units && PACE_METRES[units]) return units
  return types.some((t) => t.includes('Swim')) ? 'SECS_100M' : 'MINS_KM'
}

export function paceLabel(units: string): string {
  return LABELS[units] ?? '/km'
}

/** m/s to seconds per unit distance; null for standing still. */
export function speedToPace(mps: number | null | undefined, units: string): number | null {
  if (!mps || mps <= 0 || !Number.isFinite(mps)) return null
  return (PACE_METRES[units] ?? 1000) / mps
}

/** Seconds per unit distance back to m/s. */
export function paceToSpeed(secs: number | null | undefined, units: string): number | null {
  if (!secs || secs <= 0 || !Number.isFinite(secs)) return null
  return (PACE_METRES[units] ?? 1000) / secs
}

/** 275.4 → "4:35"; 3725 → "1:02:05". */
export function formatPace(secs: number | null | undefined): string {
  if (secs === null || secs === undefined || !Number.isFinite(secs)) return '–'
  const total = Math.round(secs)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`
}

/** "4:35" or "1:02:05" (or plain seconds "95") to seconds; null when it is not a pace. */
export function parsePace(text: string): number | null {
  const t = text.trim()
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t)
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(t)
  if (!m) return null
  const [, h, mm, ss] = m
  if (Number(ss) >= 60 || (h !== undefined && Number(mm) >= 60)) return null
  return Number(h ?? 0) * 3600 + Number(mm) * 60 + Number(ss)
}

/** m/s shown as the sport's pace, e.g. 3.64 m/s → "4:35 /km". */
export function speedAsPace(mps: number | null | undefined, units: string): string {
  const secs = speedToPace(mps, units)
  return secs === null ? '–' : `${formatPace(secs)} ${paceLabel(units)}`
}

/** m/s to km/h, one decimal. */
export function kmh(mps: number | null | undefined): string {
  return mps ? `${(mps * 3.6).toFixed(1)} km/h` : '–'
}
