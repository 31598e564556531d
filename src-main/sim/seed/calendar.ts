import { addDays } from '../dates'
import { cycle, type Rng } from '../random'
import type { EventInput } from '../types'
import type { AthleteSpec } from './roster'

/** Days that carry something other than training: a race, a holiday, a few notes. */
export interface CalendarExtras {
  race: { date: string; input: EventInput } | null
  holiday: { from: string; days: number; input: EventInput } | null
  notes: EventInput[]
}

const RACES: Record<AthleteSpec['profile'], Array<{ name: string; type: string }>> = {
  cyclist: [{ name: 'Gran Fondo Stelvio', type: 'Ride' }, { name: 'Regional Road Race', type: 'Ride' }],
  runner: [{ name: 'City Marathon', type: 'Run' }, { name: 'Half Marathon Champs', type: 'Run' }],
  triathlete: [{ name: 'Ironman 70.3', type: 'Ride' }, { name: 'Olympic Distance Triathlon', type: 'Run' }],
  swimmer: [{ name: 'Open Water 5 km Nationals', type: 'Swim' }],
  coach: [{ name: 'Club 10 mile TT', type: 'Ride' }],
}
const NOTES = [
  { name: 'Bike fit', description: 'New saddle height: 72.5 cm. Check knee comfort on the long ride.' },
  { name: 'Check-in call', description: '20 min video call: review the block and next month.' },
  { name: 'Travel day', description: 'Flying out in the afternoon. Mobility only.' },
  { name: 'Lab test', description: 'Lactate step test at the university lab, 8:00.' },
]

export function calendarExtras(spec: AthleteSpec, today: string, rng: Rng): CalendarExtras {
  const raceDay = spec.index % 2 === 0 ? addDays(today, rng.int(20, 27)) : null
  const race = raceDay ? buildRace(spec, raceDay, rng) : null
  const holiday = spec.index % 4 === 1 ? buildHoliday(addDays(today, rng.int(6, 10)), rng) : null
  const notes: EventInput[] = []
  const count = rng.int(1, 3)
  for (let i = 0; i < count; i++) {
    const note = cycle(NOTES, spec.index + i)
    const date = addDays(today, rng.int(-12, 25))
    notes.push({ category: 'NOTE', name: note.name, description: note.description, start_date_local: `${date}T00:00:00` })
  }
  return { race, holiday, notes }
}

function buildRace(spec: AthleteSpec, date: string, rng: Rng): CalendarExtras['race'] {
  const race = rng.pick(RACES[spec.profile])
  return {
    date,
    input: {
      category: 'RACE_A',
      name: race.name,
      type: race.type,
      description: 'A race. Taper the week before; race-day nutrition as practised.',
      start_date_local: `${date}T00:00:00`,
    },
  }
}

function buildHoliday(from: string, rng: Rng): CalendarExtras['holiday'] {
  const days = rng.int(3, 5)
  return {
    from,
    days,
    input: {
      category: 'HOLIDAY',
      name: 'Family holiday',
      description: 'Away with no bike. Easy runs or swims only if they feel like it.',
      start_date_local: `${from}T00:00:00`,
      end_date_local: `${addDays(from, days)}T00:00:00`,
    },
  }
}

/** Whether a day is taken by the holiday or the race, so no workout is planned on it. */
export function isBlocked(extras: CalendarExtras, date: string): boolean {
  if (extras.race?.date === date) return true
  const h = extras.holiday
  return h !== null && date >= h.from && date < addDays(h.from, h.days)
}
