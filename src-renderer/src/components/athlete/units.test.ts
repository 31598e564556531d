import { describe, expect, it } from 'vitest'
import { formatPace, kmh, paceLabel, paceToSpeed, paceUnitFor, parsePace, speedAsPace, speedToPace } from './units'

describe('pace units', () => {
  it('shows a run threshold stored as m/s as min/km', () => {
    // 3.64 m/s is 1000 / 3.64 = 274.7 s per km.
    expect(speedToPace(3.64, 'MINS_KM')).toBeCloseTo(274.7, 1)
    expect(speedAsPace(3.64, 'MINS_KM')).toBe('4:35 /km')
  })

  it('shows a swim threshold stored as m/s as time per 100 m', () => {
    expect(speedAsPace(1.25, 'SECS_100M')).toBe('1:20 /100m')
    expect(speedToPace(1.25, 'SECS_100Y')).toBeCloseTo(73.15, 2)
  })

  it('turns a typed pace back into the m/s intervals.icu stores', () => {
    expect(paceToSpeed(parsePace('4:35'), 'MINS_KM')).toBeCloseTo(3.636, 3)
    expect(paceToSpeed(parsePace('1:20'), 'SECS_100M')).toBeCloseTo(1.25, 3)
    expect(paceToSpeed(parsePace('7:00'), 'MINS_MILE')).toBeCloseTo(3.832, 3)
  })

  it('round-trips every whole-second pace exactly', () => {
    for (let secs = 150; secs <= 600; secs++) expect(Math.round(speedToPace(paceToSpeed(secs, 'MINS_KM'), 'MINS_KM')!)).toBe(secs)
  })

  it('parses m:ss, h:mm:ss and plain seconds, and refuses what is not a pace', () => {
    expect(parsePace('4:35')).toBe(275)
    expect(parsePace('1:02:05')).toBe(3725)
    expect(parsePace(' 95 ')).toBe(95)
    expect(parsePace('4:75')).toBeNull()
    expect(parsePace('fast')).toBeNull()
    expect(parsePace('')).toBeNull()
  })

  it('formats paces and leaves standing still blank', () => {
    expect(formatPace(59.6)).toBe('1:00')
    expect(formatPace(3725)).toBe('1:02:05')
    expect(speedToPace(0, 'MINS_KM')).toBeNull()
    expect(speedAsPace(null, 'MINS_KM')).toBe('–')
  })

  it('picks per 100 m for swims and per km otherwise when the settings do not say', () => {
    expect(paceUnitFor(['Swim', 'OpenWaterSwim'], null)).toBe('SECS_100M')
    expect(paceUnitFor(['Run'], null)).toBe('MINS_KM')
    expect(paceUnitFor(['Run'], 'MINS_MILE')).toBe('MINS_MILE')
    expect(paceLabel('SECS_100M')).toBe('/100m')
    expect(kmh(10)).toBe('36.0 km/h')
  })
})
