import type { DayWellness } from '../../contract/calendar'
import { AppError } from '../../contract/errors'
import { listWellness } from '../../icu/api'
import type { Wellness } from '../../icu/types'
import { addDays, athleteToday } from '../dates'
import { num } from '../decode'
import type { ServiceDeps } from '../deps'
import type { RosterCache } from '../roster'

/** Days before the check-in day that make an athlete's own baseline for HRV and resting heart rate. */
export const BASELINE_DAYS = 28
/** Fewer readings than this are not a baseline. */
const MIN_READINGS = 3

/** Which day each row shows: a date the coach picked, or each athlete's own today plus an offset. */
export type CheckInDay = { date: string } | { offsetDays: number }

export function checkInDate(day: CheckInDay, timezone: string, now: Date): string {
  return 'date' in day ? day.date : addDays(athleteToday(timezone, now), day.offsetDays)
}

/** The mean of the readings on the days before `date` (not that day), one decimal; null with too few. */
export function baseline(rows: Wellness[], date: string, read: (w: Wellness) => number | null): number | null {
  const values = rows
    .filter((w) => typeof w.id === 'string' && w.id < date && w.id >= addDays(date, -BASELINE_DAYS))
    .map(read)
    .filter((v): v is number => v !== null && v > 0)
  if (values.length < MIN_READINGS) return null
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10
}

/**
 * The morning check-in: one wellness request per athlete over their day and the four weeks before it, so
 * HRV and resting heart rate are read against the athlete's own recent baseline.
 */
export async function dayWellness(
  deps: Pick<ServiceDeps, 'session' | 'now'>,
  roster: RosterCache,
  athleteIds: string[],
  day: CheckInDay,
): Promise<DayWellness[]> {
  const http = deps.session.http()
  const now = deps.now()
  const zones = new Map((await roster.rows(athleteIds)).map((r) => [r.id, r.timezone]))
  return Promise.all(
    athleteIds.map(async (athleteId): Promise<DayWellness> => {
      const date = checkInDate(day, zones.get(athleteId) ?? 'UTC', now)
      try {
        const rows = ((await listWellness(http, athleteId, { oldest: addDays(date, -BASELINE_DAYS), newest: date })) ?? []).filter(Boolean)
        const w = rows.find((x) => x.id === date)
        return {
          athleteId,
          date,
          sleepSecs: num(w?.sleepSecs),
          sleepScore: num(w?.sleepScore),
          hrv: num(w?.hrv),
          restingHr: num(w?.restingHR),
          hrvBaseline: baseline(rows, date, (x) => num(x.hrv)),
          restingHrBaseline: baseline(rows, date, (x) => num(x.restingHR)),
          fatigue: num(w?.fatigue),
          soreness: num(w?.soreness),
          mood: num(w?.mood),
          comments: typeof w?.comments === 'string' ? w.comments : null,
          error: null,
        }
      } catch (e) {
        if (e instanceof AppError && e.code === 'CANCELLED') throw e
        const error = e instanceof AppError ? e.message : 'Could not load wellness.'
        return { athleteId, date, sleepSecs: null, sleepScore: null, hrv: null, restingHr: null, hrvBaseline: null, restingHrBaseline: null, fatigue: null, soreness: null, mood: null, comments: null, error }
      }
    }),
  )
}
