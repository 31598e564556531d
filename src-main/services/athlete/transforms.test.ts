import { describe, expect, it } from 'vitest'
import { compliancePct, fitnessDays, weeklyLoad } from './fitness'
import { lttb } from './lttb'
import { autoSmoothing, rawStreams, streamWindow, streamsCsv, streamZones, trailingMean } from './streams'
import { powerBounds, zoneBars, zoneSeconds, zonesFromApi } from './zones'

describe('LTTB decimation', () => {
  const n = 14_400
  const xs = Array.from({ length: n }, (_, i) => i)
  // A steady ride with one sharp 5-second sprint in the middle.
  const ys = xs.map((i) => (i >= 7200 && i < 7205 ? 1000 : 200 + 20 * Math.sin(i / 300)))

  it('keeps at most the threshold, with the first and last points', () => {
    const out = lttb(xs, ys, 1500)
    expect(out.x).toHaveLength(1500)
    expect(out.x[0]).toBe(0)
    expect(out.x[1499]).toBe(n - 1)
  })

  it('keeps x increasing and every point taken from the input', () => {
    const out = lttb(xs, ys, 500)
    for (let i = 1; i < out.x.length; i++) expect(out.x[i]).toBeGreaterThan(out.x[i - 1])
    for (let i = 0; i < out.x.length; i++) expect(out.y[i]).toBe(ys[out.x[i]])
  })

  it('keeps a short spike that averaging would flatten', () => {
    const out = lttb(xs, ys, 300)
    expect(Math.max(...out.y)).toBe(1000)
  })

  it('returns short series unchanged', () => {
    expect(lttb([1, 2, 3], [4, 5, 6], 10)).toEqual({ x: [1, 2, 3], y: [4, 5, 6] })
  })
})

describe('time in zones', () => {
  it('counts each 1 Hz sample as a second in the zone whose upper bound holds it', () => {
    // Zones: Z1 <= 100, Z2 <= 200, Z3 open.
    expect(zoneSeconds([50, 100, 101, 200, 250, 900], [100, 200, Infinity])).toEqual([2, 2, 2])
  })

  it('weights samples by the time to the next one and caps pauses', () => {
    const secs = zoneSeconds([150, 150, 150, 50], [100, 200], [0, 2, 4, 400])
    // 2 s + 2 s + a 396 s pause capped at 10 s; the last sample counts 1 s.
    expect(secs).toEqual([1, 14])
  })

  it('turns % of FTP into watts with an open top zone', () => {
    expect(powerBounds([55, 75, 999], 300)).toEqual([165, 225, Infinity])
  })

  it('labels bars with names and bounds, the top one open', () => {
    const bars = zoneBars([60, 120, 30], [165, 225, Infinity], ['Recovery', 'Endurance'])
    expect(bars).toEqual([
      { zone: 'Z1', name: 'Recovery', secs: 60, lower: 0, upper: 165 },
      { zone: 'Z2', name: 'Endurance', secs: 120, lower: 165, upper: 225 },
      { zone: 'Z3', name: 'Zone 3', secs: 30, lower: 225, upper: null },
    ])
  })

  it('reads the API zone times in zone order and leaves out sweet spot', () => {
    const z = zonesFromApi(
      [
        { id: 'Z2', secs: 20 },
        { id: 'Z1', secs: 10 },
        { id: 'SS', secs: 99 },
        { id: 'Z3', secs: 30 },
      ],
      [5, 6, null as unknown as number],
    )
    expect(z).toEqual({ power: [10, 20, 30], hr: [5, 6, 0] })
  })

  it('computes power and HR zones from the streams with the activity FTP', () => {
    const raw = rawStreams([
      { type: 'time', data: [0, 1, 2, 3] as never },
      { type: 'watts', data: [100, 250, 300, 400] as never },
      { type: 'heartrate', data: [120, 150, 160, null] as never },
    ])
    const zones = streamZones(raw, [80, 100, 999], 300, ['Easy', 'Hard', 'Max'], [140, 190], ['Low', 'High'])
    expect(zones.power.map((z) => z.secs)).toEqual([1, 2, 1])
    expect(zones.hr.map((z) => z.secs)).toEqual([1, 2])
  })
})

describe('stream windows', () => {
  const raw = rawStreams([
    { type: 'time', data: Array.from({ length: 3600 }, (_, i) => i) as never },
    { type: 'watts', data: Array.from({ length: 3600 }, (_, i) => 200 + (i % 60)) as never },
    { type: 'altitude', data: Array.from({ length: 3600 }, () => null) as never, allNull: true },
  ])

  it('decimates each series to maxPoints and says so', () => {
    const w = streamWindow({ id: 'i1', type: 'Ride' }, raw, { maxPoints: 600 })
    expect(w.decimated).toBe(true)
    expect(w.windowSamples).toBe(3600)
    expect(w.series.map((s) => s.key)).toEqual(['watts'])
    expect(w.series[0].x).toHaveLength(600)
  })

  it('cuts to the zoomed range at full resolution when it is short', () => {
    const w = streamWindow({ id: 'i1', type: 'Ride' }, raw, { fromSecs: 100, toSecs: 399, maxPoints: 600 })
    expect(w.decimated).toBe(false)
    expect(w.series[0].x[0]).toBe(100)
    expect(w.series[0].x.at(-1)).toBe(399)
    expect(w.series[0].x).toHaveLength(300)
  })

  it('smooths power with a trailing mean before decimating, leaving heart rate raw', () => {
    const r = rawStreams([
      { type: 'time', data: [0, 1, 2, 3, 4, 5] as never },
      { type: 'watts', data: [0, 300, 0, 300, 0, 300] as never },
      { type: 'heartrate', data: [100, 110, 100, 110, 100, 110] as never },
    ])
    const w = streamWindow({ id: 'i1', type: 'Ride' }, r, { smoothSecs: 2, fromSecs: 2 })
    expect(w.smoothSecs).toBe(2)
    expect(w.series[0].y).toEqual([150, 150, 150, 150])
    expect(w.series[1].y).toEqual([100, 110, 100, 110])
  })

  it('smooths a whole long ride more than a zoomed interval, and a sprint not at all, unless the coach picks', () => {
    expect(autoSmoothing(4 * 3600)).toBe(30)
    expect(autoSmoothing(20 * 60)).toBe(5)
    expect(autoSmoothing(90)).toBe(0)
    const r = rawStreams([{ type: 'time', data: Array.from({ length: 4000 }, (_, i) => i) as never }, { type: 'watts', data: Array(4000).fill(200) as never }])
    expect(streamWindow({ id: 'i1', type: 'Ride' }, r, {}).smoothSecs).toBe(30)
    expect(streamWindow({ id: 'i1', type: 'Ride' }, r, { smoothSecs: 0 }).smoothSecs).toBe(0)
  })

  it('skips missing samples in the rolling mean', () => {
    expect(trailingMean([100, Number.NaN, 200, 400], 3)).toEqual([100, Number.NaN, 150, 300])
  })

  it('writes CSV with a time column and empty cells for missing samples', () => {
    const csv = streamsCsv(rawStreams([
      { type: 'time', data: [0, 1] as never },
      { type: 'heartrate', data: [120, null] as never },
    ]))
    expect(csv).toBe('time,heartrate\n0,120\n1,\n')
  })
})

describe('streams the API answers oddly', () => {
  const activity = { id: 'i1', type: 'Ride' }

  it('shows an activity with no streams, or only empty ones, as an empty chart, CSV and zone table', () => {
    for (const list of [null, [], [{ type: 'time', data: [] as never }, { type: 'watts', data: [] as never }]]) {
      const raw = rawStreams(list)
      const w = streamWindow(activity, raw, {})
      expect(w).toMatchObject({ totalSamples: 0, fromSecs: 0, toSecs: 0, windowSamples: 0, series: [] })
      expect(streamsCsv(raw).split('\n')[1]).toBe('')
      expect(streamZones(raw, [55, 75, 999], 250, [], [150, 999], []).power.every((z) => z.secs === 0)).toBe(true)
    }
  })

  it('ends a series shorter than the time stream where its samples end', () => {
    const raw = rawStreams([
      { type: 'time', data: [0, 1, 2, 3] as never },
      { type: 'watts', data: [100, 200] as never },
    ])
    const w = streamWindow(activity, raw, { smoothSecs: 0 })
    expect(w.series).toEqual([{ key: 'watts', x: [0, 1], y: [100, 200] }])
    expect(streamsCsv(raw)).toBe('time,watts\n0,100\n1,200\n2,\n3,\n')
    expect(streamZones(raw, [55, 999], 250, [], [], []).power.map((z) => z.secs)).toEqual([1, 1])
  })

  it('draws no more samples than the time stream has times for', () => {
    const raw = rawStreams([
      { type: 'time', data: [0, 1] as never },
      { type: 'heartrate', data: [120, 130, 140, 150] as never },
    ])
    expect(streamWindow(activity, raw, {}).series).toEqual([{ key: 'heartrate', x: [0, 1], y: [120, 130] }])
    expect(lttb([0, 1], [120, 130, 140, 150], 1500)).toEqual({ x: [0, 1], y: [120, 130] })
    // Samples past the last time count a second each, as the last sample does.
    expect(zoneSeconds([120, 130, 140, 150], [135, 999], [0, 5])).toEqual([6, 2])
  })
})

describe('fitness series', () => {
  it('gives one point per day, gaps for missing days and form = fitness - fatigue', () => {
    const days = fitnessDays(
      [
        { date: '2026-03-01', ctl: 50.04, atl: 60.01 },
        { date: '2026-03-03', ctl: 51, atl: 40 },
      ],
      '2026-03-01',
      '2026-03-03',
    )
    expect(days).toEqual([
      { date: '2026-03-01', ctl: 50, atl: 60, form: -10 },
      { date: '2026-03-02', ctl: null, atl: null, form: null },
      { date: '2026-03-03', ctl: 51, atl: 40, form: 11 },
    ])
  })

  it('sums load done and planned by Monday-to-Sunday week, including empty weeks', () => {
    const weeks = weeklyLoad(
      [
        { date: '2026-03-02T07:00:00', load: 50, secs: 3600 },
        { date: '2026-03-08T09:00:00', load: 70, secs: 5400 },
        { date: '2026-03-16T09:00:00', load: 30, secs: 1800 },
      ],
      [
        { date: '2026-03-03T00:00:00', load: 100 },
        { date: '2026-03-17T00:00:00', load: 0 },
      ],
      '2026-03-04',
      '2026-03-18',
    )
    expect(weeks).toEqual([
      { monday: '2026-03-02', done: 120, planned: 100, doneSecs: 9000, compliance: 120 },
      { monday: '2026-03-09', done: 0, planned: 0, doneSecs: 0, compliance: null },
      { monday: '2026-03-16', done: 30, planned: 0, doneSecs: 1800, compliance: null },
    ])
  })

  it('compliance is done as a % of planned, and none without a plan', () => {
    expect(compliancePct(85, 100)).toBe(85)
    expect(compliancePct(85, 0)).toBeNull()
    expect(compliancePct(null, 100)).toBeNull()
  })
})

/**
 * LTTB as published with the thesis (Steinarsson 2013, the reference JavaScript of its repository),
 * transcribed on its own here: points [x, y], buckets of `every` points between the two ends.
 */
function referenceLttb(data: [number, number][], threshold: number): [number, number][] {
  const every = (data.length - 2) / (threshold - 2)
  let a = 0
  const sampled: [number, number][] = [data[0]!]
  for (let i = 0; i < threshold - 2; i++) {
    let avgRangeStart = Math.floor((i + 1) * every) + 1
    const avgRangeEnd = Math.min(Math.floor((i + 2) * every) + 1, data.length)
    const avgRangeLength = avgRangeEnd - avgRangeStart
    let avgX = 0
    let avgY = 0
    for (; avgRangeStart < avgRangeEnd; avgRangeStart++) {
      avgX += data[avgRangeStart]![0]
      avgY += data[avgRangeStart]![1]
    }
    avgX /= avgRangeLength
    avgY /= avgRangeLength
    let rangeOffs = Math.floor(i * every) + 1
    const rangeTo = Math.floor((i + 1) * every) + 1
    const [pointAX, pointAY] = data[a]!
    let maxArea = -1
    let nextA = rangeOffs
    for (; rangeOffs < rangeTo; rangeOffs++) {
      const area = Math.abs((pointAX - avgX) * (data[rangeOffs]![1] - pointAY) - (pointAX - data[rangeOffs]![0]) * (avgY - pointAY)) * 0.5
      if (area > maxArea) {
        maxArea = area
        nextA = rangeOffs
      }
    }
    sampled.push(data[nextA]!)
    a = nextA
  }
  sampled.push(data[data.length - 1]!)
  return sampled
}

describe('LTTB against the published algorithm', () => {
  // A noisy ride: a slow wave with a pseudo-random jitter (a fixed linear congruential sequence).
  let seed = 7
  const jitter = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 60 - 30
  const points: [number, number][] = Array.from({ length: 1000 }, (_, i) => [i * 2 + (i % 3), 200 + 40 * Math.sin(i / 40) + jitter()])

  it.each([5, 17, 100, 333])('keeps the same %i points', (threshold) => {
    const out = lttb(points.map((p) => p[0]), points.map((p) => p[1]), threshold)
    const expected = referenceLttb(points, threshold)
    expect(out).toEqual({ x: expected.map((p) => p[0]), y: expected.map((p) => p[1]) })
  })

  it('cuts both series to the shorter one when giving a short series back', () => {
    expect(lttb([0, 1, 2, 3], [5, 6], 10)).toEqual({ x: [0, 1], y: [5, 6] })
  })
})

describe('LTTB on a series small enough to work by hand', () => {
  // Eight points into four: the buckets between the ends are points 1–3 and 4–6. The first picks
  // the point making the largest triangle with the first point and the average of the next bucket
  // (5, 3.67): point 2. The second, with point 2 and the last point: point 5.
  const xs = [0, 1, 2, 3, 4, 5, 6, 7]
  const ys = [0, 1, 5, 2, 2, 8, 1, 3]

  it('keeps the ends and the point of each bucket with the largest triangle', () => {
    expect(lttb(xs, ys, 4)).toEqual({ x: [0, 2, 5, 7], y: [0, 5, 8, 3] })
  })

  it('picks the same points when every triangle is small', () => {
    const small = ys.map((y) => y / 100)
    expect(lttb(xs, small, 4).x).toEqual([0, 2, 5, 7])
  })

  it('takes the first point of a bucket when its triangles are equal', () => {
    expect(lttb(xs, Array(8).fill(150), 4).x).toEqual([0, 1, 4, 7])
  })

  it('keeps three points as the ends and one between, and gives any fewer back unchanged', () => {
    expect(lttb(xs, ys, 3)).toEqual({ x: [0, 5, 7], y: [0, 8, 3] })
    expect(lttb(xs, ys, 2)).toEqual({ x: xs, y: ys })
    expect(lttb(xs, ys, 8)).toEqual({ x: xs, y: ys })
  })
})

describe('time in zones at the edges', () => {
  it('counts a value above every bound in the top zone, which is open', () => {
    expect(zoneSeconds([500, 150], [100, 200])).toEqual([0, 2])
  })

  it('skips missing samples and counts no time for a clock that goes back', () => {
    expect(zoneSeconds([Number.NaN, 50, 150, 150], [100, 200], [0, 1, 10, 5])).toEqual([9, 1])
  })

  it('turns % of FTP into whole watts, open from 999%', () => {
    expect(powerBounds([55.5, 998, 999, 1000], 301)).toEqual([167, 3004, Infinity, Infinity])
  })

  it('rounds the seconds of each bar', () => {
    expect(zoneBars([59.6, 0.4], [100, 200], []).map((b) => b.secs)).toEqual([60, 0])
  })

  it('reads missing zone times as none', () => {
    expect(zonesFromApi([{ id: 'Z1', secs: null }, { id: null, secs: 5 }, { id: 'Z2' }], [Number.NaN, 12])).toEqual({ power: [0, 0], hr: [0, 12] })
    expect(zonesFromApi(null, null)).toEqual({ power: [], hr: [] })
  })
})

describe('stream windows at the edges', () => {
  const ten = rawStreams([
    { type: 'time', data: Array.from({ length: 10 }, (_, i) => i) as never },
    { type: 'watts', data: Array.from({ length: 10 }, (_, i) => 100 + i) as never },
  ])
  const activity = { id: 'i1', type: 'Ride' }

  it('keeps the window inside the ride: past the end is the last sample, an end before the start is the start', () => {
    expect(streamWindow(activity, ten, { fromSecs: 20 })).toMatchObject({ fromSecs: 9, toSecs: 9, windowSamples: 1, series: [{ key: 'watts', x: [9], y: [109] }] })
    expect(streamWindow(activity, ten, { fromSecs: 5, toSecs: 3 })).toMatchObject({ fromSecs: 5, toSecs: 5, windowSamples: 1 })
    expect(streamWindow(activity, ten, { fromSecs: -5, toSecs: 2 })).toMatchObject({ fromSecs: 0, toSecs: 2, windowSamples: 3, series: [{ key: 'watts', x: [0, 1, 2], y: [100, 101, 102] }] })
  })

  it('says a window is decimated only when it holds more samples than points asked', () => {
    expect(streamWindow(activity, ten, { maxPoints: 10 }).decimated).toBe(false)
    expect(streamWindow(activity, ten, { maxPoints: 9 })).toMatchObject({ decimated: true, windowSamples: 10 })
    expect(streamWindow(activity, ten, { maxPoints: 9 }).series[0]!.x).toHaveLength(9)
  })

  it('smooths over a whole number of seconds, and not at all over one', () => {
    expect(streamWindow(activity, ten, { smoothSecs: 1 })).toMatchObject({ smoothSecs: 0, series: [{ y: ten.byType.get('watts') }] })
    // 1.6 s is 2: the mean of each sample and the one before.
    expect(streamWindow(activity, ten, { smoothSecs: 1.6, fromSecs: 1, toSecs: 3 })).toMatchObject({ smoothSecs: 2, series: [{ x: [1, 2, 3], y: [100.5, 101.5, 102.5] }] })
  })

  it('carries the zones already worked out, and none before', () => {
    const zones = { power: [{ zone: 'Z1', name: 'Easy', secs: 10, lower: 0, upper: null }], hr: [] }
    expect(streamWindow(activity, { ...ten, zones }, {}).zones).toBe(zones)
    expect(streamWindow(activity, ten, {})).toMatchObject({ activityId: 'i1', type: 'Ride', totalSamples: 10, unavailable: null, zones: { power: [], hr: [] } })
  })

  it('smooths a whole hour at 5 s, a longer ride at 30 s, ten minutes not at all', () => {
    expect([600, 601, 3600, 3601].map(autoSmoothing)).toEqual([0, 5, 5, 30])
  })

  it('averages the samples of the trailing window, counting from before the window shown', () => {
    expect(trailingMean([10, 20, 30, 40, 50], 2, 2)).toEqual([Number.NaN, Number.NaN, 25, 35, 45])
    expect(trailingMean([10, 20, 30, 40, 50], 3, 1, 4)).toEqual([Number.NaN, 15, 20, 30, Number.NaN])
    expect(trailingMean([1, 1, 2], 3)).toEqual([1, 1, 1.3])
  })

  it('reads the API’s streams leniently: no type, no list or all null is no stream, and without a time stream one sample a second', () => {
    const raw = rawStreams([
      { type: 'watts', data: [100, '110', 120] as never },
      { data: [1, 2] as never },
      { type: 'cadence', data: null as never },
      { type: 'heartrate', data: [null, null] as never, allNull: true },
      null as never,
    ])
    expect(raw.time).toEqual([0, 1, 2])
    expect([...raw.byType.keys()]).toEqual(['watts'])
    expect(raw.byType.get('watts')).toEqual([100, Number.NaN, 120])
  })
})

describe('fitness series at the edges', () => {
  it('reads records by their day and rounds to a tenth', () => {
    expect(fitnessDays([{ date: '2026-03-01T00:00:00', ctl: 50.04, atl: 60.06 }], '2026-03-01', '2026-03-01')).toEqual([{ date: '2026-03-01', ctl: 50, atl: 60.1, form: -10 }])
    expect(fitnessDays([{ date: '2026-03-01', ctl: 50, atl: null }], '2026-03-01', '2026-03-01')).toEqual([{ date: '2026-03-01', ctl: 50, atl: null, form: null }])
    expect(fitnessDays([{ date: '2026-03-01', ctl: null, atl: 45 }], '2026-03-01', '2026-03-01')).toEqual([{ date: '2026-03-01', ctl: null, atl: 45, form: null }])
  })

  it('leaves out load outside the weeks shown, and rounds each week', () => {
    const weeks = weeklyLoad(
      [
        { date: '2026-02-28T07:00:00', load: 500, secs: 999 },
        { date: '2026-03-03T07:00:00', load: 40.4, secs: null },
        { date: '2026-03-04T07:00:00', load: null, secs: 600 },
      ],
      [
        { date: '2026-03-10T00:00:00', load: 100 },
        { date: '2026-03-05T00:00:00', load: 79.6 },
        { date: '2026-03-06T00:00:00', load: null },
      ],
      '2026-03-02',
      '2026-03-08',
    )
    expect(weeks).toEqual([{ monday: '2026-03-02', done: 40, planned: 80, doneSecs: 600, compliance: 51 }])
  })

  it('includes the week of a range that ends on a Monday', () => {
    expect(weeklyLoad([], [], '2026-03-04', '2026-03-09').map((w) => w.monday)).toEqual(['2026-03-02', '2026-03-09'])
  })
})
