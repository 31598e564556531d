import { cycle, type Rng } from '../random'
import type { Relation, SportProfile } from '../types'

/** Everything the generators need to know about one athlete before any data exists. */
export interface AthleteSpec {
  index: number
  id: string
  relation: Relation
  profile: SportProfile
  firstname: string
  lastname: string
  sex: 'M' | 'F'
  timezone: string
  city: string
  country: string
  tags: string[]
  notes: string
  /** The coach's access to this athlete (icu_permission). */
  permission: 'NONE' | 'READ' | 'WRITE'
  externalId: string | null
  dateOfBirth: string
  /** Scales training volume: 0.75 for a junior or a busy master, 1.3 for a pro. */
  level: number
  weight: number
  restingHr: number
  maxHr: number
  lthr: number
  ftp: number
  /** Threshold speeds in m/s (the API stores both run and swim thresholds as speed). */
  runThreshold: number
  swimThreshold: number
  /** Where the athlete's files come from: 'GARMIN_CONNECT', 'WAHOO', 'COROS'... */
  source: 'GARMIN_CONNECT' | 'WAHOO' | 'COROS' | 'UPLOAD'
}

interface Place {
  timezone: string
  city: string
  country: string
}

interface Template extends Place {
  profile: Exclude<SportProfile, 'coach'>
  firstname: string
  lastname: string
  sex: 'M' | 'F'
  tags: string[]
  notes: string
  level: number
  age: number
}

// The default dozen: a deliberate mix of sports, places (and so timezones) and coaching tags.
const TEMPLATES: Template[] = [
  { profile: 'cyclist', firstname: 'Maya', lastname: 'Chen', sex: 'F', timezone: 'America/Los_Angeles', city: 'San Francisco', country: 'United States', tags: ['elite'], notes: 'Targeting the national road series. Prefers structured indoor intervals midweek.', level: 1.25, age: 27 },
  { profile: 'runner', firstname: 'Jamal', lastname: 'Okafor', sex: 'M', timezone: 'America/New_York', city: 'Boston', country: 'United States', tags: ['marathon'], notes: 'Sub-2:50 marathon goal. Watch the left Achilles.', level: 1.05, age: 34 },
  { profile: 'triathlete', firstname: 'Lena', lastname: 'Fischer', sex: 'F', timezone: 'Europe/Berlin', city: 'Berlin', country: 'Germany', tags: ['tri-squad'], notes: 'Half distance in the autumn. Swim is the limiter.', level: 1.0, age: 31 },
  { profile: 'cyclist', firstname: 'Tom', lastname: 'Gallagher', sex: 'M', timezone: 'Australia/Sydney', city: 'Sydney', country: 'Australia', tags: ['masters'], notes: 'Masters crit racer. Works shifts, so training days move around.', level: 0.9, age: 52 },
  { profile: 'runner', firstname: 'Yuki', lastname: 'Tanaka', sex: 'F', timezone: 'Asia/Tokyo', city: 'Tokyo', country: 'Japan', tags: ['juniors'], notes: 'U20 5000 m. Keep weekly volume capped; school exams in June.', level: 0.8, age: 18 },
  { profile: 'swimmer', firstname: 'Aroha', lastname: 'Ngata', sex: 'F', timezone: 'Pacific/Auckland', city: 'Auckland', country: 'New Zealand', tags: ['elite'], notes: 'Open water 5 km specialist. Pool sessions logged from the watch.', level: 1.1, age: 24 },
  { profile: 'triathlete', firstname: 'Oliver', lastname: 'Hughes', sex: 'M', timezone: 'Europe/London', city: 'Leeds', country: 'United Kingdom', tags: ['tri-squad', 'elite'], notes: 'Full distance in September. Long rides on Saturdays with the club.', level: 1.2, age: 29 },
  { profile: 'cyclist', firstname: 'Lucía', lastname: 'Martín', sex: 'F', timezone: 'Europe/Madrid', city: 'Girona', country: 'Spain', tags: ['juniors'], notes: 'First season in the junior team. Climber.', level: 0.85, age: 17 },
  { profile: 'runner', firstname: 'David', lastname: 'Kowalski', sex: 'M', timezone: 'America/Chicago', city: 'Chicago', country: 'United States', tags: ['masters', 'marathon'], notes: 'Back from a calf strain in the spring; build slowly.', level: 0.9, age: 47 },
  { profile: 'triathlete', firstname: 'Sofia', lastname: 'Rossi', sex: 'F', timezone: 'America/Denver', city: 'Boulder', country: 'United States', tags: ['tri-squad', 'masters'], notes: 'Olympic distance. Altitude: keep run intensity by heart rate.', level: 0.95, age: 44 },
  { profile: 'cyclist', firstname: 'Pierre', lastname: 'Lambert', sex: 'M', timezone: 'Europe/Paris', city: 'Annecy', country: 'France', tags: ['elite'], notes: 'Read-only access: his team coach plans the calendar.', level: 1.15, age: 25 },
  { profile: 'runner', firstname: 'Ana', lastname: 'Souza', sex: 'F', timezone: 'America/Sao_Paulo', city: 'São Paulo', country: 'Brazil', tags: ['marathon'], notes: 'Trail ultra in the spring. Likes hills.', level: 1.0, age: 36 },
]

const FIRST_NAMES: Array<[string, 'M' | 'F']> = [
  ['Noah', 'M'], ['Emma', 'F'], ['Liam', 'M'], ['Ava', 'F'], ['Mateo', 'M'], ['Chloe', 'F'], ['Arjun', 'M'],
  ['Freya', 'F'], ['Kenji', 'M'], ['Ingrid', 'F'], ['Diego', 'M'], ['Priya', 'F'], ['Lars', 'M'], ['Zoe', 'F'],
  ['Tariq', 'M'], ['Hannah', 'F'], ['Felix', 'M'], ['Mia', 'F'], ['Rhys', 'M'], ['Elif', 'F'],
]
const LAST_NAMES = [
  'Andersen', 'Baker', 'Costa', 'Dubois', 'Eriksen', 'Ferreira', 'Grant', 'Haddad', 'Ito', 'Jensen', 'Khan',
  'Larsen', 'Moreau', 'Novak', "O'Brien", 'Petrov', 'Quinn', 'Ramos', 'Schmidt', 'Walsh',
]
const PLACES: Place[] = [
  { timezone: 'America/Vancouver', city: 'Vancouver', country: 'Canada' },
  { timezone: 'America/Toronto', city: 'Toronto', country: 'Canada' },
  { timezone: 'Europe/Amsterdam', city: 'Utrecht', country: 'Netherlands' },
  { timezone: 'Europe/Stockholm', city: 'Stockholm', country: 'Sweden' },
  { timezone: 'Europe/Rome', city: 'Bergamo', country: 'Italy' },
  { timezone: 'Africa/Johannesburg', city: 'Cape Town', country: 'South Africa' },
  { timezone: 'Asia/Singapore', city: 'Singapore', country: 'Singapore' },
  { timezone: 'Australia/Perth', city: 'Perth', country: 'Australia' },
  { timezone: 'America/Mexico_City', city: 'Mexico City', country: 'Mexico' },
  { timezone: 'Europe/Dublin', city: 'Galway', country: 'Ireland' },
]
const PROFILES = ['cyclist', 'cyclist', 'runner', 'runner', 'triathlete', 'swimmer'] as const
const TAGS = ['juniors', 'elite', 'masters', 'tri-squad', 'marathon'] as const
const NOTES = [
  'Time-crunched: about eight hours a week.',
  'Coming back after a winter break.',
  'Wants more threshold work before the club champs.',
  'Travels for work most weeks; plan around hotel gyms.',
]

export const COACH_SPEC_BASE: Omit<AthleteSpec, 'id' | 'weight' | 'restingHr' | 'maxHr' | 'lthr' | 'ftp' | 'runThreshold' | 'swimThreshold'> = {
  index: 0,
  relation: 'self',
  profile: 'coach',
  firstname: 'Dana',
  lastname: 'Reyes',
  sex: 'F',
  timezone: 'Europe/London',
  city: 'Bristol',
  country: 'United Kingdom',
  tags: [],
  notes: '',
  permission: 'WRITE',
  externalId: null,
  dateOfBirth: '1982-03-14',
  level: 0.7,
  source: 'GARMIN_CONNECT',
}

/** One spec per coached athlete: the first twelve from the templates, the rest drawn from the pools. */
export function coachedSpecs(count: number, rngFor: (index: number) => Rng, referenceYear: number): AthleteSpec[] {
  const readOnlyIndex = count >= 2 ? Math.min(10, count - 1) : -1
  const specs: AthleteSpec[] = []
  for (let i = 0; i < count; i++) {
    const rng = rngFor(i + 1)
    const t = TEMPLATES[i] ?? generatedTemplate(i, rng)
    specs.push(physiology(t, i, rng, referenceYear, i === readOnlyIndex))
  }
  return specs
}

function generatedTemplate(i: number, rng: Rng): Template {
  const [firstname, sex] = cycle(FIRST_NAMES, i)
  const lastname = cycle(LAST_NAMES, i * 7 + Math.floor(i / FIRST_NAMES.length))
  const tags = TAGS.filter(() => rng.chance(0.3)).slice(0, 2)
  return {
    ...cycle(PLACES, i),
    profile: rng.pick(PROFILES),
    firstname,
    lastname,
    sex,
    tags,
    notes: rng.pick(NOTES),
    level: rng.float(0.8, 1.15),
    age: rng.int(19, 58),
  }
}

function physiology(t: Template, i: number, rng: Rng, year: number, readOnly: boolean): AthleteSpec {
  const female = t.sex === 'F'
  const weight = Math.round((female ? rng.float(52, 66) : rng.float(64, 80)) * 10) / 10
  const maxHr = Math.round(rng.normal(208 - 0.7 * t.age, 4))
  const wattsPerKg = (female ? 3.4 : 3.9) * t.level * rng.float(0.92, 1.05)
  return {
    index: i + 1,
    id: `i${100001 + i}`,
    relation: 'coached',
    profile: t.profile,
    firstname: t.firstname,
    lastname: t.lastname,
    sex: t.sex,
    timezone: t.timezone,
    city: t.city,
    country: t.country,
    tags: t.tags,
    notes: t.notes,
    permission: readOnly ? 'READ' : 'WRITE',
    externalId: `club-${String(i + 1).padStart(3, '0')}`,
    dateOfBirth: `${year - t.age}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
    level: t.level,
    weight,
    restingHr: rng.int(40, 56),
    maxHr,
    lthr: Math.round(maxHr * rng.float(0.88, 0.92)),
    ftp: Math.round((weight * wattsPerKg) / 5) * 5,
    runThreshold: round2((female ? 3.7 : 4.1) * Math.min(t.level, 1.2) * rng.float(0.95, 1.04)),
    swimThreshold: round2((t.profile === 'swimmer' ? 1.45 : 1.2) * Math.min(t.level, 1.15) * rng.float(0.95, 1.04)),
    source: rng.pick(['GARMIN_CONNECT', 'GARMIN_CONNECT', 'WAHOO', 'COROS', 'UPLOAD'] as const),
  }
}

export function coachSpec(coachId: string): AthleteSpec {
  return {
    ...COACH_SPEC_BASE,
    id: coachId,
    weight: 61.5,
    restingHr: 52,
    maxHr: 178,
    lthr: 160,
    ftp: 205,
    runThreshold: 3.5,
    swimThreshold: 1.1,
  }
}

/** An athlete on the server that the coach does not coach: requests for it must be refused. */
export function strangerSpec(id: string): AthleteSpec {
  return {
    ...COACH_SPEC_BASE,
    id,
    relation: 'stranger',
    profile: 'runner',
    firstname: 'Jordan',
    lastname: 'Blake',
    sex: 'M',
    timezone: 'America/Toronto',
    city: 'Ottawa',
    country: 'Canada',
    permission: 'NONE',
    dateOfBirth: '1990-07-02',
    weight: 72,
    restingHr: 50,
    maxHr: 188,
    lthr: 170,
    ftp: 250,
    runThreshold: 4.0,
    swimThreshold: 1.2,
  }
}

function round2(n: number): number {
  return Math.round(n * 100) / 100
}
