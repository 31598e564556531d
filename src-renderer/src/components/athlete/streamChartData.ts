// A relative import (not @contract) so the benchmark can run this in Node with the main tsconfig.
import type { ActivityStreams, IntervalRow, StreamKey } from '../../../../src-main/contract/schemas'
import { paceLabel, speedToPace } from './units'

// Chart-ready datasets from the streams main sends (already decimated there). Pure, so the
// benchmark can time it and the chart component only draws.

export type ChartSeriesKey = StreamKey | 'pace'

export interface StreamDataset {
  key: ChartSeriesKey
  label: string
  unit: string
  axis: string
  color: string
  /** Altitude is drawn as a filled area behind the other lines. */
  fill: boolean
  /** Pace axes run fast-at-the-top. */
  reverse: boolean
  points: { x: number; y: number }[]
}

const STYLE: Record<ChartSeriesKey, { label: string; unit: string; color: string }> = {
  watts: { label: 'Power', unit: 'W', color: '#7c3aed' },
  heartrate: { label: 'Heart rate', unit: 'bpm', color: '#dc2626' },
  cadence: { label: 'Cadence', unit: 'rpm', color: '#0d9488' },
  velocity_smooth: { label: 'Speed', unit: 'km/h', color: '#2563eb' },
  pace: { label: 'Pace', unit: '/km', color: '#2563eb' },
  altitude: { label: 'Altitude', unit: 'm', color: '#94a3b8' },
}

/** Runs and swims read speed as pace; rides as km/h. */
export function usesPace(type: string): boolean {
  return type.includes('Run') || type.includes('Swim') || type === 'Walk' || type === 'Hike'
}

export function streamDatasets(s: ActivityStreams, paceUnits: string): StreamDataset[] {
  const pace = usesPace(s.type)
  return s.series.map((series) => {
    const key: ChartSeriesKey = series.key === 'velocity_smooth' && pace ? 'pace' : series.key
    const style = STYLE[key]
    // A stop is an infinitely slow pace: clip it to twice the slowest moving pace worth drawing.
    const cap = key === 'pace' ? 2 * (speedToPace(0.5, paceUnits) ?? 2000) : 0
    const drawn = (y: number): number => {
      if (key === 'velocity_smooth') return y * 3.6
      if (key === 'pace') return Math.min(cap, speedToPace(y, paceUnits) ?? cap)
      return y
    }
    // x and y come in pairs from main; a value without its partner is not drawn.
    const points: Array<{ x: number; y: number }> = []
    for (const [i, x] of series.x.entries()) {
      const y = series.y[i]
      if (y === undefined) break
      points.push({ x, y: drawn(y) })
    }
    return {
      key,
      label: style.label,
      unit: key === 'pace' ? paceLabel(paceUnits) : key === 'cadence' && s.type.includes('Run') ? 'spm' : style.unit,
      axis: `y_${key}`,
      color: style.color,
      fill: key === 'altitude',
      reverse: key === 'pace',
      points,
    }
  })
}

export interface IntervalMark {
  from: number
  to: number
  label: string
  work: boolean
}

/** The intervals that show in the window, clipped to it; work efforts are shaded, recoveries are not. */
export function intervalMarks(intervals: IntervalRow[], from: number, to: number): IntervalMark[] {
  return intervals
    .filter((i) => i.endSecs > from && i.startSecs < to)
    .map((i) => ({ from: Math.max(from, i.startSecs), to: Math.min(to, i.endSecs), label: i.label, work: i.kind === 'WORK' }))
}

/** Seconds from the start as h:mm:ss (or m:ss under an hour), for the time axis and the tooltip. */
export function clock(secs: number): string {
  const t = Math.max(0, Math.round(secs))
  const h = Math.floor(t / 3600)
  const m = Math.floor((t % 3600) / 60)
  const s = t % 60
  return h ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`
}
