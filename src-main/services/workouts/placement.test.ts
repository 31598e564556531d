import { describe, expect, it } from 'vitest'
import type { Event } from '../../icu/types'
import { coachDate } from '../dates'
import { placeNewEvents, type AthleteFacts, type NewEvent } from './placement'

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

it('writes dates for the coach one way', () => {
  expect(coachDate('2026-12-08')).toBe('Tue 8 Dec 2026')
})
