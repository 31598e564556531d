import { describe, expect, it } from 'vitest'
import type { Event } from '../../icu/types'
import { eventsFromTemplate, templateFromWeek, templateSummary, type StoredTemplate } from './weekTemplate'

// The week of Monday 16 March 2026, every field of what a template keeps written out by hand.
const meta = { id: 't1', name: 'Build week', sourceAthleteId: 'i1', sourceName: 'Lena Fischer', weekStart: '2026-03-16', createdAt: '2026-03-10T08:00:00.000Z' }

describe('a week saved as a template', () => {
  it('keeps each event’s day, length and fields, filling what intervals.icu left out', () => {
    const week: Event[] = [
      {
        id: 9,
        category: 'WORKOUT',
        name: 'Trainer VO2',
        type: 'VirtualRide',
        description: '- 5x3m 120%',
        indoor: true,
        start_date_local: '2026-03-22T00:00:00',
        end_date_local: '2026-03-23T00:00:00',
        moving_time: 3600,
        icu_training_load: 70,
        hide_from_athlete: true,
        athlete_cannot_edit: true,
      },
      { id: 2, category: 'TARGET', start_date_local: '2026-03-16T00:00:00', end_date_local: '2026-03-23', load_target: 400, time_target: 36_000, distance_target: 200_000 },
      { id: 1, start_date_local: '2026-03-17T06:00:00', end_date_local: '2026-03-17T10:00:00' },
    ]
    expect(templateFromWeek(meta, week)).toEqual({
      version: 1,
      ...meta,
      events: [
        // A date-only end is the day after the last: 16 to 23 March is seven days.
        { day: 0, days: 7, category: 'TARGET', name: '', type: null, description: '', indoor: false, moving_time: null, icu_training_load: null, hide_from_athlete: false, athlete_cannot_edit: false, load_target: 400, time_target: 36_000, distance_target: 200_000 },
        // An end within the same day (10:00) is that day: one day long. An event without a category is a note.
        { day: 1, days: 1, category: 'NOTE', name: '', type: null, description: '', indoor: false, moving_time: null, icu_training_load: null, hide_from_athlete: false, athlete_cannot_edit: false, load_target: null, time_target: null, distance_target: null },
        { day: 6, days: 1, category: 'WORKOUT', name: 'Trainer VO2', type: 'VirtualRide', description: '- 5x3m 120%', indoor: true, moving_time: 3600, icu_training_load: 70, hide_from_athlete: true, athlete_cannot_edit: true, load_target: null, time_target: null, distance_target: null },
      ],
    })
  })

  it('takes an end in the middle of a later day as including that day, and never less than one day', () => {
    const days = (end: string) => templateFromWeek(meta, [{ id: 1, category: 'HOLIDAY', start_date_local: '2026-03-18T00:00:00', end_date_local: end }]).events[0]!.days
    expect(days('2026-03-20T12:00:00')).toBe(3)
    expect(days('2026-03-20T00:00:00')).toBe(2)
    expect(days('2026-03-20')).toBe(2)
    expect(days('2026-03-18T00:00:00')).toBe(1)
    expect(days('2026-03-15T00:00:00')).toBe(1)
  })

  it('keeps Monday to Sunday only, and orders events of one day by time, then by id', () => {
    const week: Event[] = [
      { id: 30, category: 'NOTE', name: 'Sunday', start_date_local: '2026-03-22T00:00:00' },
      { id: 31, category: 'NOTE', name: 'Sunday before', start_date_local: '2026-03-15T23:00:00' },
      { id: 32, category: 'NOTE', name: 'Monday after', start_date_local: '2026-03-23T00:00:00' },
      { id: 21, category: 'NOTE', name: 'Tuesday, second', start_date_local: '2026-03-17T00:00:00' },
      { id: 20, category: 'NOTE', name: 'Tuesday, first', start_date_local: '2026-03-17T00:00:00' },
      { id: 10, category: 'NOTE', name: 'Tuesday evening', start_date_local: '2026-03-17T18:00:00' },
      { category: 'NOTE', name: 'Tuesday, no id', start_date_local: '2026-03-17T00:00:00' },
      { id: 11, category: 'NOTE', name: 'Monday', start_date_local: '2026-03-16T00:00:00' },
    ]
    expect(templateFromWeek(meta, week).events.map((e) => e.name)).toEqual(['Monday', 'Tuesday, no id', 'Tuesday, first', 'Tuesday, second', 'Tuesday evening', 'Sunday'])
  })

  it('leaves out what belongs to the fitness model, and an event with no date', () => {
    const week: Event[] = ['SET_EFTP', 'SET_FITNESS', 'FITNESS_DAYS', 'SEASON_START', 'PLAN', 'RACE_A'].map((category, i) => ({
      id: i,
      category: category as Event['category'],
      name: category,
      start_date_local: '2026-03-18T00:00:00',
    }))
    week.push({ id: 99, category: 'NOTE', name: 'Undated' })
    expect(templateFromWeek(meta, week).events.map((e) => e.name)).toEqual(['RACE_A'])
  })
})

describe('a template put on another calendar', () => {
  const t: StoredTemplate = {
    version: 1,
    ...meta,
    events: [
      { day: 1, days: 1, category: 'WORKOUT', name: 'Tempo', type: 'Ride', description: '- 1h 80%', indoor: false, moving_time: 3600, icu_training_load: 60, hide_from_athlete: true, athlete_cannot_edit: false, load_target: null, time_target: null, distance_target: null },
      { day: 3, days: 2, category: 'HOLIDAY', name: 'Away', type: null, description: '', indoor: false, moving_time: null, icu_training_load: null, hide_from_athlete: false, athlete_cannot_edit: true, load_target: null, time_target: null, distance_target: null },
      { day: 0, days: 7, category: 'TARGET', name: 'Week load', type: 'Ride', description: '', indoor: true, moving_time: 5400, icu_training_load: null, hide_from_athlete: false, athlete_cannot_edit: false, load_target: 400, time_target: 36_000, distance_target: 200_000 },
    ],
  }

  it('sends a workout’s text and indoor flag but not its time, other events their time and targets, and no empty sport', () => {
    expect(eventsFromTemplate(t, '2026-04-06')).toEqual([
      { category: 'WORKOUT', name: 'Tempo', description: '- 1h 80%', start_date_local: '2026-04-07T00:00:00', end_date_local: '2026-04-08T00:00:00', hide_from_athlete: true, athlete_cannot_edit: false, type: 'Ride', indoor: false },
      { category: 'HOLIDAY', name: 'Away', description: '', start_date_local: '2026-04-09T00:00:00', end_date_local: '2026-04-11T00:00:00', hide_from_athlete: false, athlete_cannot_edit: true },
      {
        category: 'TARGET',
        name: 'Week load',
        description: '',
        start_date_local: '2026-04-06T00:00:00',
        end_date_local: '2026-04-13T00:00:00',
        hide_from_athlete: false,
        athlete_cannot_edit: false,
        type: 'Ride',
        moving_time: 5400,
        load_target: 400,
        time_target: 36_000,
        distance_target: 200_000,
      },
    ])
  })

  it('is listed with each event’s day, length, sport, time and load', () => {
    expect(templateSummary(t)).toEqual({
      id: 't1',
      name: 'Build week',
      sourceAthleteId: 'i1',
      sourceName: 'Lena Fischer',
      weekStart: '2026-03-16',
      createdAt: '2026-03-10T08:00:00.000Z',
      events: [
        { day: 1, days: 1, category: 'WORKOUT', name: 'Tempo', sport: 'Ride', movingSecs: 3600, load: 60 },
        { day: 3, days: 2, category: 'HOLIDAY', name: 'Away', sport: null, movingSecs: null, load: null },
        { day: 0, days: 7, category: 'TARGET', name: 'Week load', sport: 'Ride', movingSecs: 5400, load: null },
      ],
    })
  })
})
