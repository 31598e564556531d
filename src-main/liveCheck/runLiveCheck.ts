import { randomBytes } from 'node:crypto'
import { IcuHttp } from '../icu/http'
import { RateLimiter } from '../icu/limiter'
import type { Logger } from '../log'
import type { ProfileAxis } from '../sim/profile'
import { probeBulkUpdate, probeRangePut, probeTarget, probeUid } from './eventProbes'
import { ProbeCalendar } from './probeCalendar'
import { describePlan, isProbeEvent, probeBodies, probeWeek, type ProbePlan } from './probePlan'
import { unknown, type AxisResult } from './reading'
import { probeRetryAfter, probeStravaStreams, probeZip, type Connection } from './serviceProbes'

export interface LiveCheckOptions extends Connection {
  athleteId: string
  /** The athlete's today (local date); the probe week is about five years after it. */
  today: string
  log: Logger
  /** Shown the plan; answers whether to write. */
  confirm: (plan: string[]) => Promise<boolean>
}

export interface LiveCheckReport {
  plan: ProbePlan
  /** False when the maintainer said no: nothing was written. */
  ran: boolean
  results: AxisResult[]
  cleanup: { removed: number; left: number[]; errors: string[] } | null
}

/** How many weeks past the first choice to look for a week with nothing in it. */
const WEEK_TRIES = 8

/**
 * Probes each behaviour of the simulator's profile on the athlete's own calendar: reads a far-future
 * week, asks, writes, names a reading per axis, and removes what it wrote whatever happened.
 */
export async function runLiveCheck(opts: LiveCheckOptions): Promise<LiveCheckReport> {
  const http = new IcuHttp({
    baseUrl: opts.baseUrl,
    apiKey: opts.apiKey,
    limiter: new RateLimiter({ perSecond: 8, burst: 8, maxInFlight: 2 }),
    log: opts.log,
  })
  const cal = new ProbeCalendar(http, opts.athleteId)
  const plan = await choosePlan(cal, opts.today)
  if (!(await opts.confirm(describePlan(plan)))) return { plan, ran: false, results: [], cleanup: null }

  const results: AxisResult[] = []
  let cleanup: LiveCheckReport['cleanup'] = null
  const attempt = async (axis: ProfileAxis, probe: () => Promise<AxisResult>) => {
    try {
      results.push(await probe())
    } catch (e) {
      opts.log.warn('liveCheck.probeFailed', { axis, error: e instanceof Error ? e.message : String(e) })
      results.push(unknown(axis, `the probe failed: ${e instanceof Error ? e.message : String(e)}`))
    }
  }
  try {
    for (const id of plan.leftovers) cal.created.add(id)
    const b = plan.bodies
    await attempt('uid', () => probeUid(cal, b))
    await attempt('bulkUpdate', () => probeBulkUpdate(cal, b))
    await attempt('target', () => probeTarget(cal, b))
    await attempt('rangePut', () => probeRangePut(cal, b))
    await attempt('zip', () => probeZip(cal, b))
    await attempt('stravaStreams', () => probeStravaStreams(cal, opts.today))
  } finally {
    cleanup = await cal.cleanUp(plan.week)
  }
  // Last, after cleanup: the burst leaves the service's limit spent for a moment.
  await attempt('retryAfter', () => probeRetryAfter(opts, opts.athleteId, plan.week[0]))
  return { plan, ran: true, results, cleanup }
}

/** The first far-future week holding nothing but probe events (an earlier run's, deleted first). */
async function choosePlan(cal: ProbeCalendar, today: string): Promise<ProbePlan> {
  const runId = randomBytes(4).toString('hex')
  for (let offset = 0; offset < WEEK_TRIES; offset++) {
    const week = probeWeek(today, offset)
    const events = await cal.list(week[0], week[6])
    if (events.some((e) => !isProbeEvent(e))) continue
    const leftovers = events.map((e) => e.id).filter((id): id is number => typeof id === 'number')
    return { athleteId: cal.athleteId, week, runId, bodies: probeBodies(week, runId), leftovers }
  }
  throw new Error(`Every week from ${probeWeek(today)[0]} on for ${WEEK_TRIES} weeks already holds events; nothing was written.`)
}
