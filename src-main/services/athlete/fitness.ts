import type { FitnessDay, WeekLoad } from '../../contract/schemas'
import { compliancePct } from '../../contract/outcome'
import { addDays, mondayOf } from '../dates'

// Pure transforms behind the fitness chart: CTL / ATL / form per day, load per week.

export interface DayFitness {
  date: string
  ctl: number | null
  atl: number | null
}

/** One point per day of the range, in order; days without a record have no values (a gap, not a zero). */
export function fitnessDays(records: DayFitness[], oldest: string, newest: string): FitnessDay[] {
  const byDate = new Map(records.map((r) => [r.date.slice(0, 10), r]))
  const out: FitnessDay[] = []
  for (let d = oldest; d <= newest; d = addDays(d, 1)) {
    const r = byDate.get(d)
    const ctl = r?.ctl ?? null
    const atl = r?.atl ?? null
    out.push({ date: d, ctl: round1(ctl), atl: round1(atl), form: ctl === null || atl === null ? null : round1(ctl - atl) })
  }
  return out
}

export interface LoadItem {
  date: string
  load: number | null
  secs?: number | null
}

/** Load done and planned per Monday-to-Sunday week, for every week the range touches. */
export function weeklyLoad(done: LoadItem[], planned: LoadItem[], oldest: string, newest: string): WeekLoad[] {
  const weeks = new Map<string, WeekLoad>()
  for (let m = mondayOf(oldest); m <= newest; m = addDays(m, 7)) weeks.set(m, { monday: m, done: 0, planned: 0, doneSecs: 0, compliance: null })
  for (const a of done) {
    const w = weeks.get(mondayOf(a.date))
    if (!w) continue
    w.done += a.load ?? 0
    w.doneSecs += a.secs ?? 0
  }
  for (const e of planned) {
    const w = weeks.get(mondayOf(e.date))
    if (w) w.planned += e.load ?? 0
  }
  return [...weeks.values()].map((w) => ({ ...w, done: Math.round(w.done), planned: Math.round(w.planned), compliance: compliancePct(w.done, w.planned) }))
}

/** Load done as a % of load planned; null when nothing was planned (the rule the calendar uses too). */
export { compliancePct }

function round1(v: number | null): number | null {
  return v === null ? null : Math.round(v * 10) / 10
}

// The impulse-response model intervals.icu charts: fitness (CTL) over 42 days, fatigue (ATL) over 7.
const CTL_KEEP = Math.exp(-1 / 42)
const ATL_KEEP = Math.exp(-1 / 7)

/**
 * Fitness, fatigue and form carried forward from `start` (a day with both known) over the days
 * after it up to `newest`, with each day's planned load as if done as planned and nothing else.
 */
export function projectFitness(start: { date: string; ctl: number; atl: number }, planned: LoadItem[], newest: string): FitnessDay[] {
  // Load by day; only the days after start up to newest are read.
  const loads = new Map<string, number>()
  for (const p of planned) {
    const d = p.date.slice(0, 10)
    loads.set(d, (loads.get(d) ?? 0) + (p.load ?? 0))
  }
  const out: FitnessDay[] = []
  let { ctl, atl } = start
  for (let d = addDays(start.date, 1); d <= newest; d = addDays(d, 1)) {
    const load = loads.get(d) ?? 0
    ctl = ctl * CTL_KEEP + load * (1 - CTL_KEEP)
    atl = atl * ATL_KEEP + load * (1 - ATL_KEEP)
    out.push({ date: d, ctl: round1(ctl), atl: round1(atl), form: round1(ctl - atl) })
  }
  return out
}

/** The projection from the last day with fitness known (wellness records stop at the athlete's today) to the end of the range. */
export function projectionAfter(days: FitnessDay[], planned: LoadItem[], newest: string): FitnessDay[] {
  const last = [...days].reverse().find((d) => d.ctl !== null && d.atl !== null)
  // A last day at or after newest leaves no day to project.
  if (!last) return []
  return projectFitness({ date: last.date, ctl: last.ctl!, atl: last.atl! }, planned, newest)
}
