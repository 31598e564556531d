import type { components } from '../../icu/generated/openapi'
import type { Segment } from './segments'
import type { StreamSet } from './generate'

type Interval = components['schemas']['Interval']
type IntervalGroup = components['schemas']['IntervalGroup']

/**
 * The intervals intervals.icu would find: one per segment of the effort, with averages taken from
 * the same samples the streams endpoint serves, so the table and the chart agree.
 */
export function intervalsFor(segments: Segment[], streams: StreamSet, ftp: number, powerZones: number[]): Interval[] {
  const out: Interval[] = []
  let start = 0
  segments.forEach((s, i) => {
    const end = start + s.secs
    out.push(describe(i + 1, s, start, end, streams, ftp, powerZones))
    start = end
  })
  return out
}

function describe(id: number, s: Segment, start: number, end: number, st: StreamSet, ftp: number, zones: number[]): Interval {
  const slice = (key: string) => (st[key] ?? []).slice(start, end)
  const watts = slice('watts')
  const hr = slice('heartrate')
  const cad = slice('cadence')
  const speed = slice('velocity_smooth')
  const dist = st.distance ?? []
  const alt = slice('altitude')
  const avgW = mean(watts)
  const np = normalisedPower(watts)
  const secs = end - start
  const intensity = np !== null && ftp > 0 ? Math.round((np / ftp) * 100) : undefined
  return {
    id,
    type: s.work ? 'WORK' : 'RECOVERY',
    label: s.label,
    start_index: start,
    end_index: end - 1,
    start_time: start,
    end_time: end,
    moving_time: secs,
    elapsed_time: secs,
    distance: dist.length ? round1((dist[end - 1] ?? 0) - (dist[start - 1] ?? 0)) : undefined,
    average_watts: avgW === null ? undefined : Math.round(avgW),
    weighted_average_watts: np === null ? undefined : Math.round(np),
    max_watts: watts.length ? Math.max(...watts) : undefined,
    min_watts: watts.length ? Math.min(...watts) : undefined,
    intensity,
    zone: np !== null && ftp > 0 ? zoneOf((np / ftp) * 100, zones) : undefined,
    training_load: intensity !== undefined ? round1((secs / 3600) * (intensity / 100) ** 2 * 100) : undefined,
    average_heartrate: hr.length ? Math.round(mean(hr) ?? 0) : undefined,
    max_heartrate: hr.length ? Math.max(...hr) : undefined,
    min_heartrate: hr.length ? Math.min(...hr) : undefined,
    average_cadence: cad.length ? round1(mean(cad) ?? 0) : undefined,
    average_speed: speed.length ? Math.round((mean(speed) ?? 0) * 1000) / 1000 : undefined,
    total_elevation_gain: alt.length ? Math.round(gain(alt)) : undefined,
    group_id: s.work ? groupKey(s) : undefined,
  }
}

/** Work intervals of the same length form a group ("4 x 12m"), as the web app shows them. */
export function groupsFor(intervals: Interval[], segments: Segment[]): IntervalGroup[] {
  const byKey = new Map<string, Interval[]>()
  intervals.forEach((iv, i) => {
    const segment = segments[i]
    if (!segment?.work) return
    const key = groupKey(segment)
    byKey.set(key, [...(byKey.get(key) ?? []), iv])
  })
  return [...byKey.entries()]
    .flatMap(([key, list]) => {
      const [first] = list
      if (!first || list.length < 2) return []
      return [
        {
          id: key,
          count: list.length,
          start_index: first.start_index,
          moving_time: Math.round(sum(list.map((i) => i.moving_time ?? 0)) / list.length),
          average_watts: avgOf(list.map((i) => i.average_watts)),
          average_heartrate: avgOf(list.map((i) => i.average_heartrate)),
        },
      ]
    })
}

function groupKey(s: Segment): string {
  return `${Math.round(s.secs / 60)}m`
}

/** Zone number (1-based) of a % of FTP, against upper bounds in % of FTP. */
function zoneOf(pct: number, zones: number[]): number {
  const i = zones.findIndex((upper) => pct <= upper)
  return i < 0 ? zones.length : i + 1
}

/** The usual 30-second rolling mean to the fourth power; plain mean for efforts under 30 s. */
export function normalisedPower(watts: number[]): number | null {
  if (watts.length === 0) return null
  if (watts.length < 30) return mean(watts)
  let window = 0
  let acc = 0
  let count = 0
  watts.forEach((w, i) => {
    window += w
    window -= watts[i - 30] ?? 0
    if (i >= 29) {
      acc += (window / 30) ** 4
      count++
    }
  })
  return (acc / count) ** 0.25
}

function mean(values: number[]): number | null {
  return values.length ? sum(values) / values.length : null
}

function avgOf(values: Array<number | undefined>): number | undefined {
  const v = values.filter((x): x is number => typeof x === 'number')
  return v.length ? Math.round(sum(v) / v.length) : undefined
}

function sum(values: number[]): number {
  let s = 0
  for (const v of values) s += v
  return s
}

function gain(values: number[]): number {
  let g = 0
  values.forEach((v, i) => {
    const before = values[i - 1]
    if (before !== undefined && v > before) g += v - before
  })
  return g
}

function round1(n: number): number {
  return Math.round(n * 10) / 10
}
