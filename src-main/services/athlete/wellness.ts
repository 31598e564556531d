import type { FitnessSeries, WellnessDay, WellnessValues } from '../../contract/schemas'
import { getWellnessCsv, listActivities, listEvents, listWellness, updateWellness, updateWellnessBulk } from '../../icu/api'
import type { Wellness } from '../../icu/types'
import { num } from '../decode'
import type { ServiceDeps } from '../deps'
import { sanitizeFileName } from '../exports/fileNames'
import { fitnessDays, projectionAfter, weeklyLoad } from './fitness'

type Deps = Pick<ServiceDeps, 'session' | 'now'>
type Range = { athleteId: string; oldest: string; newest: string }

/** Planned load counts workouts and races, the categories that carry a load on the calendar. */
const PLANNED_CATEGORIES = ['WORKOUT', 'RACE_A', 'RACE_B', 'RACE_C']

/**
 * Fitness, fatigue and form per day, and load done vs planned per week: three requests sent together
 * (wellness and activities trimmed with `fields`, planned events for the same weeks).
 */
export async function fitness(deps: Deps, q: Range): Promise<FitnessSeries> {
  const http = deps.session.http()
  const [wellness, activities, events] = await Promise.all([
    listWellness(http, q.athleteId, { oldest: q.oldest, newest: q.newest, fields: ['id', 'ctl', 'atl'] }),
    listActivities(http, q.athleteId, {
      oldest: q.oldest,
      newest: `${q.newest}T23:59:59`,
      fields: ['start_date_local', 'icu_training_load', 'moving_time'],
    }),
    listEvents(http, q.athleteId, { oldest: q.oldest, newest: q.newest, category: PLANNED_CATEGORIES }),
  ])
  const days = fitnessDays(
    (wellness ?? []).filter((w) => typeof w?.id === 'string').map((w) => ({ date: w.id as string, ctl: num(w.ctl), atl: num(w.atl) })),
    q.oldest,
    q.newest,
  )
  const done = (activities ?? []).filter(dated).map((a) => ({ date: a.start_date_local, load: num(a.icu_training_load), secs: num(a.moving_time) }))
  const planned = (events ?? []).filter(dated).map((e) => ({ date: e.start_date_local, load: num(e.icu_training_load) }))
  return { athleteId: q.athleteId, days, projection: projectionAfter(days, planned, q.newest), weeks: weeklyLoad(done, planned, q.oldest, q.newest) }
}

/** Load counts on its day: an entry without a readable start date has no week to count in (and no day to project). */
function dated<T extends { start_date_local?: string | null }>(x: T | null): x is T & { start_date_local: string } {
  return /^\d{4}-\d{2}-\d{2}/.test(x?.start_date_local ?? '')
}

export async function wellnessDays(deps: Deps, q: Range): Promise<WellnessDay[]> {
  const list = await listWellness(deps.session.http(), q.athleteId, { oldest: q.oldest, newest: q.newest })
  return (list ?? []).filter((w) => typeof w?.id === 'string').map(wellnessDay)
}

export function wellnessDay(w: Wellness): WellnessDay {
  return {
    date: String(w.id),
    weight: num(w.weight),
    restingHr: num(w.restingHR),
    hrv: num(w.hrv),
    sleepSecs: num(w.sleepSecs),
    sleepScore: num(w.sleepScore),
    soreness: num(w.soreness),
    fatigue: num(w.fatigue),
    stress: num(w.stress),
    mood: num(w.mood),
    motivation: num(w.motivation),
    injury: num(w.injury),
    comments: typeof w.comments === 'string' ? w.comments : null,
    locked: w.locked === true,
    ctl: num(w.ctl),
    atl: num(w.atl),
  }
}

/** The coach's names to the API's (restingHR is spelled so on intervals.icu). */
export function wellnessPatch(v: WellnessValues): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const names: Record<keyof WellnessValues, string> = {
    weight: 'weight',
    restingHr: 'restingHR',
    hrv: 'hrv',
    sleepSecs: 'sleepSecs',
    sleepScore: 'sleepScore',
    soreness: 'soreness',
    fatigue: 'fatigue',
    stress: 'stress',
    mood: 'mood',
    motivation: 'motivation',
    injury: 'injury',
    comments: 'comments',
    locked: 'locked',
  }
  for (const [k, v2] of Object.entries(v) as [keyof WellnessValues, unknown][]) if (v2 !== undefined) out[names[k]] = v2
  return out
}

export async function saveWellnessDay(deps: Deps, athleteId: string, date: string, values: WellnessValues): Promise<WellnessDay> {
  return wellnessDay(await updateWellness(deps.session.http(), athleteId, date, wellnessPatch(values)))
}

/** Several days in one request (wellness-bulk answers with nothing, so the dates sent are the answer). */
export async function saveWellnessDays(deps: Deps, athleteId: string, days: { date: string; values: WellnessValues }[]): Promise<{ updated: string[] }> {
  await updateWellnessBulk(
    deps.session.http(),
    athleteId,
    days.map((d) => ({ id: d.date, ...wellnessPatch(d.values) })),
  )
  return { updated: days.map((d) => d.date) }
}

/** The server's own CSV of the range (GET wellness.csv), named for the athlete and the dates. */
export async function wellnessCsv(deps: Deps, q: Range): Promise<{ fileName: string; csv: string }> {
  const csv = await getWellnessCsv(deps.session.http(), q.athleteId, { oldest: q.oldest, newest: q.newest })
  const base = sanitizeFileName(`wellness ${q.athleteId} ${q.oldest} to ${q.newest}`, `wellness-${q.athleteId}`)
  return { fileName: `${base}.csv`, csv }
}
