import { setMaxListeners } from 'node:events'
import { unzipSync } from 'fflate'
import { AppError } from '../contract/errors'
import { addDays } from '../contract/localDates'
import { getActivityStreams, listActivities } from '../icu/api'
import { downloadEventFile, downloadWorkoutsZip } from '../icu/downloads'
import { IcuHttp, type RetryNotice } from '../icu/http'
import { RateLimiter } from '../icu/limiter'
import { silentLogger } from '../log'
import type { ProbeCalendar } from './probeCalendar'
import type { ProbeBodies } from './probePlan'
import { found, unknown, type AxisResult } from './reading'

export interface Connection {
  baseUrl: string
  apiKey: () => string | null
}

const refused = (e: unknown): boolean => e instanceof AppError && e.code === 'INVALID_INPUT'

/** zip: a day holding one workout that converts and one that does not (prose); what does workouts.zip do? */
export async function probeZip(cal: ProbeCalendar, b: ProbeBodies): Promise<AxisResult<'zip'>> {
  const steps = await cal.create(b.convertible)
  const prose = await cal.create(b.prose)
  try {
    await downloadEventFile(cal.http, cal.athleteId, steps.id as number, 'zwo')
  } catch (e) {
    return unknown('zip', `even the workout with steps could not be downloaded as .zwo (${message(e)})`)
  }
  try {
    await downloadEventFile(cal.http, cal.athleteId, prose.id as number, 'zwo')
    return unknown('zip', 'intervals.icu converted the prose workout too, so there was nothing for the zip to leave out')
  } catch (e) {
    if (!refused(e)) throw e
  }
  let zip: Uint8Array
  try {
    zip = await downloadWorkoutsZip(cal.http, cal.athleteId, { ext: 'zwo', oldest: b.zipDay, newest: b.zipDay })
  } catch (e) {
    if (refused(e)) return found('zip', 'refuse', 'workouts.zip refused the whole day for the one workout it cannot convert')
    throw e
  }
  const entries = Object.keys(unzipSync(zip))
  if (entries.length === 1) return found('zip', 'omit', 'workouts.zip held the convertible workout and left the other out')
  return unknown('zip', `workouts.zip held ${entries.length} files for one convertible and one prose workout`)
}

/** stravaStreams: the streams of an activity imported from Strava, if the athlete has one this past year. */
export async function probeStravaStreams(cal: ProbeCalendar, today: string): Promise<AxisResult<'stravaStreams'>> {
  const activities = (await listActivities(cal.http, cal.athleteId, { oldest: addDays(today, -365), newest: today, fields: ['id', 'source'] })) ?? []
  const strava = activities.find((a) => a.source === 'STRAVA' && a.id)
  if (!strava) return unknown('stravaStreams', 'no activity imported from Strava in the past year to ask for streams')
  try {
    const streams = await getActivityStreams(cal.http, String(strava.id), ['time', 'watts', 'heartrate'])
    if (!streams || streams.length === 0) return found('stravaStreams', 'stub', `activity ${strava.id} from Strava answered an empty list of streams`)
    return unknown('stravaStreams', `activity ${strava.id} from Strava answered ${streams.length} streams`)
  } catch (e) {
    if (refused(e)) return found('stravaStreams', 'unprocessable', `activity ${strava.id} from Strava answered 422: ${message(e)}`)
    throw e
  }
}

const BURST = 60

/**
 * retryAfter: a burst of cheap GETs (one far-future day of the calendar) past the service's rate
 * limit, through a client of its own so the probes' queue is not paused. Stops at the first 429.
 */
export async function probeRetryAfter(connection: Connection, athleteId: string, day: string): Promise<AxisResult<'retryAfter'>> {
  const stop = new AbortController()
  // One listener per request of the burst.
  setMaxListeners(BURST * 2, stop.signal)
  let notice: RetryNotice | null = null
  const burst = new IcuHttp({
    baseUrl: connection.baseUrl,
    apiKey: connection.apiKey,
    limiter: new RateLimiter({ perSecond: 1000, burst: BURST, maxInFlight: 12 }),
    log: silentLogger,
    maxAttempts: 1,
    onRetry: (n) => {
      if (n.reason !== 'RATE_LIMITED' || notice) return
      notice = n
      stop.abort()
    },
  })
  const path = `/athlete/${encodeURIComponent(athleteId)}/events`
  await Promise.allSettled(
    Array.from({ length: BURST }, () => burst.request({ path, query: { oldest: day, newest: day }, signal: stop.signal })),
  )
  const seen = notice as RetryNotice | null
  if (!seen) return unknown('retryAfter', `${BURST} GETs in a burst drew no 429`)
  if (seen.retryAfterMs !== undefined) return found('retryAfter', 'sent', `the 429 carried Retry-After (${Math.round(seen.retryAfterMs / 1000)} s)`)
  return found('retryAfter', 'absent', 'the 429 carried no Retry-After')
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
