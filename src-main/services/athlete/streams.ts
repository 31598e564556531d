import { STREAM_KEYS, type ActivityDetail, type ActivityStreams, type StreamKey, type StreamSeries, type ZoneTimes } from '../../contract/schemas'
import { getActivityStreams } from '../../icu/api'
import type { ActivityStream } from '../../icu/types'
import type { ServiceDeps } from '../deps'
import { sanitizeFileName } from '../exports/fileNames'
import type { ActivityDetails } from './detail'
import { lttb } from './lttb'
import type { SettingsCache } from './profile'
import { isSample } from './samples'
import { powerBounds, zoneBars, zoneSeconds } from './zones'

/** Everything the chart and the CSV use, fetched in one request. */
const FETCH_TYPES = ['time', ...STREAM_KEYS, 'distance']
/** Enough for a chart as wide as a screen: about one point per pixel. */
export const DEFAULT_MAX_POINTS = 1500
/** Full-resolution streams kept in main; a 4-hour ride is about 1 MB. */
const MAX_CACHED = 6

export interface WindowQuery {
  fromSecs?: number
  toSecs?: number
  maxPoints?: number
  smoothSecs?: number
}

/** Streams a rolling mean helps read: second-by-second power jumps; heart rate and altitude do not. */
const SMOOTHED = new Set(['watts', 'cadence', 'velocity_smooth'])

export interface RawStreams {
  time: number[]
  byType: Map<string, number[]>
  zones?: ZoneTimes
  /** The last window sent, so reopening the activity repeats no work at all. */
  last?: { key: string; value: ActivityStreams }
}

/**
 * Streams at full resolution, kept in main so zooming and reopening cost no request. The window
 * only ever receives a decimated copy: LTTB down to about a point per pixel per series.
 */
export class ActivityStreamStore {
  private generation = -1
  private entries = new Map<string, Promise<RawStreams>>()

  constructor(
    private readonly deps: Pick<ServiceDeps, 'session'>,
    private readonly details: ActivityDetails,
    private readonly settings: SettingsCache,
  ) {}

  async window(activityId: string, q: WindowQuery): Promise<ActivityStreams> {
    // Both requests go out together; the streams' failure only counts once the detail says it is no Strava import.
    const [detail, settled] = await Promise.all([
      this.details.get(activityId),
      this.raw(activityId).then(
        (raw) => ({ raw }),
        (error: unknown) => ({ error }),
      ),
    ])
    // Strava imports: intervals.icu answers their streams with an empty list or a 422, depending on the day.
    if (detail.source === 'STRAVA') return stravaStreams(detail)
    if ('error' in settled) throw settled.error
    const { raw } = settled
    raw.zones ??= await this.zonesOf(detail, raw)
    const key = JSON.stringify([q.fromSecs, q.toSecs, q.maxPoints, q.smoothSecs])
    if (raw.last?.key !== key) raw.last = { key, value: streamWindow(detail, raw, q) }
    return raw.last.value
  }

  /** CSV of the full-resolution streams, in the API's names and units, for the coach to save. */
  async csv(activityId: string): Promise<{ fileName: string; csv: string }> {
    const [detail, raw] = await Promise.all([this.details.get(activityId), this.raw(activityId)])
    const base = sanitizeFileName(`${detail.date.slice(0, 10)} ${detail.name} ${detail.id}`, `activity-${detail.id}`)
    return { fileName: `${base}.csv`, csv: streamsCsv(raw) }
  }

  private raw(activityId: string): Promise<RawStreams> {
    if (this.generation !== this.deps.session.generation) {
      this.generation = this.deps.session.generation
      this.entries.clear()
    }
    const hit = this.entries.get(activityId)
    if (hit) {
      this.entries.delete(activityId)
      this.entries.set(activityId, hit)
      return hit
    }
    const p = getActivityStreams(this.deps.session.http(), activityId, FETCH_TYPES).then(rawStreams)
    this.entries.set(activityId, p)
    p.catch(() => this.entries.delete(activityId))
    if (this.entries.size > MAX_CACHED) this.entries.delete(this.entries.keys().next().value as string)
    return p
  }

  private async zonesOf(detail: ActivityDetail, raw: RawStreams): Promise<ZoneTimes> {
    const s = detail.athleteId ? await this.settings.forType(detail.athleteId, detail.type).catch(() => null) : null
    if (!s) return { power: [], hr: [] }
    return streamZones(raw, s.powerZones, detail.ftp ?? s.ftp, s.powerZoneNames, s.hrZones, s.hrZoneNames)
  }
}

export const STRAVA_STREAMS = "Strava keeps this activity's streams from the API: intervals.icu may not pass on data imported from Strava. Upload the original file to intervals.icu to see its chart."

/** No samples and the reason, for an activity imported from Strava. */
export function stravaStreams(detail: Pick<ActivityDetail, 'id' | 'type'>): ActivityStreams {
  return {
    activityId: detail.id,
    type: detail.type,
    totalSamples: 0,
    fromSecs: 0,
    toSecs: 0,
    windowSamples: 0,
    decimated: false,
    smoothSecs: 0,
    series: [],
    zones: { power: [], hr: [] },
    unavailable: STRAVA_STREAMS,
  }
}

/** Tolerant read of the API's streams: numbers only, missing samples as NaN, one time axis. */
export function rawStreams(list: ActivityStream[] | null): RawStreams {
  const byType = new Map<string, number[]>()
  for (const s of list ?? []) {
    if (!s?.type || !Array.isArray(s.data) || s.allNull) continue
    byType.set(s.type, (s.data as unknown[]).map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : Number.NaN)))
  }
  const n = Math.max(0, ...[...byType.values()].map((d) => d.length))
  const time = byType.get('time') ?? Array.from({ length: n }, (_, i) => i)
  byType.delete('time')
  return { time, byType }
}

export function streamZones(
  raw: RawStreams,
  powerPct: number[],
  ftp: number | null,
  powerNames: string[],
  hrZones: number[],
  hrNames: string[],
): ZoneTimes {
  const watts = raw.byType.get('watts')
  const hr = raw.byType.get('heartrate')
  const pBounds = ftp && powerPct.length ? powerBounds(powerPct, ftp) : []
  return {
    power: watts && pBounds.length ? zoneBars(zoneSeconds(watts, pBounds, raw.time), pBounds, powerNames) : [],
    hr: hr && hrZones.length ? zoneBars(zoneSeconds(hr, hrZones, raw.time), hrZones, hrNames) : [],
  }
}

/** The samples between two times, each series down-sampled on its own to at most `maxPoints`. */
export function streamWindow(
  detail: Pick<ActivityDetail, 'id' | 'type'>,
  raw: RawStreams,
  q: WindowQuery,
): ActivityStreams {
  const maxPoints = q.maxPoints ?? DEFAULT_MAX_POINTS
  const t = raw.time
  const last = t.at(-1) ?? 0
  const from = Math.max(0, Math.min(q.fromSecs ?? 0, last))
  const to = Math.max(from, Math.min(q.toSecs ?? last, last))
  const i0 = lowerBound(t, from)
  const i1 = upperBound(t, to)
  const smooth = Math.max(0, Math.round(q.smoothSecs ?? autoSmoothing(to - from)))
  const series: StreamSeries[] = []
  for (const key of STREAM_KEYS) {
    const samples = raw.byType.get(key)
    if (!samples) continue
    const data = smooth > 1 && SMOOTHED.has(key) ? trailingMean(samples, smooth, i0, i1) : samples
    const xs: number[] = []
    const ys: number[] = []
    // A series shorter than the time stream simply ends early; its missing samples are skipped like null ones.
    for (let i = i0; i < i1; i++) {
      const x = t[i]
      const y = data[i]
      if (x !== undefined && isSample(y)) {
        xs.push(x)
        ys.push(y)
      }
    }
    if (xs.length) series.push({ key: key as StreamKey, ...lttb(xs, ys, maxPoints) })
  }
  return {
    activityId: detail.id,
    type: detail.type,
    totalSamples: t.length,
    fromSecs: from,
    toSecs: to,
    windowSamples: i1 - i0,
    decimated: i1 - i0 > maxPoints,
    smoothSecs: smooth > 1 ? smooth : 0,
    series,
    zones: raw.zones ?? { power: [], hr: [] },
    unavailable: null,
  }
}

/**
 * Smoothing that suits the stretch shown when the coach has not picked one: a whole long ride reads
 * best as 30-second power, an interval as 5-second power, a sprint as raw samples.
 */
export function autoSmoothing(windowSecs: number): number {
  if (windowSecs > 3600) return 30
  if (windowSecs > 600) return 5
  return 0
}

/**
 * Mean of the last `n` samples (missing ones skipped), for indices i0..i1; other entries are NaN.
 * Samples before i0 are used, so a zoomed window starts smoothed like the whole ride.
 */
export function trailingMean(values: number[], n: number, i0 = 0, i1 = values.length): number[] {
  const out = new Array<number>(values.length).fill(Number.NaN)
  let sum = 0
  let count = 0
  const start = Math.max(0, i0 - n + 1)
  for (let i = start; i < i1; i++) {
    const value = values[i]
    if (isSample(value)) {
      sum += value
      count++
    }
    const dropped = i - n >= start ? values[i - n] : undefined
    if (isSample(dropped)) {
      sum -= dropped
      count--
    }
    if (i >= i0) out[i] = isSample(value) && count > 0 ? Math.round((sum / count) * 10) / 10 : Number.NaN
  }
  return out
}

export function streamsCsv(raw: RawStreams): string {
  const series = [...raw.byType.entries()]
  const lines = [['time', ...series.map(([name]) => name)].join(',')]
  for (const [i, time] of raw.time.entries()) {
    const row = [String(time)]
    for (const [, samples] of series) {
      const v = samples[i]
      row.push(isSample(v) ? String(v) : '')
    }
    lines.push(row.join(','))
  }
  return `${lines.join('\n')}\n`
}

function lowerBound(a: number[], v: number): number {
  let lo = 0
  let hi = a.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    // lo <= mid < hi <= a.length, so a[mid] is there.
    if (a[mid]! < v) lo = mid + 1
    else hi = mid
  }
  return lo
}

function upperBound(a: number[], v: number): number {
  let lo = 0
  let hi = a.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    // lo <= mid < hi <= a.length, so a[mid] is there.
    if (a[mid]! <= v) lo = mid + 1
    else hi = mid
  }
  return lo
}
