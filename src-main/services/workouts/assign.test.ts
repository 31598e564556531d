import { describe, expect, it } from 'vitest'
import { previewWorkout } from './preview'
import { assignDate, describeWhen, weekStartFor, weekWords, workoutEvent } from './assign'
import { eventsFromTemplate, templateFromWeek } from './weekTemplate'

// Sunday 22:00 in London is already Monday 11:00 in Auckland and still Sunday afternoon in Los Angeles.
const NOW = new Date('2026-03-15T22:00:00Z')
const london = { id: 'i1', timezone: 'Europe/London' }
const auckland = { id: 'i2', timezone: 'Pacific/Auckland' }
const la = { id: 'i3', timezone: 'America/Los_Angeles' }

describe('each athlete’s date in the athlete’s own timezone', () => {
  it('gives "Tuesday next week" from each athlete’s own week', () => {
    const when = { kind: 'weekday', weekOffset: 1, weekday: 1 } as const
    expect([london, la, auckland].map((a) => assignDate(when, a, NOW))).toEqual(['2026-03-17', '2026-03-17', '2026-03-24'])
    expect(describeWhen(when)).toBe('Tuesday next week')
  })

  it('gives "tomorrow" from each athlete’s own today, and a fixed date as it is', () => {
    expect([london, auckland].map((a) => assignDate({ kind: 'fromToday', days: 1 }, a, NOW))).toEqual(['2026-03-16', '2026-03-17'])
    expect(assignDate({ kind: 'date', date: '2026-04-01' }, auckland, NOW)).toBe('2026-04-01')
  })

  it('starts a template on each athlete’s own next Monday', () => {
    expect([london, auckland].map((a) => weekStartFor(1, a, NOW))).toEqual(['2026-03-16', '2026-03-23'])
  })

  it('sends only the text of a workout, for intervals.icu to parse with each athlete’s settings', () => {
    expect(workoutEvent({ name: 'W', sport: 'VirtualRide', description: '- 1h 70%' }, '2026-03-17')).toEqual({
      category: 'WORKOUT',
      name: 'W',
      type: 'VirtualRide',
      description: '- 1h 70%',
      indoor: true,
      start_date_local: '2026-03-17T00:00:00',
    })
  })
})

describe('when, as the preview’s title says it', () => {
  it('names a fixed date as it is, and days from today in words', () => {
    expect(describeWhen({ kind: 'date', date: '2026-04-01' })).toBe('2026-04-01')
    expect(describeWhen({ kind: 'fromToday', days: 0 })).toBe('today')
    expect(describeWhen({ kind: 'fromToday', days: 1 })).toBe('tomorrow')
    expect(describeWhen({ kind: 'fromToday', days: 2 })).toBe('in 2 days')
    expect(describeWhen({ kind: 'fromToday', days: -1 })).toBe('yesterday')
    expect(describeWhen({ kind: 'fromToday', days: -3 })).toBe('3 days ago')
  })

  it('names each weekday, and weeks before and after this one', () => {
    expect(describeWhen({ kind: 'weekday', weekOffset: 0, weekday: 0 })).toBe('Monday this week')
    expect(describeWhen({ kind: 'weekday', weekOffset: -1, weekday: 6 })).toBe('Sunday last week')
    expect(describeWhen({ kind: 'weekday', weekOffset: 3, weekday: 3 })).toBe('Thursday in 3 weeks')
    expect(describeWhen({ kind: 'weekday', weekOffset: -2, weekday: 4 })).toBe('Friday 2 weeks ago')
    expect(describeWhen({ kind: 'weekday', weekOffset: 1, weekday: 2 })).toBe('Wednesday next week')
    expect(describeWhen({ kind: 'weekday', weekOffset: 1, weekday: 5 })).toBe('Saturday next week')
    expect([0, 1, -1, 2, -2].map(weekWords)).toEqual(['this week', 'next week', 'last week', 'in 2 weeks', '2 weeks ago'])
  })

  it('counts days from each athlete’s today, back and forth, and weekdays of weeks before this one', () => {
    expect(assignDate({ kind: 'fromToday', days: -3 }, auckland, NOW)).toBe('2026-03-13')
    expect(assignDate({ kind: 'fromToday', days: 0 }, la, NOW)).toBe('2026-03-15')
    expect(assignDate({ kind: 'weekday', weekOffset: -1, weekday: 6 }, auckland, NOW)).toBe('2026-03-15')
    expect(assignDate({ kind: 'weekday', weekOffset: 0, weekday: 0 }, la, NOW)).toBe('2026-03-09')
    expect(weekStartFor(-2, la, NOW)).toBe('2026-02-23')
    expect(weekStartFor(0, auckland, NOW)).toBe('2026-03-16')
  })

  it('takes a workout as indoor when it says so, else when its sport is virtual', () => {
    expect(workoutEvent({ name: 'W', sport: 'Ride', description: '- 1h 70%' }, '2026-03-17').indoor).toBe(false)
    expect(workoutEvent({ name: 'W', sport: 'Ride', description: '- 1h 70%', indoor: true }, '2026-03-17').indoor).toBe(true)
    expect(workoutEvent({ name: 'W', sport: 'VirtualRun', description: '- 1h 70%', indoor: false }, '2026-03-17').indoor).toBe(false)
    expect(workoutEvent({ name: 'W', sport: 'Run', description: '- 1h Virtual pace' }, '2026-03-17').indoor).toBe(false)
  })
})

describe('week templates', () => {
  const meta = { id: 't', name: 'T', sourceAthleteId: 'i1', sourceName: 'A', weekStart: '2026-03-16', createdAt: '' }
  const week = [
    { id: 3, category: 'WORKOUT', name: 'Ride', type: 'Ride', description: '- 1h 70%', start_date_local: '2026-03-17T00:00:00', end_date_local: '2026-03-18T00:00:00', moving_time: 3600, icu_training_load: 49 },
    { id: 4, category: 'HOLIDAY', name: 'Away', start_date_local: '2026-03-20T00:00:00', end_date_local: '2026-03-23T00:00:00' },
    { id: 5, category: 'TARGET', name: 'Load', start_date_local: '2026-03-16T00:00:00', load_target: 400 },
    { id: 6, category: 'NOTE', name: 'Next week', start_date_local: '2026-03-23T00:00:00' },
    { id: 7, category: 'SET_EFTP', name: 'eFTP', start_date_local: '2026-03-18T00:00:00' },
  ] as const

  it('keeps every planned event of the week with its day and length, and leaves fitness-model events out', () => {
    const t = templateFromWeek(meta, [...week])
    expect(t.events.map((e) => [e.category, e.day, e.days])).toEqual([
      ['TARGET', 0, 1],
      ['WORKOUT', 1, 1],
      ['HOLIDAY', 4, 3],
    ])
  })

  it('makes the same week from another start, workouts as text only', () => {
    const events = eventsFromTemplate(templateFromWeek(meta, [...week]), '2026-04-06')
    expect(events.map((e) => [e.category, e.start_date_local, e.end_date_local])).toEqual([
      ['TARGET', '2026-04-06T00:00:00', '2026-04-07T00:00:00'],
      ['WORKOUT', '2026-04-07T00:00:00', '2026-04-08T00:00:00'],
      ['HOLIDAY', '2026-04-10T00:00:00', '2026-04-13T00:00:00'],
    ])
    expect(events[0]!.load_target).toBe(400)
    expect(events[1]!.moving_time).toBeUndefined()
  })
})

describe('the preview’s blocks', () => {
  it('draws ramps from start to end, zones at their middle, and guesses distance steps without a pace', () => {
    const p = previewWorkout('- 10m ramp 50%-75%\n- 5m Z2\n- 400mtr 80% Pace\n- 1m freeride', 'Run')
    expect(p.blocks.map((b) => [b.from, b.to, b.zoneFrom, b.zoneTo, b.timed])).toEqual([
      [0.5, 0.75, 1, 2, true],
      [0.655, 0.655, 2, 2, true],
      [0.8, 0.8, 2, 2, false],
      [null, null, 0, 0, true],
    ])
    expect(p.needs).toEqual(['threshold pace'])
    expect(p.guessedTime).toBe(true)
  })
})
