import { describe, expect, it } from 'vitest'
import type { Activity, Event } from '../../icu/types'
import { calActivity, calEvent } from './mapping'

// An event and an activity as the calendar shows them, from what intervals.icu sends.

describe('an event on the calendar', () => {
  it('carries what the coach sees, flags as booleans and numbers only where they are numbers', () => {
    const e: Event = {
      id: 42,
      uid: 'u42',
      category: 'WORKOUT',
      start_date_local: '2027-03-02T18:00:00',
      end_date_local: '2027-03-03T00:00:00',
      name: 'Threshold',
      description: '- 20m 95%',
      type: 'Ride',
      moving_time: 3600,
      icu_training_load: 71,
      hide_from_athlete: true,
      athlete_cannot_edit: false,
    }
    expect(calEvent(e, 'i1', '9001')).toEqual({
      id: 42,
      uid: 'u42',
      athleteId: 'i1',
      category: 'WORKOUT',
      date: '2027-03-02',
      endDate: null,
      name: 'Threshold',
      description: '- 20m 95%',
      type: 'Ride',
      movingSecs: 3600,
      load: 71,
      hidden: true,
      locked: false,
      doneActivityId: '9001',
    })
  })

  it('fills what intervals.icu leaves out: a note with no name, no sport, nothing done', () => {
    expect(calEvent({ athlete_cannot_edit: true } as Event, 'i1')).toEqual({
      id: 0,
      uid: null,
      athleteId: 'i1',
      category: 'NOTE',
      date: '',
      endDate: null,
      name: '',
      description: '',
      type: null,
      movingSecs: null,
      load: null,
      hidden: false,
      locked: true,
      doneActivityId: null,
    })
  })

  it.each([
    ['an end at the next midnight is one day', '2027-03-02T00:00:00', '2027-03-03T00:00:00', null],
    ['an end at midnight three days on covers three days', '2027-03-02T00:00:00', '2027-03-05T00:00:00', '2027-03-04'],
    ['an end given as a date alone is exclusive too', '2027-03-02T00:00:00', '2027-03-05', '2027-03-04'],
    ['an end later in a day covers that day', '2027-03-02T09:00:00', '2027-03-04T12:00:00', '2027-03-04'],
    ['an end later on its start day is one day', '2027-03-02T09:00:00', '2027-03-02T12:00:00', null],
    ['an end before the start is one day', '2027-03-02T09:00:00', '2027-03-01T12:00:00', null],
    ['no end is one day', '2027-03-02T09:00:00', undefined, null],
  ])('%s', (_name, start, end, endDate) => {
    expect(calEvent({ id: 1, start_date_local: start, end_date_local: end } as Event, 'i1').endDate).toBe(endDate)
  })
})

describe('an activity on the calendar', () => {
  it('carries its id as text, its day, and the planned event it is paired with', () => {
    const a = { id: 'a77', start_date_local: '2027-03-02T07:15:00', type: 'Run', name: 'Easy run', moving_time: 2400, icu_training_load: 30, paired_event_id: 42 } as Activity
    expect(calActivity(a, 'i2')).toEqual({ id: 'a77', athleteId: 'i2', date: '2027-03-02', type: 'Run', name: 'Easy run', movingSecs: 2400, load: 30, pairedEventId: 42 })
  })

  it('fills what intervals.icu leaves out', () => {
    expect(calActivity({ id: 5 } as unknown as Activity, 'i2')).toEqual({ id: '5', athleteId: 'i2', date: '', type: 'Other', name: '', movingSecs: null, load: null, pairedEventId: null })
  })
})
