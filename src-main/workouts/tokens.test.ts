import { describe, expect, it } from 'vitest'
import { isCustomZone, readDuration, readPace, readPercent } from './tokens'

// Single tokens of the step syntax where a near miss would be read as something else.

describe('a duration token', () => {
  it('is nothing when empty', () => {
    expect(readDuration('')).toBeUndefined()
  })

  it('is flagged as bare minutes only when it has minutes and nothing else, since 400m may have meant metres', () => {
    expect(readDuration('30m')).toEqual({ secs: 1800, minutesOnly: true, minutes: 30 })
    expect(readDuration('1h30m')).toEqual({ secs: 5400, minutesOnly: false, minutes: 30 })
    expect(readDuration('30m20s')).toEqual({ secs: 1820, minutesOnly: false, minutes: 30 })
    expect(readDuration('45s')).toMatchObject({ minutesOnly: false })
  })

  it('is minutes without doubt when written with a quote mark', () => {
    expect(readDuration("400'")).toEqual({ secs: 24_000, minutesOnly: false, minutes: 400 })
    expect(readDuration('2’15”')).toEqual({ secs: 135, minutesOnly: false, minutes: 2 })
  })
})

describe('a percent token', () => {
  it('is a range only with both ends, and nothing when the % is doubled', () => {
    expect(readPercent('88-94%')).toEqual({ start: 88, end: 94 })
    expect(readPercent('50%-75%')).toEqual({ start: 50, end: 75 })
    expect(readPercent('75%%')).toBeUndefined()
    expect(readPercent('75')).toBeUndefined()
  })
})

describe('a pace token', () => {
  it('reads minutes and seconds at both ends of a range', () => {
    expect(readPace('4:50-5:10/km')).toEqual({ range: { start: 290, end: 310 }, units: 'secs_per_km' })
    expect(readPace('1:45/100m-2:05/100m')).toEqual({ range: { start: 105, end: 125 }, units: 'secs_per_100m' })
  })
})

describe('a custom zone token', () => {
  it('is a cz number or a range of them, and only that', () => {
    for (const token of ['cz1', 'CZ12', 'cz1-cz12', 'cz10-cz2']) expect(isCustomZone(token)).toBe(true)
    for (const token of ['xcz1', 'cz1x', 'cz', 'cz1-cz', 'cz1-czx', 'cz1-z2']) expect(isCustomZone(token)).toBe(false)
  })
})
