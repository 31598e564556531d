import type { DayWellness } from '../../contract/calendar'
import { AppError } from '../../contract/errors'
import { listWellness } from '../../icu/api'
import { num } from '../decode'
import type { ServiceDeps } from '../deps'

/** The morning check-in: one wellness request per athlete for the chosen day. */
export async function dayWellness(deps: Pick<ServiceDeps, 'session'>, athleteIds: string[], date: string): Promise<DayWellness[]> {
  const http = deps.session.http()
  return Promise.all(
    athleteIds.map(async (athleteId): Promise<DayWellness> => {
      try {
        const [w] = (await listWellness(http, athleteId, { oldest: date, newest: date })) ?? []
        return {
          athleteId,
          date,
          sleepSecs: num(w?.sleepSecs),
          sleepScore: num(w?.sleepScore),
          hrv: num(w?.hrv),
          restingHr: num(w?.restingHR),
          fatigue: num(w?.fatigue),
          soreness: num(w?.soreness),
          mood: num(w?.mood),
          comments: typeof w?.comments === 'string' ? w.comments : null,
          error: null,
        }
      } catch (e) {
        if (e instanceof AppError && e.code === 'CANCELLED') throw e
        const error = e instanceof AppError ? e.message : 'Could not load wellness.'
        return { athleteId, date, sleepSecs: null, sleepScore: null, hrv: null, restingHr: null, fatigue: null, soreness: null, mood: null, comments: null, error }
      }
    }),
  )
}
