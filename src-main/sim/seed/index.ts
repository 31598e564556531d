import { DEMO_COACH_ID, UNCOACHED_ATHLETE_ID } from '../constants'
import { createRng, deriveSeed, type Rng } from '../random'
import { SimState } from '../state'
import type { SimAthlete } from '../types'
import { buildAthlete, buildSportSettings } from './athlete'
import { seedCoaching, shapeHistory, shapeWellness } from './attention'
import { buildHistory } from './history'
import { coachSpec, coachedSpecs, strangerSpec, type AthleteSpec } from './roster'
import { buildWellness } from './wellness'

export interface SeedOptions {
  seed: number
  athletes: number
  now: Date
}

/** Ids created at run time start here, clear of every seeded id. */
const FIRST_RUNTIME_EVENT_ID = 90_000_001

/** Generates the whole demo world. Deterministic in (seed, athletes, now). */
export function buildState(options: SeedOptions): SimState {
  const rngFor = (index: number) => createRng(deriveSeed(options.seed, index))
  const year = options.now.getUTCFullYear()
  const specs: AthleteSpec[] = [
    coachSpec(DEMO_COACH_ID),
    ...coachedSpecs(options.athletes, rngFor, year),
    strangerSpec(UNCOACHED_ATHLETE_ID),
  ]
  const athletes = specs.map((spec, position) => buildSimAthlete(spec, position, options, rngFor))
  const state = new SimState(DEMO_COACH_ID, athletes, FIRST_RUNTIME_EVENT_ID)
  seedCoaching(state, options.now)
  return state
}

function buildSimAthlete(spec: AthleteSpec, position: number, options: SeedOptions, rngFor: (i: number) => Rng): SimAthlete {
  // A separate stream per athlete and purpose keeps each athlete's data stable as the roster grows.
  const rng = rngFor(10_000 + position)
  const base: SimAthlete = {
    id: spec.id,
    relation: spec.relation,
    profile: spec.profile,
    athlete: buildAthlete(spec, options.now),
    tags: [...spec.tags],
    notes: spec.notes,
    externalId: spec.externalId,
    sportSettings: buildSportSettings(spec, 1000 + position * 10),
    activities: [],
    wellness: [],
    events: [],
  }
  if (spec.relation === 'stranger') return base
  const history = buildHistory(spec, DEMO_COACH_ID, options.now, rng, {
    activityBase: 47_600_000 + position * 20_000,
    eventBase: 31_000_000 + position * 1_000,
  })
  shapeHistory(spec, history, options.now, 31_000_000 + position * 1_000 + 999)
  base.activities = history.activities
  markStravaImports(spec, base.activities, options.now)
  base.events = history.events
  base.wellness = buildWellness(spec, history.activities, options.now, rng)
  shapeWellness(spec, base)
  return base
}

/** Ana Souza (the twelfth athlete) synced through Strava until six weeks ago: those runs are Strava stubs. */
const STRAVA_ATHLETE_INDEX = 12
const STRAVA_UNTIL_DAYS_AGO = 42

function markStravaImports(spec: AthleteSpec, activities: SimAthlete['activities'], now: Date): void {
  if (spec.index !== STRAVA_ATHLETE_INDEX) return
  const cutoff = new Date(now.getTime() - STRAVA_UNTIL_DAYS_AGO * 86_400_000).toISOString().slice(0, 10)
  for (const a of activities) if (a.type === 'Run' && (a.start_date_local ?? '') < cutoff) a.source = 'STRAVA'
}
