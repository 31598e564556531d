import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { LibFolder, ProfileBlock } from '@contract'
import WorkoutGraph from '../components/workouts/WorkoutGraph.vue'
import { clock, filterLibrary, mainSport, planDay, thresholdsFor, timeTicks, whenLabel } from './workoutModel'

describe('the numbers behind the load estimate', () => {
  const settings = [
    { types: ['Ride', 'VirtualRide'], ftp: 250, lthr: 165, maxHr: 185, thresholdPaceMps: null },
    { types: ['Run'], ftp: null, lthr: 170, maxHr: 190, thresholdPaceMps: 4 },
  ]
  it('uses the sport’s own record, else its family’s, and leaves out numbers that are not set', () => {
    expect(thresholdsFor(settings, 'VirtualRide')).toEqual({ ftp: 250, lthr: 165, maxHr: 185 })
    expect(thresholdsFor(settings, 'TrailRun')).toEqual({ lthr: 170, maxHr: 190, thresholdPaceMps: 4 })
    expect(thresholdsFor(settings, 'Swim')).toEqual({})
    expect(thresholdsFor(undefined, 'Ride')).toEqual({})
  })
})

describe('the library list', () => {
  const w = (id: number, name: string, day: number | null = null) => ({ id, folderId: 1, name, sport: 'Ride', description: '', movingSecs: 3600, load: 50, day, indoor: false })
  const folders: LibFolder[] = [
    { id: 1, name: 'Bike', kind: 'FOLDER', description: '', workouts: [w(1, 'Sweet spot'), w(2, 'VO2max')] },
    { id: 2, name: 'Sweet block', kind: 'PLAN', description: '', workouts: [w(3, 'Tempo', 8)] },
  ]
  it('keeps a whole folder whose name matches and only the matching workouts of others', () => {
    expect(filterLibrary(folders, 'sweet').map((f) => [f.name, f.workouts.map((x) => x.name)])).toEqual([
      ['Bike', ['Sweet spot']],
      ['Sweet block', ['Tempo']],
    ])
    expect(filterLibrary(folders, 'nothing')).toEqual([])
    expect(planDay(w(3, 'Tempo', 8))).toBe('Week 2 · Tue')
  })

  it('labels when a workout goes', () => {
    expect(whenLabel({ kind: 'weekday', weekOffset: 1, weekday: 1 })).toBe('Tuesday next week')
    expect(whenLabel({ kind: 'fromToday', days: 1 })).toBe('tomorrow')
    expect(timeTicks(3900)).toEqual([600, 1200, 1800, 2400, 3000, 3600])
  })
})

describe('the workout graph', () => {
  const block = (over: Partial<ProfileBlock>): ProfileBlock => ({
    line: 1, startSecs: 0, secs: 600, from: 0.5, to: 0.5, zoneFrom: 1, zoneTo: 1, kind: 'power', ramp: false, timed: true, label: '10m 50%', ...over,
  })
  it('draws one shape per block, ramps as slopes with a gradient between their zones, and reports clicks by line', async () => {
    const g = mount(WorkoutGraph, {
      props: {
        blocks: [
          block({ ramp: true, from: 0.5, to: 0.75, zoneTo: 2 }),
          block({ line: 2, startSecs: 600, secs: 300, from: 1.1, to: 1.1, zoneFrom: 5, zoneTo: 5 }),
          block({ line: 3, startSecs: 900, secs: 300, from: null, to: null, kind: 'none', zoneFrom: 0, zoneTo: 0 }),
        ],
      },
    })
    const shapes = g.findAll('[data-testid="graph-block"]')
    expect(shapes).toHaveLength(3)
    const [ramp, hard, free] = shapes.map((s) => s.attributes('points')!.split(' ').map((p) => p.split(',').map(Number)))
    expect(ramp![1]![1]).toBeGreaterThan(ramp![2]![1]!)
    expect(hard![1]![1]).toBeLessThan(ramp![2]![1]!)
    expect(free![1]![1]).toBe(free![2]![1])
    expect(shapes[0]!.attributes('fill')).toMatch(/^url\(#/)
    expect(g.findAll('linearGradient')).toHaveLength(1)
    expect(shapes[2]!.classes()).toContain('free')
    await shapes[1]!.trigger('click')
    expect(g.emitted('pick')).toEqual([[2]])
  })
})

describe('a new workout’s sport', () => {
  it('is the athlete’s most trained sport lately, as the editor offers it', () => {
    expect(mainSport(['Run', 'Ride'])).toBe('Run')
    expect(mainSport(['TrailRun'])).toBe('Run')
    expect(mainSport(['VirtualRide', 'Run'])).toBe('VirtualRide')
    expect(mainSport(['OpenWaterSwim'])).toBe('Swim')
    expect(mainSport(['Yoga', 'Swim'])).toBe('Swim')
    expect(mainSport([])).toBe('Ride')
  })
})

describe('labels and numbers of the editor', () => {
  it('says when a workout goes, for every kind of day', () => {
    expect(whenLabel({ kind: 'date', date: '2026-12-08' })).toBe('2026-12-08')
    expect(whenLabel({ kind: 'fromToday', days: 0 })).toBe('today')
    expect(whenLabel({ kind: 'fromToday', days: 3 })).toBe('in 3 days')
    expect(whenLabel({ kind: 'weekday', weekOffset: 0, weekday: 0 })).toBe('Monday this week')
    expect(whenLabel({ kind: 'weekday', weekOffset: 2, weekday: 6 })).toBe('Sunday in 2 weeks')
  })

  it('writes durations as seconds, minutes, or hours and minutes', () => {
    expect(clock(45.4)).toBe('45s')
    expect(clock(60)).toBe('1 min')
    expect(clock(59.6)).toBe('60s')
    expect(clock(3599)).toBe('60 min')
    expect(clock(3600)).toBe('1:00')
    expect(clock(3900)).toBe('1:05')
    expect(clock(7260)).toBe('2:01')
  })

  it('picks a round tick step for about six labels, none at the very end', () => {
    expect(timeTicks(480)).toEqual([60, 120, 180, 240, 300, 360, 420])
    // A tick within a quarter step of the end is left out.
    expect(timeTicks(435)).toEqual([60, 120, 180, 240, 300, 360])
    expect(timeTicks(436)).toEqual([60, 120, 180, 240, 300, 360, 420])
    expect(timeTicks(481)).toEqual([300])
    expect(timeTicks(2400)).toEqual([300, 600, 900, 1200, 1500, 1800, 2100])
    expect(timeTicks(36_000)).toEqual([7200, 14_400, 21_600, 28_800])
    expect(timeTicks(100_000)).toHaveLength(13)
  })

  it('has no plan day for a library workout, and counts plan days from Monday of week 1', () => {
    const w = (day: number | null) => ({ id: 1, folderId: 1, name: 'x', sport: 'Ride', description: '', movingSecs: 0, load: 0, day, indoor: false })
    expect(planDay(w(null))).toBeNull()
    expect(planDay(w(0))).toBe('Week 1 · Mon')
    expect(planDay(w(6))).toBe('Week 1 · Sun')
    expect(planDay(w(7))).toBe('Week 2 · Mon')
  })

  it('searches the library ignoring case and spaces around the words', () => {
    const w = (name: string) => ({ id: 1, folderId: 1, name, sport: 'Ride', description: '', movingSecs: 0, load: 0, day: null, indoor: false })
    const folders = [{ id: 1, name: 'Bike', kind: 'FOLDER' as const, description: '', workouts: [w('Over Unders'), w('Tempo')] }]
    expect(filterLibrary(folders, '  ')).toBe(folders)
    expect(filterLibrary(folders, ' UNDERS ').map((f) => f.workouts.map((x) => x.name))).toEqual([['Over Unders']])
    expect(filterLibrary(folders, 'BIKE')[0]!.workouts).toHaveLength(2)
  })

  it('takes a swim’s and a run’s family record, and nothing from an empty list', () => {
    const list = [
      { types: ['Swim'], ftp: null, lthr: null, maxHr: null, thresholdPaceMps: 1.4 },
      { types: ['Ride'], ftp: 200, lthr: null, maxHr: null, thresholdPaceMps: null },
      { types: ['Run'], ftp: null, lthr: null, maxHr: 190, thresholdPaceMps: 4 },
    ]
    expect(thresholdsFor(list, 'OpenWaterSwim')).toEqual({ thresholdPaceMps: 1.4 })
    expect(thresholdsFor(list, 'VirtualRun')).toEqual({ maxHr: 190, thresholdPaceMps: 4 })
    expect(thresholdsFor(list, 'Rowing')).toEqual({ ftp: 200 })
    expect(thresholdsFor([], 'Ride')).toEqual({})
  })

  it('a sport that only starts with a family name takes it, never a virtual ride by likeness', () => {
    expect(mainSport(['RideHard'])).toBe('Ride')
    expect(mainSport(['Yoga', 'Pilates'])).toBe('Ride')
  })
})
