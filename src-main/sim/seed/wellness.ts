import { addDays, todayIn } from '../dates'
import type { Rng } from '../random'
import type { Activity, Wellness } from '../types'
import { HISTORY_DAYS } from './history'
import type { AthleteSpec } from './roster'

// The impulse-response model intervals.icu charts as fitness (CTL) and fatigue (ATL).
const CTL_DAYS = 42
const ATL_DAYS = 7
const CTL_KEEP = Math.exp(-1 / CTL_DAYS)
const ATL_KEEP = Math.exp(-1 / ATL_DAYS)

export interface FitnessDay {
  date: string
  load: number
  ctl: number
  atl: number
}

/**
 * Runs the model over consecutive days. The athletes trained before the generated window too,
 * so the model starts from the average load of the first four weeks rather than from zero.
 */
export function fitnessSeries(firstDay: string, loads: number[]): FitnessDay[] {
  const warm = loads.slice(0, 28)
  const start = warm.length ? warm.reduce((a, b) => a + b, 0) / warm.length : 0
  let ctl = start
  let atl = start
  return loads.map((load, i) => {
    ctl = ctl * CTL_KEEP + load * (1 - CTL_KEEP)
    atl = atl * ATL_KEEP + load * (1 - ATL_KEEP)
    return { date: addDays(firstDay, i), load, ctl, atl }
  })
}

const round1 = (n: number): number => Math.round(n * 10) / 10

/** eFTP drifts a little around the set FTP over the weeks, as estimates do. */
function rideInfo(spec: AthleteSpec, day: number): NonNullable<Wellness['sportInfo']>[number] {
  return {
    type: 'Ride',
    eftp: round1(spec.ftp * (0.97 + 0.04 * Math.sin(day / 17))),
    wPrime: Math.round(spec.weight * 270),
    pMax: Math.round(spec.ftp * 3.4),
  }
}
const round2 = (n: number): number => Math.round(n * 100) / 100

/**
 * Builds a wellness record for every day of the history and stamps each activity with the
 * fitness and fatigue at the end of its day.
 */
export function buildWellness(spec: AthleteSpec, activities: Activity[], now: Date, rng: Rng): Wellness[] {
  const today = todayIn(spec.timezone, now)
  const firstDay = addDays(today, -(HISTORY_DAYS - 1))
  const dayIndex = (a: Activity): number => {
    const date = (a.start_date_local ?? '').slice(0, 10)
    return Math.round((Date.parse(date) - Date.parse(firstDay)) / 86_400_000)
  }
  const loadByDay = new Map<number, number>()
  for (const a of activities) {
    const i = dayIndex(a)
    loadByDay.set(i, (loadByDay.get(i) ?? 0) + (a.icu_training_load ?? 0))
  }
  // Activities outside the history (before its first day, after today) count for no day.
  const loads = Array.from({ length: HISTORY_DAYS }, (_, i) => loadByDay.get(i) ?? 0)
  const series = fitnessSeries(firstDay, loads)
  for (const a of activities) {
    const day = series[dayIndex(a)]
    if (!day) continue
    a.icu_ctl = round2(day.ctl)
    a.icu_atl = round2(day.atl)
  }
  const rides = spec.profile === 'cyclist' || spec.profile === 'triathlete' || spec.profile === 'coach'
  const baseHrv = rng.float(55, 95)
  return series.map((day, i) => {
    const weekBefore = series[i - 7]
    const form = day.ctl - day.atl
    const strained = form < -15
    const maybe = <T>(value: T, p = 0.06): T | null => (rng.chance(p) ? null : value)
    const subjective = !rng.chance(0.1)
    const scale = (good: number): number => Math.max(1, Math.min(4, Math.round(good + (strained ? 1 : 0) + rng.float(-0.6, 0.8))))
    return {
      id: day.date,
      ctl: round2(day.ctl),
      atl: round2(day.atl),
      rampRate: weekBefore ? round2(day.ctl - weekBefore.ctl) : null,
      ctlLoad: day.load,
      atlLoad: day.load,
      sportInfo: rides ? [rideInfo(spec, i)] : null,
      updated: `${day.date}T07:${String(rng.int(0, 59)).padStart(2, '0')}:00.000Z`,
      weight: maybe(round1(spec.weight + 0.6 * Math.sin(i / 9) + rng.normal(0, 0.25)), 0.15),
      restingHR: maybe(Math.round(spec.restingHr + Math.max(0, -form) / 6 + rng.normal(0, 1.5))),
      hrv: maybe(round1(baseHrv + form * 0.4 + rng.normal(0, 4))),
      sleepSecs: maybe(Math.round(rng.normal(7.4, 0.6) * 3600 / 60) * 60),
      sleepScore: maybe(Math.round(Math.min(98, Math.max(45, rng.normal(80, 8))))),
      soreness: subjective ? maybe(scale(1.2)) : null,
      fatigue: subjective ? maybe(scale(1.4)) : null,
      stress: subjective ? maybe(scale(1.5)) : null,
      mood: subjective ? maybe(scale(1.4)) : null,
      motivation: subjective ? maybe(scale(1.5)) : null,
      injury: null,
      comments: null,
      locked: false,
    }
  })
}
