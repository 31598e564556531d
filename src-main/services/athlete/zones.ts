import type { ZoneBar } from '../../contract/schemas'
import { isSample } from './samples'

// Time in zones. Bounds are upper bounds, as intervals.icu stores them; the last zone is open.

/** intervals.icu writes an open top zone as 999% of FTP (or threshold). */
const OPEN = 999

/**
 * Seconds spent in each zone. Each sample counts for the time to the next one (1 s at 1 Hz), capped,
 * so a pause in the recording does not count as time in a zone.
 */
export function zoneSeconds(values: ArrayLike<number>, upperBounds: number[], time?: ArrayLike<number>, maxGapSecs = 10): number[] {
  const zones = upperBounds.map((upper, k) => ({ upper, open: k === upperBounds.length - 1, secs: 0 }))
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (!isSample(v)) continue
    const now = time?.[i]
    const next = time?.[i + 1]
    // The last sample, or one past the end of a shorter time stream, counts for a second.
    const dt = now !== undefined && next !== undefined ? Math.max(0, Math.min(maxGapSecs, next - now)) : 1
    for (const zone of zones) {
      if (zone.open || !(v > zone.upper)) {
        zone.secs += dt
        break
      }
    }
  }
  return zones.map((z) => z.secs)
}

/** Power zone bounds in watts from % of FTP; the open top zone stays unbounded. */
export function powerBounds(zonesPct: number[], ftp: number): number[] {
  return zonesPct.map((pct) => (pct >= OPEN ? Number.POSITIVE_INFINITY : Math.round((pct / 100) * ftp)))
}

/** Bars for a chart: each zone's name, seconds and its range in the zone's unit. */
export function zoneBars(secs: number[], upper: number[], names: string[]): ZoneBar[] {
  return secs.map((s, i) => ({
    zone: `Z${i + 1}`,
    name: names[i] ?? `Zone ${i + 1}`,
    secs: Math.round(s),
    lower: i === 0 ? 0 : finite(upper[i - 1]),
    upper: i === upper.length - 1 ? null : finite(upper[i]),
  }))
}

/** The zone times intervals.icu sends on an activity: power as [{id: 'Z1', secs}], HR as plain seconds. */
export function zonesFromApi(power: Array<{ id?: string | null; secs?: number | null }> | null | undefined, hr: number[] | null | undefined): { power: number[]; hr: number[] } {
  const byId = new Map((power ?? []).map((z) => [z.id ?? '', z.secs ?? 0]))
  const powerSecs: number[] = []
  // Z1..Zn in order; the sweet-spot entry (SS) overlaps Z3/Z4 and is not a zone of its own.
  for (let i = 1; byId.has(`Z${i}`); i++) powerSecs.push(byId.get(`Z${i}`) ?? 0)
  return { power: powerSecs, hr: (hr ?? []).map((s) => (Number.isFinite(s) ? s : 0)) }
}

function finite(v: number | undefined): number | null {
  return isSample(v) ? v : null
}
