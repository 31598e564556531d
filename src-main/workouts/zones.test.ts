import { describe, expect, it } from 'vitest'
import type { Target } from './types'
import {
  HR_ZONES_PCT_LTHR,
  PACE_ZONES_PCT_THRESHOLD,
  POWER_ZONES_PCT_FTP,
  hrShareOfLthr,
  mmpShareOfFtp,
  paceShareOfThreshold,
  paceSpeed,
  paceToSpeed,
  powerShare,
  thresholdShare,
  zoneEdges,
} from './zones'

// A step's target as a share of the athlete's threshold. Every expected number is worked out by hand
// from the zone tables' edges (zones.ts's header) and the athlete's numbers in the test.

const power = (units: 'zone' | '%ftp' | 'w' | '%mmp', start: number, end?: number, mmpSecs?: number): Target => ({ kind: 'power', units, start, end, mmpSecs })
const hr = (units: '%hr' | '%lthr' | 'zone' | 'bpm', start: number, end?: number): Target => ({ kind: 'hr', units, start, end })
const pace = (units: Extract<Target, { kind: 'pace' }>['units'], start: number, end?: number): Target => ({ kind: 'pace', units, start, end })

describe('a zone’s edges', () => {
  it('are the low edge of the first zone named and the high edge of the last, in either order', () => {
    expect(zoneEdges(POWER_ZONES_PCT_FTP, 2)).toEqual({ low: 56, high: 75 })
    expect(zoneEdges(POWER_ZONES_PCT_FTP, 2, 4)).toEqual({ low: 56, high: 105 })
    expect(zoneEdges(POWER_ZONES_PCT_FTP, 4, 2)).toEqual({ low: 56, high: 105 })
    expect(zoneEdges(HR_ZONES_PCT_LTHR, 7)).toEqual({ low: 107, high: 110 })
    expect(zoneEdges(PACE_ZONES_PCT_THRESHOLD, 1, 7)).toEqual({ low: 70, high: 120 })
  })

  it('take the nearest zone that exists for a number outside 1..7 or between zones', () => {
    expect(zoneEdges(POWER_ZONES_PCT_FTP, 0)).toEqual({ low: 45, high: 55 })
    expect(zoneEdges(POWER_ZONES_PCT_FTP, 9)).toEqual({ low: 151, high: 200 })
    expect(zoneEdges(POWER_ZONES_PCT_FTP, 2.4)).toEqual({ low: 56, high: 75 })
    expect(zoneEdges(POWER_ZONES_PCT_FTP, 2.5)).toEqual({ low: 76, high: 90 })
  })
})

describe('a power target as a share of FTP', () => {
  it('reads percent of FTP at the start, the end or the middle of a range', () => {
    expect(powerShare(power('%ftp', 75), {})).toBe(0.75)
    expect(powerShare(power('%ftp', 70, 80), {})).toBe(0.75)
    expect(powerShare(power('%ftp', 70, 80), {}, 'start')).toBe(0.7)
    expect(powerShare(power('%ftp', 70, 80), {}, 'end')).toBe(0.8)
    expect(powerShare(power('%ftp', 70), {}, 'end')).toBe(0.7)
  })

  it('divides watts by the FTP, and cannot tell without one', () => {
    expect(powerShare(power('w', 200), { ftp: 250 })).toBe(0.8)
    expect(powerShare(power('w', 200, 300), { ftp: 250 }, 'end')).toBe(1.2)
    expect(powerShare(power('w', 200), {})).toBeUndefined()
  })

  it('takes a zone at its middle: Z2 is 56–75%, so 65.5%', () => {
    expect(powerShare(power('zone', 2), {})).toBeCloseTo(0.655, 10)
    // Z2-Z4 spans 56–105%: the middle is 80.5%; its start is Z2's middle, its end Z4's (91–105%: 98%).
    expect(powerShare(power('zone', 2, 4), {})).toBeCloseTo(0.805, 10)
    expect(powerShare(power('zone', 2, 4), {}, 'start')).toBeCloseTo(0.655, 10)
    expect(powerShare(power('zone', 2, 4), {}, 'end')).toBeCloseTo(0.98, 10)
  })

  it('turns percent of MMP into FTP with W′ worth 80 s of FTP: 100% of 5-minute power is 1 + 80/300', () => {
    expect(mmpShareOfFtp(300)).toBeCloseTo(1.26667, 5)
    expect(mmpShareOfFtp(1200)).toBeCloseTo(1.06667, 5)
    // Under two minutes, held at the two-minute value.
    expect(mmpShareOfFtp(60)).toBeCloseTo(1.66667, 5)
    expect(mmpShareOfFtp(120)).toBeCloseTo(1.66667, 5)
    expect(powerShare(power('%mmp', 90, undefined, 1200), {})).toBeCloseTo(0.96, 10)
    expect(powerShare(power('%mmp', 100), {})).toBeCloseTo(1.26667, 5)
  })

  it('is not a power share for a heart-rate or pace target', () => {
    expect(powerShare(hr('%lthr', 90), { ftp: 250 })).toBeUndefined()
    expect(powerShare(hr('zone', 2), { ftp: 250 })).toBeUndefined()
    expect(powerShare(pace('%pace', 90), { ftp: 250 })).toBeUndefined()
  })
})

describe('a heart-rate target as a share of LTHR', () => {
  it('reads percent of LTHR, and bpm over the athlete’s LTHR', () => {
    expect(hrShareOfLthr(hr('%lthr', 90), {})).toBe(0.9)
    expect(hrShareOfLthr(hr('%lthr', 80, 90), {}, 'end')).toBe(0.9)
    expect(hrShareOfLthr(hr('bpm', 150), { lthr: 160 })).toBe(0.9375)
    expect(hrShareOfLthr(hr('bpm', 150), {})).toBeUndefined()
  })

  it('takes a zone at its middle: Z2 is 82–89% of LTHR, so 85.5%', () => {
    expect(hrShareOfLthr(hr('zone', 2), {})).toBeCloseTo(0.855, 10)
    // A ramp from Z1 (70–81%) to Z3 (90–93%): its start is Z1's middle.
    expect(hrShareOfLthr(hr('zone', 1, 3), {}, 'start')).toBeCloseTo(0.755, 10)
    expect(hrShareOfLthr(hr('zone', 1, 3), {}, 'end')).toBeCloseTo(0.915, 10)
    expect(hrShareOfLthr(hr('zone', 1, 3), {})).toBeCloseTo(0.815, 10)
  })

  it('turns percent of max HR into LTHR with the athlete’s own numbers, or LTHR at 90% of max', () => {
    // 80% of 190 bpm is 152 bpm, over an LTHR of 170.
    expect(hrShareOfLthr(hr('%hr', 80), { maxHr: 190, lthr: 170 })).toBeCloseTo(152 / 170, 10)
    expect(hrShareOfLthr(hr('%hr', 81), { maxHr: 190 })).toBeCloseTo(0.9, 10)
    expect(hrShareOfLthr(hr('%hr', 81), { lthr: 170 })).toBeCloseTo(0.9, 10)
  })

  it('is not a heart-rate share for a power target', () => {
    expect(hrShareOfLthr(power('%ftp', 90), { lthr: 170 })).toBeUndefined()
    expect(hrShareOfLthr(power('zone', 2), { lthr: 170 })).toBeUndefined()
  })
})

describe('a pace target as a share of threshold speed', () => {
  it('reads percent of threshold pace, and a zone at its middle', () => {
    expect(paceShareOfThreshold(pace('%pace', 95), {})).toBe(0.95)
    // Z4 is 94.4–100%: 97.2%; a ramp to Z5 (100.1–103.4%) ends at 101.75%.
    expect(paceShareOfThreshold(pace('zone', 4), {})).toBeCloseTo(0.972, 10)
    expect(paceShareOfThreshold(pace('zone', 3, 5), {}, 'end')).toBeCloseTo(1.0175, 10)
    expect(paceShareOfThreshold(pace('zone', 3, 5), {}, 'start')).toBeCloseTo((87.8 + 94.3) / 200, 10)
    // A range of zones, unless a point is asked for, is the middle of the whole span: Z3–Z5 is 87.8–103.4%.
    expect(paceShareOfThreshold(pace('zone', 3, 5), {})).toBeCloseTo(0.956, 10)
  })

  it('divides the speed of an absolute pace by the threshold speed, and cannot tell without one', () => {
    // 5:00/km is 3.333 m/s; a threshold of 4 m/s (4:10/km).
    expect(paceShareOfThreshold(pace('secs_per_km', 300), { thresholdPaceMps: 4 })).toBeCloseTo(0.83333, 5)
    expect(paceShareOfThreshold(pace('secs_per_km', 300), {})).toBeUndefined()
  })

  it('is not a pace share for a heart-rate target', () => {
    expect(paceShareOfThreshold(hr('%lthr', 90), { thresholdPaceMps: 4 })).toBeUndefined()
  })
})

describe('a pace as a speed', () => {
  it.each([
    ['secs_per_km', 300, 1000 / 300],
    ['secs_per_mi', 480, 1609.344 / 480],
    ['secs_per_100m', 90, 100 / 90],
    ['secs_per_100y', 90, 91.44 / 90],
    ['secs_per_500m', 120, 500 / 120],
    ['secs_per_400m', 80, 5],
    ['secs_per_250m', 50, 5],
  ] as const)('%s: %i seconds is the distance over the time', (units, secs, mps) => {
    expect(paceToSpeed(secs, units)).toBeCloseTo(mps, 10)
  })

  it('is no speed for no time', () => {
    expect(paceToSpeed(0, 'secs_per_km')).toBe(0)
    expect(paceToSpeed(-5, 'secs_per_km')).toBe(0)
  })

  it('is known for a relative pace only with the athlete’s threshold', () => {
    expect(paceSpeed(pace('secs_per_km', 240, 300), {}, 'start')).toBeCloseTo(1000 / 240, 10)
    expect(paceSpeed(pace('secs_per_km', 240, 300), {}, 'end')).toBeCloseTo(1000 / 300, 10)
    expect(paceSpeed(pace('%pace', 90), { thresholdPaceMps: 4 })).toBeCloseTo(3.6, 10)
    expect(paceSpeed(pace('zone', 4), { thresholdPaceMps: 4 })).toBeCloseTo(3.888, 10)
    expect(paceSpeed(pace('zone', 3, 5), { thresholdPaceMps: 4 })).toBeCloseTo(3.824, 10)
    expect(paceSpeed(pace('%pace', 90, 110), { thresholdPaceMps: 4 }, 'end')).toBeCloseTo(4.4, 10)
    expect(paceSpeed(pace('%pace', 90), {})).toBeUndefined()
    expect(paceSpeed(hr('%lthr', 90), { thresholdPaceMps: 4 })).toBeUndefined()
  })
})

describe('any target as a share of its own threshold', () => {
  it('uses FTP for power, LTHR for heart rate and threshold speed for pace', () => {
    const athlete = { ftp: 250, lthr: 160, thresholdPaceMps: 4 }
    expect(thresholdShare(power('w', 200), athlete)).toBe(0.8)
    expect(thresholdShare(hr('bpm', 144), athlete)).toBe(0.9)
    expect(thresholdShare(pace('secs_per_km', 250), athlete)).toBe(1)
    expect(thresholdShare(power('w', 200, 300), athlete, 'end')).toBe(1.2)
    expect(thresholdShare(hr('bpm', 144, 160), athlete, 'end')).toBe(1)
    expect(thresholdShare(pace('%pace', 90, 110), athlete, 'start')).toBe(0.9)
    // Z2–Z4 power spans 56–105%.
    expect(thresholdShare(power('zone', 2, 4), athlete)).toBeCloseTo(0.805, 10)
  })
})
