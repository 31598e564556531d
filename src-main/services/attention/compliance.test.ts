import { describe, expect, it } from 'vitest'
import { addDays, athleteToday, mondayOf } from '../dates'
import { complianceWeeks } from './compliance'
import type { AthleteAttentionData } from './rules'

const NOW = new Date('2026-03-10T20:00:00Z')

describe.each(['Pacific/Auckland', 'America/Los_Angeles'])('compliance weeks for an athlete in %s', (tz) => {
  const today = athleteToday(tz, NOW)
  const monday = mondayOf(today)
  const base: AthleteAttentionData = { today, form: null, rampRate: null, fitness: null, fatigue: null, races: [], workouts: [], activities: [], daysOff: [], wellness: null, unread: [], loadedFrom: addDays(monday, -28) }

  it('gives five empty weeks, oldest first, for an athlete with no data', () => {
    const weeks = complianceWeeks(base)
    expect(weeks.map((w) => w.monday)).toEqual([28, 21, 14, 7, 0].map((d) => addDays(monday, -d)))
    expect(weeks.every((w) => w.plannedCount === 0 && w.doneCount === 0 && w.missed.length === 0)).toBe(true)
  })

  it('adds planned and done count, time and load per week, and lists the workouts missed on past days only', () => {
    const lastWeek = addDays(monday, -7)
    const data: AthleteAttentionData = {
      ...base,
      workouts: [
        { id: 1, date: addDays(lastWeek, 1), name: 'Threshold', type: 'Ride', load: 80, secs: 3600 },
        { id: 2, date: addDays(lastWeek, 3), name: 'Long run', type: 'Run', load: 100, secs: 5400 },
        { id: 3, date: addDays(today, 1), name: 'Tomorrow', type: 'Run', load: 50, secs: 2700 },
      ],
      activities: [
        { id: 'a', start: `${addDays(lastWeek, 1)}T07:00:00`, type: 'VirtualRide', name: 'Zwift', load: 75, secs: 3500, pairedEventId: 1, compliance: 94, coachTick: null, chatId: null, stub: false },
        { id: 'b', start: `${addDays(lastWeek, 5)}T09:00:00`, type: 'Swim', name: 'Swim', load: 30, secs: 1800, pairedEventId: null, compliance: null, coachTick: null, chatId: null, stub: false },
      ],
    }
    const weeks = complianceWeeks(data)
    expect(weeks[3]).toEqual({
      monday: lastWeek,
      plannedCount: 2,
      plannedSecs: 9000,
      plannedLoad: 180,
      doneCount: 2,
      doneSecs: 5300,
      doneLoad: 105,
      missed: [{ date: addDays(lastWeek, 3), name: 'Long run' }],
    })
    const thisWeek = weeks[4]!
    expect(thisWeek.plannedLoad).toBe(addDays(today, 1) < addDays(monday, 7) ? 50 : 0)
    expect(thisWeek.missed).toEqual([])
  })

  it('counts a Monday in its own week and a Sunday in the week it ends, and lists the missed by date', () => {
    const weekBefore = addDays(monday, -14)
    const lastWeek = addDays(monday, -7)
    const workout = (id: number, date: string, name: string) => ({ id, date, name, type: 'Swim', load: 40, secs: 1800 })
    const activity = (id: string, date: string, load: number) => ({ id, start: `${date}T06:00:00`, type: 'Ride', name: 'Ride', load, secs: 3600, pairedEventId: null, compliance: null, coachTick: null, chatId: null, stub: false })
    const data: AthleteAttentionData = {
      ...base,
      // A Sunday and the Monday after: one for each week; the latest given first.
      workouts: [workout(3, addDays(lastWeek, 2), 'Wednesday swim'), workout(1, addDays(lastWeek, -1), 'Sunday swim'), workout(2, lastWeek, 'Monday swim')],
      activities: [activity('sun', addDays(lastWeek, -1), 10), activity('mon', lastWeek, 20)],
    }
    const [, , before, last] = complianceWeeks(data)
    expect(before!.monday).toBe(weekBefore)
    expect([before!.plannedCount, before!.doneCount, before!.doneLoad]).toEqual([1, 1, 10])
    expect([last!.plannedCount, last!.doneCount, last!.doneLoad]).toEqual([2, 1, 20])
    // Rides do not stand in for swims: both of last week's are missed, earliest first.
    expect(last!.missed).toEqual([
      { date: lastWeek, name: 'Monday swim' },
      { date: addDays(lastWeek, 2), name: 'Wednesday swim' },
    ])
  })
})
