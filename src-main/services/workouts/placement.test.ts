import { describe, expect, it } from 'vitest'
import type { Event } from '../../icu/types'
import { coachDate } from '../dates'
import { placeNewEvents, sportFamily, type AthleteFacts, type NewEvent } from './placement'

const TEXT = '- 10m 60%\n- 2x15m 90%\n- 10m 55%'
const workout = (athleteId: string, date: string, over: Partial<Event> = {}): NewEvent => ({
  athleteId,
  event: { category: 'WORKOUT', name: 'Tempo 2x15', type: 'Ride', description: TEXT, start_date_local: `${date}T00:00:00`, ...over },
})
const existing = (id: number, date: string, over: Partial<Event> = {}): Event => ({
  id,
  category: 'WORKOUT',
  name: `Planned ${id}`,
  type: 'Ride',
  start_date_local: `${date}T00:00:00`,
  ...over,
})
const lena: AthleteFacts = { name: 'Lena Fischer', today: '2026-12-03', sports: ['Ride', 'VirtualRide', 'Run'], recentSports: ['VirtualRide', 'Run'] }
const ana: AthleteFacts = { name: 'Ana Costa', today: '2026-12-03', sports: ['Swim', 'Run'], recentSports: ['Swim', 'Run'] }
const athletes = new Map([
  ['i1', lena],
  ['i2', ana],
])

describe('what is already planned on the days new events land on', () => {
  it('lists per athlete and day the events there, multi-day ones on each day they cover', () => {
    const calendars = new Map([
      ['i1', [existing(11, '2026-12-08'), existing(12, '2026-12-08', { category: 'NOTE', name: 'Call', type: undefined }), existing(13, '2026-12-10')]],
      ['i2', [existing(21, '2026-12-07', { category: 'HOLIDAY', name: 'Ski trip', type: undefined, end_date_local: '2026-12-10T00:00:00' })]],
    ])
    const placed = placeNewEvents({ creates: [workout('i1', '2026-12-08'), workout('i1', '2026-12-09'), workout('i2', '2026-12-09')], existing: calendars, athletes, choice: 'alongside' })
    expect(placed.placement.existing).toEqual([
      { athleteId: 'i1', date: '2026-12-08', events: [
        { id: 11, category: 'WORKOUT', name: 'Planned 11', type: 'Ride' },
        { id: 12, category: 'NOTE', name: 'Call', type: null },
      ] },
      { athleteId: 'i2', date: '2026-12-09', events: [{ id: 21, category: 'HOLIDAY', name: 'Ski trip', type: null }] },
    ])
    expect(placed.creates).toHaveLength(3)
    expect(placed.deletes).toEqual([])
  })

  it('replace deletes the workouts already on the days that get a new workout, and nothing else', () => {
    const calendars = new Map([['i1', [existing(11, '2026-12-08'), existing(12, '2026-12-08', { category: 'NOTE' }), existing(13, '2026-12-10')]]])
    const placed = placeNewEvents({ creates: [workout('i1', '2026-12-08'), workout('i1', '2026-12-09')], existing: calendars, athletes, choice: 'replace' })
    expect(placed.deletes.map((d) => d.event.id)).toEqual([11])
    expect(placed.creates).toHaveLength(2)
    expect(placed.placement.choice).toBe('replace')
  })

  it('skip leaves out new workouts on days that already have one, with the reason, and keeps the rest', () => {
    const calendars = new Map([['i1', [existing(11, '2026-12-08', { name: 'Long ride' })]]])
    const note = workout('i1', '2026-12-08', { category: 'NOTE', name: 'Rest well', type: undefined, description: '' })
    const placed = placeNewEvents({ creates: [workout('i1', '2026-12-08'), workout('i1', '2026-12-09'), note], existing: calendars, athletes, choice: 'skip' })
    expect(placed.creates.map((c) => `${c.event.name} ${c.event.start_date_local}`)).toEqual(['Tempo 2x15 2026-12-09T00:00:00', 'Rest well 2026-12-08T00:00:00'])
    expect(placed.skipped).toEqual([
      { athleteId: 'i1', eventId: null, reason: `“Tempo 2x15” not added: Lena Fischer already has “Long ride” on ${coachDate('2026-12-08')}.` },
    ])
    expect(placed.deletes).toEqual([])
  })
})

describe('warnings before anything is written', () => {
  const kinds = (creates: NewEvent[], calendars = new Map<string, Event[]>()) =>
    placeNewEvents({ creates, existing: calendars, athletes, choice: 'alongside' }).placement.warnings.map((w) => `${w.athleteId}:${w.kind}:${w.needsConfirm}`)

  it('names a sport the athlete has no settings for', () => {
    const w = placeNewEvents({ creates: [workout('i1', '2026-12-08'), workout('i2', '2026-12-08')], existing: new Map(), athletes, choice: 'alongside' }).placement.warnings
    expect(w).toEqual([
      { athleteId: 'i2', kind: 'noSportSettings', needsConfirm: false, message: 'Ana Costa has no Ride settings in intervals.icu: it cannot work out time and load for this Ride workout.' },
      { athleteId: 'i2', kind: 'notTheirSport', needsConfirm: false, message: 'Ana Costa has done no Ride training lately (Swim, Run): is this Ride workout meant for them?' },
    ])
    const two = placeNewEvents({ creates: [workout('i2', '2026-12-08'), workout('i2', '2026-12-09', { type: 'VirtualRide' })], existing: new Map(), athletes, choice: 'alongside' })
    expect(two.placement.warnings.filter((x) => x.kind === 'notTheirSport').map((x) => x.message)).toEqual(['Ana Costa has done no Ride training lately (Swim, Run): are these 2 Ride workouts meant for them?'])
  })

  it('takes a virtual ride for a ride, and says nothing without recent training to go by', () => {
    expect(kinds([workout('i1', '2026-12-08', { type: 'GravelRide' })])).toEqual(['i1:noSportSettings:false'])
    const quiet = new Map([['i2', { ...ana, sports: null, recentSports: [] }]])
    expect(placeNewEvents({ creates: [workout('i2', '2026-12-08')], existing: new Map(), athletes: quiet, choice: 'alongside' }).placement.warnings).toEqual([])
  })

  it('says no sport warning when the settings could not be read', () => {
    const unknown = new Map([['i2', { ...ana, sports: null, recentSports: ['Ride'] }]])
    expect(placeNewEvents({ creates: [workout('i2', '2026-12-08')], existing: new Map(), athletes: unknown, choice: 'alongside' }).placement.warnings).toEqual([])
  })

  it('warns about a workout on a day marked holiday, sick or injured', () => {
    const calendars = new Map([['i1', [existing(5, '2026-12-07', { category: 'SICK', end_date_local: '2026-12-09T00:00:00' })]]])
    const placed = placeNewEvents({ creates: [workout('i1', '2026-12-08'), workout('i1', '2026-12-09')], existing: calendars, athletes, choice: 'alongside' })
    expect(placed.placement.warnings).toEqual([{ athleteId: 'i1', kind: 'dayOff', needsConfirm: false, message: `Lena Fischer is marked sick on ${coachDate('2026-12-08')}.` }])
  })

  it('asks to confirm dates in the past or more than a year ahead of the athlete’s today', () => {
    expect(kinds([workout('i1', '1900-01-01')])).toEqual(['i1:past:true'])
    expect(kinds([workout('i1', '2026-12-02')])).toEqual(['i1:past:true'])
    expect(kinds([workout('i1', '2026-12-03')])).toEqual([])
    expect(kinds([workout('i1', '2027-12-03')])).toEqual([])
    expect(kinds([workout('i1', '2027-12-04')])).toEqual(['i1:farAhead:true'])
    expect(kinds([workout('i1', '2099-06-01')])).toEqual(['i1:farAhead:true'])
  })

  it('warns once about a workout intervals.icu would save as prose, with zero load', () => {
    const prose = { description: 'Easy spin with the club, chat pace' }
    expect(kinds([workout('i1', '2026-12-08', prose), workout('i1', '2026-12-09', prose)])).toEqual(['null:prose:false'])
    expect(kinds([workout('i1', '2026-12-08')])).toEqual([])
  })
})

describe('the days an existing event covers', () => {
  const onDay = (e: Event, day: string) =>
    placeNewEvents({ creates: [workout('i1', day)], existing: new Map([['i1', [e]]]), athletes, choice: 'alongside' }).placement.existing.length > 0

  it('ends at the midnight its end names, includes a day its end falls within, and is never shorter than its first day', () => {
    const holiday = (end: string | undefined) => existing(7, '2026-12-08', { category: 'HOLIDAY', end_date_local: end })
    expect(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10'].map((d) => onDay(holiday('2026-12-10T00:00:00'), d))).toEqual([false, true, true, false])
    expect(['2026-12-09', '2026-12-10'].map((d) => onDay(holiday('2026-12-10'), d))).toEqual([true, false])
    expect(['2026-12-10', '2026-12-11'].map((d) => onDay(holiday('2026-12-10T09:00:00'), d))).toEqual([true, false])
    expect(['2026-12-08', '2026-12-09'].map((d) => onDay(holiday('2026-12-08T00:00:00'), d))).toEqual([true, false])
    expect(['2026-12-08', '2026-12-09'].map((d) => onDay(holiday('2026-12-01T00:00:00'), d))).toEqual([true, false])
    expect(['2026-12-08', '2026-12-09'].map((d) => onDay(holiday(undefined), d))).toEqual([true, false])
  })

  it('lists the days in date order, whatever order the new events come in', () => {
    const calendars = new Map([['i1', [existing(1, '2026-12-08'), existing(2, '2026-12-10')]]])
    const placed = placeNewEvents({ creates: [workout('i1', '2026-12-10'), workout('i1', '2026-12-08')], existing: calendars, athletes, choice: 'alongside' })
    expect(placed.placement.existing.map((d) => d.date)).toEqual(['2026-12-08', '2026-12-10'])
  })

  it('leaves out events without an id or a date', () => {
    const calendars = new Map([['i1', [existing(1, '2026-12-08', { id: undefined }), existing(2, '2026-12-08', { start_date_local: undefined })]]])
    const placed = placeNewEvents({ creates: [workout('i1', '2026-12-08')], existing: calendars, athletes, choice: 'replace' })
    expect(placed.placement.existing).toEqual([])
    expect(placed.deletes).toEqual([])
  })

  it('lists an event with no category as a note, and no name as empty', () => {
    const calendars = new Map([['i1', [existing(3, '2026-12-08', { category: undefined, name: undefined, type: undefined })]]])
    const placed = placeNewEvents({ creates: [workout('i1', '2026-12-08')], existing: calendars, athletes, choice: 'alongside' })
    expect(placed.placement.existing).toEqual([{ athleteId: 'i1', date: '2026-12-08', events: [{ id: 3, category: 'NOTE', name: '', type: null }] }])
  })
})

describe('the coach’s choice on days already planned', () => {
  it('replace deletes only workouts of the days getting a new workout, for each athlete, and not for a note', () => {
    const calendars = new Map([
      ['i1', [existing(11, '2026-12-08'), existing(12, '2026-12-09'), existing(13, '2026-12-10', { category: 'RACE_A' })]],
      ['i2', [existing(21, '2026-12-08'), existing(22, '2026-12-10')]],
    ])
    const note = (id: string, date: string) => workout(id, date, { category: 'NOTE', name: 'Note', type: undefined })
    const placed = placeNewEvents({
      creates: [workout('i1', '2026-12-08'), note('i1', '2026-12-09'), workout('i1', '2026-12-10'), workout('i2', '2026-12-10')],
      existing: calendars,
      athletes,
      choice: 'replace',
    })
    expect(placed.deletes.map((d) => `${d.athleteId}:${d.event.id}`)).toEqual(['i1:11', 'i2:22'])
    expect(placed.creates).toHaveLength(4)
  })

  it('skip names the workout and what is there by default when either has no name, and an athlete by id when not on the roster', () => {
    const calendars = new Map([['i9', [existing(11, '2026-12-08', { name: undefined })]]])
    const placed = placeNewEvents({ creates: [workout('i9', '2026-12-08', { name: undefined })], existing: calendars, athletes, choice: 'skip' })
    expect(placed.skipped).toEqual([{ athleteId: 'i9', eventId: null, reason: `“Workout” not added: i9 already has “a workout” on ${coachDate('2026-12-08')}.` }])
    expect(placed.creates).toEqual([])
  })

  it('alongside and replace keep every new event, skip only those meeting a workout', () => {
    const calendars = new Map([['i1', [existing(11, '2026-12-08', { category: 'NOTE' })]]])
    const placed = placeNewEvents({ creates: [workout('i1', '2026-12-08')], existing: calendars, athletes, choice: 'skip' })
    expect(placed.creates).toHaveLength(1)
    expect(placed.skipped).toEqual([])
  })
})

describe('warnings, word for word', () => {
  const warnings = (creates: NewEvent[], calendars = new Map<string, Event[]>(), facts = athletes) =>
    placeNewEvents({ creates, existing: calendars, athletes: facts, choice: 'alongside' }).placement.warnings

  it('lists each past or far day once, in order, with “are” for more than one', () => {
    const w = warnings([workout('i1', '2026-11-30'), workout('i1', '2026-11-29'), workout('i1', '2026-11-30', { name: 'Other' }), workout('i1', '2028-01-02'), workout('i1', '2028-01-01')])
    expect(w).toEqual([
      { athleteId: 'i1', kind: 'past', needsConfirm: true, message: `${coachDate('2026-11-29')}, ${coachDate('2026-11-30')} are in the past for Lena Fischer (today is ${coachDate('2026-12-03')}).` },
      { athleteId: 'i1', kind: 'farAhead', needsConfirm: true, message: `${coachDate('2028-01-01')}, ${coachDate('2028-01-02')} are more than a year ahead for Lena Fischer.` },
    ])
    expect(warnings([workout('i1', '2027-12-04')])[0]!.message).toBe(`${coachDate('2027-12-04')} is more than a year ahead for Lena Fischer.`)
  })

  it('names each day off once with its words, for workouts only, and checks dates for notes too', () => {
    const calendars = new Map([
      [
        'i1',
        [
          existing(1, '2026-12-10', { category: 'HOLIDAY', end_date_local: '2026-12-12T00:00:00' }),
          existing(2, '2026-12-14', { category: 'INJURED' }),
          existing(3, '2026-12-15', { category: 'NOTE' }),
        ],
      ],
    ])
    const w = warnings(
      [
        workout('i1', '2026-12-11'),
        workout('i1', '2026-12-10'),
        workout('i1', '2026-12-11', { name: 'Second' }),
        workout('i1', '2026-12-14'),
        workout('i1', '2026-12-15'),
        workout('i1', '2026-12-14', { category: 'NOTE', type: undefined, description: '' }),
        workout('i1', '2026-11-01', { category: 'NOTE', type: undefined, description: '' }),
      ],
      calendars,
    )
    expect(w.map((x) => x.message)).toEqual([
      `Lena Fischer is marked on holiday on ${coachDate('2026-12-10')}, ${coachDate('2026-12-11')}.`,
      `Lena Fischer is marked injured on ${coachDate('2026-12-14')}.`,
      `${coachDate('2026-11-01')} is in the past for Lena Fischer (today is ${coachDate('2026-12-03')}).`,
    ])
  })

  it('names an athlete not on the roster by id, with no checks on sports or dates', () => {
    const calendars = new Map([['i9', [existing(1, '1999-01-01', { category: 'SICK' })]]])
    expect(warnings([workout('i9', '1999-01-01')], calendars)).toEqual([
      { athleteId: 'i9', kind: 'dayOff', needsConfirm: false, message: `i9 is marked sick on ${coachDate('1999-01-01')}.` },
    ])
  })

  it('names each missing sport once and the three sports done most lately, ignoring a workout without a sport', () => {
    const busy = new Map([['i2', { ...ana, sports: ['Swim'], recentSports: ['Swim', 'Run', 'Rowing', 'NordicSki'] }]])
    const w = warnings([workout('i2', '2026-12-08'), workout('i2', '2026-12-09'), workout('i2', '2026-12-10', { type: 'Run' }), workout('i2', '2026-12-11', { type: undefined })], new Map(), busy)
    expect(w.map((x) => x.message)).toEqual([
      'Ana Costa has no Ride settings in intervals.icu: it cannot work out time and load for this Ride workout.',
      'Ana Costa has no Run settings in intervals.icu: it cannot work out time and load for this Run workout.',
      'Ana Costa has done no Ride training lately (Swim, Run, Rowing): are these 2 Ride workouts meant for them?',
    ])
  })

  it('says nothing about sports for notes', () => {
    expect(warnings([workout('i2', '2026-12-08', { category: 'NOTE', description: '' })])).toEqual([])
  })

  it('warns about prose once per distinct workout, naming it, and reads a workout without a sport as a ride', () => {
    const prose = (over: Partial<Event>) => workout('i1', '2026-12-08', { description: 'Easy spin with the club', ...over })
    const w = warnings([prose({}), prose({ name: 'Club run', type: 'Run' }), prose({ name: undefined }), prose({ name: undefined }), prose({ description: 'Chat pace' })])
    expect(w.filter((x) => x.kind === 'prose').map((x) => x.message)).toEqual([
      '“Tempo 2x15” has no steps intervals.icu can read: it would be saved as text, with no time or load.',
      '“Club run” has no steps intervals.icu can read: it would be saved as text, with no time or load.',
      '“Workout” has no steps intervals.icu can read: it would be saved as text, with no time or load.',
      '“Tempo 2x15” has no steps intervals.icu can read: it would be saved as text, with no time or load.',
    ])
    expect(w.find((x) => x.kind === 'prose')).toMatchObject({ athleteId: null, needsConfirm: false })
    expect(warnings([workout('i1', '2026-12-08', { type: undefined, description: '- 10m 60%' })]).filter((x) => x.kind === 'prose')).toEqual([])
    expect(warnings([workout('i1', '2026-12-08', { description: undefined })]).filter((x) => x.kind === 'prose')).toHaveLength(1)
    expect(warnings([workout('i1', '2026-12-08', { category: 'NOTE', description: 'Just words' })])).toEqual([])
  })
})

describe('sport families', () => {
  it('takes virtual, gravel, trail and open-water variants for their sport, and anything else as itself', () => {
    expect(['VirtualRide', 'GravelRide', 'MountainBikeRide', 'Ride'].map(sportFamily)).toEqual(['Ride', 'Ride', 'Ride', 'Ride'])
    expect(['TrailRun', 'VirtualRun', 'Run'].map(sportFamily)).toEqual(['Run', 'Run', 'Run'])
    expect(['OpenWaterSwim', 'Swim'].map(sportFamily)).toEqual(['Swim', 'Swim'])
    expect(['NordicSki', 'VirtualSki', 'Rowing', 'VirtualRow'].map(sportFamily)).toEqual(['Ski', 'Ski', 'Row', 'Row'])
    expect(['WeightTraining', 'Yoga', ''].map(sportFamily)).toEqual(['WeightTraining', 'Yoga', ''])
  })
})

it('writes dates for the coach one way', () => {
  expect(coachDate('2026-12-08')).toBe('Tue 8 Dec 2026')
})
