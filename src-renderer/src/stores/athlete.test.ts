import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useAthleteStore } from './athlete'
import { useFitnessStore } from './fitness'
import { fail, ok, standIn } from '../testing/bridge'

// The athlete's page (profile, activity list, sport settings) and its fitness chart, against a
// stand-in bridge.

const act = (id: string, type: string, load: number | null, movingSecs: number | null = 3600, distanceM: number | null = 30000) =>
  ({ id, date: '2026-12-01', type, name: id, movingSecs, distanceM, load }) as never
const profile = (today: string) => ({ id: 'i1', name: 'Maya', today, sports: [{ id: 1, ftp: 250 }, { id: 2, ftp: 0 }] })

function bridge(over: Record<string, unknown> = {}) {
  return standIn('athlete', {
    get: () => ok(profile('2026-12-03')),
    activities: () => ok([act('a', 'Ride', 50), act('b', 'VirtualRide', null, null, null), act('c', 'Run', 30, 1800, 6000)]),
    updateSportSettings: () => ok({ id: 2, ftp: 280 }),
    fitness: () => ok({ days: [] }),
    ...over,
  })
}

beforeEach(() => setActivePinia(createPinia()))

describe("the athlete's page", () => {
  it('opens the profile and the activities of the last 91 days, up to the athlete’s today', async () => {
    const b = bridge()
    const a = useAthleteStore()
    const opening = a.open('i1')
    expect(a.loading).toBe(true)
    await opening
    expect(a.loading).toBe(false)
    expect(a.profiles.i1?.today).toBe('2026-12-03')
    // 91 days ending on 3 December start on 4 September.
    expect(b.activities).toHaveBeenCalledWith({ athleteId: 'i1', oldest: '2026-09-04', newest: '2026-12-03' })
    expect(a.lists.i1).toMatchObject({ oldest: '2026-09-04', newest: '2026-12-03' })
    expect(a.activities('i1').map((r) => r.id)).toEqual(['a', 'b', 'c'])
    expect(a.activities('nobody')).toEqual([])
    expect(a.listLoading).toBe(false)
  })

  it('reopened the same day it keeps the list; on a new day it reads it again', async () => {
    const b = bridge()
    const a = useAthleteStore()
    await a.open('i1')
    await a.open('i1')
    expect(b.activities).toHaveBeenCalledTimes(1)
    b.get.mockReturnValueOnce(ok(profile('2026-12-04')))
    await a.open('i1')
    expect(b.activities).toHaveBeenCalledTimes(2)
    expect(a.lists.i1?.newest).toBe('2026-12-04')
  })

  it('filters by sport family, totals what is shown, and forgets a sport the new range lacks', async () => {
    const b = bridge()
    const a = useAthleteStore()
    await a.open('i1')
    expect(a.sports('i1')).toEqual(['Ride', 'Run'])
    a.sport = 'Ride'
    expect(a.visible('i1').map((r) => r.id)).toEqual(['a', 'b'])
    expect(a.totals('i1')).toEqual({ count: 2, secs: 3600, metres: 30000, load: 50 })
    b.activities.mockReturnValueOnce(ok([act('c', 'Run', 30)]))
    await a.loadActivities('i1', 28)
    expect(a.rangeDays).toBe(28)
    expect(b.activities).toHaveBeenLastCalledWith({ athleteId: 'i1', oldest: '2026-11-06', newest: '2026-12-03' })
    expect(a.sport).toBeNull()
    a.sport = 'Run'
    await a.afterManualLog('i1')
    expect(b.activities).toHaveBeenLastCalledWith({ athleteId: 'i1', oldest: '2026-11-06', newest: '2026-12-03' })
    expect(a.sport).toBe('Run')
  })

  it('asks for no list before the athlete’s today is known', async () => {
    const b = bridge()
    const a = useAthleteStore()
    await a.loadActivities('i1', 28)
    expect(b.activities).not.toHaveBeenCalled()
    expect(a.rangeDays).toBe(91)
  })

  it('says why the profile or the list failed, each in its own place', async () => {
    const b = bridge({ get: vi.fn(() => fail('NOT_FOUND', 'No such athlete.')) })
    const a = useAthleteStore()
    await a.open('i1')
    expect(a.error).toEqual({ code: 'NOT_FOUND', message: 'No such athlete.' })
    expect(a.loading).toBe(false)
    expect(b.activities).not.toHaveBeenCalled()
    b.get.mockReturnValue(ok(profile('2026-12-03')))
    b.activities.mockReturnValueOnce(fail('NETWORK', 'offline') as never)
    await a.open('i1')
    expect(a.error).toBeNull()
    expect(a.listError).toEqual({ code: 'NETWORK', message: 'offline' })
    expect(a.listLoading).toBe(false)
    await a.loadActivities('i1')
    expect(a.listError).toBeNull()
  })

  it('puts the saved sport settings in place of that sport’s card', async () => {
    const b = bridge()
    const a = useAthleteStore()
    await a.open('i1')
    const saved = await a.saveSportSettings('i1', 2, true, { ftp: 280 } as never)
    expect(saved).toEqual({ id: 2, ftp: 280 })
    expect(b.updateSportSettings).toHaveBeenCalledWith({ athleteId: 'i1', settingsId: 2, recalcHrZones: true, changes: { ftp: 280 } })
    expect(a.profiles.i1?.sports).toEqual([{ id: 1, ftp: 250 }, { id: 2, ftp: 280 }])
    // Saved for an athlete whose page is not open: nothing to update.
    await a.saveSportSettings('i9', 2, false, {} as never)
    expect(a.profiles.i9).toBeUndefined()
  })
})

describe("the athlete's fitness chart", () => {
  it('reads the range up to three weeks past today, for the planned load ahead', async () => {
    const b = bridge()
    const f = useFitnessStore()
    const loading = f.load('i1', '2026-12-03')
    expect(f.loading).toBe(true)
    await loading
    expect(f.loading).toBe(false)
    expect(b.fitness).toHaveBeenCalledWith({ athleteId: 'i1', oldest: '2026-09-04', newest: '2026-12-24' })
    expect(f.series.i1).toEqual({ days: [] })
    await f.load('i1', '2026-12-03', 28)
    expect(f.days).toBe(28)
    expect(b.fitness).toHaveBeenLastCalledWith({ athleteId: 'i1', oldest: '2026-11-06', newest: '2026-12-24' })
    await f.load('i1', '2026-12-03')
    expect(b.fitness).toHaveBeenLastCalledWith(expect.objectContaining({ oldest: '2026-11-06' }))
  })

  it('says why the chart failed, and clears it on the next load', async () => {
    const b = bridge({ fitness: vi.fn(() => fail('NETWORK', 'offline')) })
    const f = useFitnessStore()
    await f.load('i1', '2026-12-03')
    expect(f.error).toEqual({ code: 'NETWORK', message: 'offline' })
    expect(f.loading).toBe(false)
    b.fitness.mockReturnValue(ok({ days: [] }) as never)
    await f.load('i1', '2026-12-03')
    expect(f.error).toBeNull()
  })
})
