import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { LibFolder, ProfileBlock } from '@contract'
import WorkoutGraph from '../components/workouts/WorkoutGraph.vue'
import { filterLibrary, mainSport, planDay, thresholdsFor, timeTicks, whenLabel } from './workoutModel'

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
