import { describe, expect, it } from 'vitest'
import { formatRefusal, sportFamily } from '../../contract/exports'
import type { FetchedFile } from './download'
import type { EventMeta } from './names'
import { looseKey, matchZipEntries } from './zipMatch'

const entry = (label: string): FetchedFile => ({ athleteId: 'i1', eventId: null, label, date: null, base: label, bytes: new TextEncoder().encode(label) })
const workout = (eventId: number, date: string, name: string, sport = 'Ride'): EventMeta => ({ athleteId: 'i1', eventId, date, name, category: 'WORKOUT', sport })
const labels = (m: Map<number, FetchedFile>) => Object.fromEntries([...m].map(([id, f]) => [id, f.label]))

describe('matching workouts.zip entries to planned workouts', () => {
  it('matches by date and name, loosely, whatever order the zip lists them in', () => {
    const m = matchZipEntries([entry('2026-12-02 Sweet Spot 3x12'), entry('2026-12-01 tempo_2x20')], [workout(1, '2026-12-01', 'Tempo: 2x20'), workout(2, '2026-12-02', 'Sweet spot 3x12')])
    expect(labels(m.byEvent)).toEqual({ 1: '2026-12-01 tempo_2x20', 2: '2026-12-02 Sweet Spot 3x12' })
    expect(m.extra).toEqual([])
  })

  it('gives the second workout of the same day and name the " (2)" entry', () => {
    const m = matchZipEntries([entry('2026-12-01 Tempo (2)'), entry('2026-12-01 Tempo')], [workout(9, '2026-12-01', 'Tempo'), workout(4, '2026-12-01', 'Tempo')])
    expect(labels(m.byEvent)).toEqual({ 4: '2026-12-01 Tempo', 9: '2026-12-01 Tempo (2)' })
  })

  it('leaves a workout the zip did not hold unmatched, so it is fetched alone', () => {
    const m = matchZipEntries([entry('2026-12-01 Tempo')], [workout(1, '2026-12-01', 'Tempo'), workout(2, '2026-12-03', 'Just ride')])
    expect(labels(m.byEvent)).toEqual({ 1: '2026-12-01 Tempo' })
    expect(m.extra).toEqual([])
  })

  it('matches entries named without the date, and pairs the rest in order when the counts agree', () => {
    const named = matchZipEntries([entry('Tempo')], [workout(1, '2026-12-01', 'Tempo')])
    expect(labels(named.byEvent)).toEqual({ 1: 'Tempo' })
    const paired = matchZipEntries([entry('a'), entry('b')], [workout(2, '2026-12-02', 'X'), workout(1, '2026-12-01', 'Y')])
    expect(labels(paired.byEvent)).toEqual({ 1: 'a', 2: 'b' })
  })

  it('keeps an entry no workout claims as extra rather than dropping it', () => {
    const m = matchZipEntries([entry('2026-12-01 Tempo'), entry('mystery'), entry('other')], [workout(1, '2026-12-01', 'Tempo'), workout(2, '2026-12-05', 'Long')])
    expect(labels(m.byEvent)).toEqual({ 1: '2026-12-01 Tempo' })
    expect(m.extra.map((e) => e.label)).toEqual(['mystery', 'other'])
  })

  it('compares letters and digits only', () => {
    expect(looseKey('2026-12-01  Überwelle: 3×12!')).toBe(looseKey('20261201 überwelle 3×12'))
  })
})

describe('which sports each format carries', () => {
  it('.zwo rides and runs; .erg and .mrc rides; .fit everything', () => {
    for (const sport of ['Ride', 'VirtualRide', 'GravelRide', 'Run', 'VirtualRun', 'TrailRun']) expect(formatRefusal('zwo', sport)).toBeNull()
    expect(formatRefusal('zwo', 'Swim')).toMatch(/\.zwo files \(Zwift\) carry rides and runs only, and this is a Swim workout/)
    expect(formatRefusal('zwo', 'WeightTraining')).toMatch(/rides and runs only/)
    for (const f of ['erg', 'mrc'] as const) {
      expect(formatRefusal(f, 'VirtualRide')).toBeNull()
      expect(formatRefusal(f, 'Run')).toMatch(/rides only/)
      expect(formatRefusal(f, 'Swim')).toMatch(/rides only/)
    }
    for (const sport of ['Swim', 'Run', 'Ride', 'WeightTraining', 'Rowing']) expect(formatRefusal('fit', sport)).toBeNull()
  })

  it('a workout without a sport is a ride, as on intervals.icu', () => {
    expect(formatRefusal('erg', null)).toBeNull()
    expect(sportFamily('OpenWaterSwim')).toBe('swim')
  })
})

describe('matching, where a wrong pairing would be easy', () => {
  it('reduces a name to lower-case letters and digits', () => {
    expect(looseKey('2026-12-01 Sweet Spot: 3x12')).toBe('20261201sweetspot3x12')
    expect(looseKey('Straße')).toBe('straße')
  })

  it('gives the n-th workout of a day and name its " (n)" entry even when extra entries stop the pairing in order', () => {
    const m = matchZipEntries(
      [entry('2026-12-01 Tempo'), entry('2026-12-01 Tempo (2)'), entry('2026-12-01 Tempo (3)'), entry('mystery')],
      [workout(4, '2026-12-01', 'Tempo'), workout(9, '2026-12-01', 'Tempo'), workout(12, '2026-12-01', 'Tempo')],
    )
    expect(labels(m.byEvent)).toEqual({ 4: '2026-12-01 Tempo', 9: '2026-12-01 Tempo (2)', 12: '2026-12-01 Tempo (3)' })
    expect(m.extra.map((e) => e.label)).toEqual(['mystery'])
  })

  it('does not take "Tempo 1" for the first "Tempo" of the day', () => {
    const m = matchZipEntries([entry('2026-12-01 Tempo 1'), entry('2026-12-01 Tempo')], [workout(1, '2026-12-01', 'Tempo'), workout(2, '2026-12-01', 'Tempo 1')])
    expect(labels(m.byEvent)).toEqual({ 1: '2026-12-01 Tempo', 2: '2026-12-01 Tempo 1' })
  })

  it('keeps every entry of one name beyond the workouts that claim it', () => {
    const m = matchZipEntries([entry('2026-12-01 Tempo'), entry('2026-12-01 Tempo'), entry('zz')], [workout(1, '2026-12-01', 'Tempo')])
    expect(labels(m.byEvent)).toEqual({ 1: '2026-12-01 Tempo' })
    expect(m.extra.map((e) => e.label)).toEqual(['2026-12-01 Tempo', 'zz'])
  })

  it('lists the extra entries by name, and pairs the leftovers in that order', () => {
    const m = matchZipEntries([entry('zeta'), entry('alpha'), entry('mid')], [])
    expect(m.extra.map((e) => e.label)).toEqual(['alpha', 'mid', 'zeta'])
    const paired = matchZipEntries([entry('b'), entry('a')], [workout(2, '2026-12-02', 'X'), workout(1, '2026-12-01', 'Y')])
    expect(labels(paired.byEvent)).toEqual({ 1: 'a', 2: 'b' })
    expect(paired.extra).toEqual([])
  })
})
