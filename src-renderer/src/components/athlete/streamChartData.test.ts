import { describe, expect, it } from 'vitest'
import type { ActivityStreams, IntervalRow } from '@contract'
import { clock, intervalMarks, streamDatasets } from './streamChartData'

function streams(type: string): ActivityStreams {
  return {
    activityId: 'i1',
    type,
    totalSamples: 3,
    fromSecs: 0,
    toSecs: 2,
    windowSamples: 3,
    decimated: false,
    smoothSecs: 0,
    series: [
      { key: 'heartrate', x: [0, 1, 2], y: [120, 130, 140] },
      { key: 'velocity_smooth', x: [0, 1, 2], y: [3.64, 0, 5] },
    ],
    zones: { power: [], hr: [] },
    unavailable: null,
  }
}

describe('stream chart datasets', () => {
  it('plots ride speed in km/h', () => {
    const [, speed] = streamDatasets(streams('Ride'), 'MINS_KM')
    expect(speed).toMatchObject({ key: 'velocity_smooth', unit: 'km/h', reverse: false })
    expect(speed.points.map((p) => Math.round(p.y * 10) / 10)).toEqual([13.1, 0, 18])
  })

  it('plots run speed as pace on a reversed axis, with stops clipped instead of infinite', () => {
    const [hr, pace] = streamDatasets(streams('Run'), 'MINS_KM')
    expect(hr.points).toEqual([{ x: 0, y: 120 }, { x: 1, y: 130 }, { x: 2, y: 140 }])
    expect(pace).toMatchObject({ key: 'pace', unit: '/km', reverse: true })
    expect(pace.points[0].y).toBeCloseTo(274.7, 1)
    expect(pace.points[1].y).toBe(4000)
    expect(pace.points[2].y).toBe(200)
  })

  it('marks the intervals that show in the window, clipped to it', () => {
    const iv = (id: number, start: number, end: number, kind: IntervalRow['kind']): IntervalRow => ({
      id, kind, label: `I${id}`, startSecs: start, endSecs: end, movingSecs: end - start, distanceM: null, avgWatts: null, normWatts: null,
      maxWatts: null, avgHr: null, maxHr: null, avgCadence: null, avgSpeed: null, zone: null, intensity: null,
    })
    const marks = intervalMarks([iv(1, 0, 600, 'RECOVERY'), iv(2, 600, 1200, 'WORK'), iv(3, 1200, 1500, 'RECOVERY')], 900, 1300)
    expect(marks).toEqual([
      { from: 900, to: 1200, label: 'I2', work: true },
      { from: 1200, to: 1300, label: 'I3', work: false },
    ])
  })

  it('labels the time axis as a clock', () => {
    expect(clock(59)).toBe('0:59')
    expect(clock(3725)).toBe('1:02:05')
  })
})
