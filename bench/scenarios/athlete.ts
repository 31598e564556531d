import type { ActivityStreams } from '../../src-main/contract/schemas'
import { ACTIVITY_LIST_FIELDS } from '../../src-main/services/athlete/activities'
import { rawStreams, streamWindow, type RawStreams } from '../../src-main/services/athlete/streams'
import { addDays, athleteToday } from '../../src-main/services/dates'
import { createRng } from '../../src-main/sim/random'
import { generateStreams } from '../../src-main/sim/streams/generate'
import { segmentsFor } from '../../src-main/sim/streams/segments'
import type { Activity } from '../../src-main/sim/types'
import { streamDatasets } from '../../src-renderer/src/components/athlete/streamChartData'
import { connectedCore, median as middle, type BenchRow } from '../harness'
import { chartDrawMs } from './athleteChart'

const LATENCY = 80
const RIDE_SECS = 4 * 3600
const CHART_POINTS = 1500
const ATHLETE = 'i100001'
const RIDE_RUNS = 5

/** A 4-hour outdoor ride with climbs: 14,400 samples of power, HR, cadence, speed and altitude. */
function fourHourRide(): RawStreams {
  const activity: Activity = {
    id: 'i4hours', type: 'Ride', moving_time: RIDE_SECS, icu_intensity: 70, icu_average_watts: 180,
    average_heartrate: 142, distance: 120_000, total_elevation_gain: 1600,
  }
  const segments = segmentsFor(activity, null, createRng(4))
  const s = generateStreams(activity, segments, { ftp: 260, lthr: 168, maxHr: 190, restingHr: 48, thresholdSpeed: 4 })
  return rawStreams(Object.entries(s).map(([type, data]) => ({ type, data: data as never })))
}

function median(fn: () => void, runs = 21): number {
  for (let i = 0; i < 3; i++) fn()
  const t: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    fn()
    t.push(performance.now() - t0)
  }
  return middle(t)
}

/** Decimation in main + the IPC copy + the renderer's dataset preparation, against the same without decimation. */
async function decimationRows(): Promise<BenchRow[]> {
  const raw = fourHourRide()
  const detail = { id: 'i4hours', type: 'Ride' }
  let full: ActivityStreams | null = null
  let small: ActivityStreams | null = null
  const prepare = (maxPoints: number) => {
    const w = streamWindow(detail, raw, { maxPoints })
    // Structured clone over IPC costs about what a JSON round trip does.
    const sent = JSON.parse(JSON.stringify(w)) as ActivityStreams
    streamDatasets(sent, 'MINS_KM')
    return sent
  }
  const fullMs = median(() => (full = prepare(1_000_000)))
  const smallMs = median(() => (small = prepare(CHART_POINTS)))
  const points = (s: ActivityStreams | null) => s?.series.reduce((n, x) => n + x.x.length, 0) ?? 0
  const bytes = (s: ActivityStreams | null) => JSON.stringify(s).length
  const draw = await chartDrawMs({ full: streamDatasets(full!, 'MINS_KM'), decimated: streamDatasets(small!, 'MINS_KM') })
  const rows: BenchRow[] = [
    {
      scenario: `4-h ride, ${points(full).toLocaleString()} → ${points(small).toLocaleString()} points: LTTB + IPC copy + chart data (vs undecimated)`,
      requests: 0,
      requestTarget: '–',
      naiveRequests: null,
      ms: smallMs,
      boundMs: fullMs,
      ratio: smallMs / fullMs,
      target: '≤ 0.5x',
      pass: smallMs / fullMs <= 0.5,
      runs: 21,
      note: `payload ${Math.round(bytes(small) / 1024)} kB decimated vs ${Math.round(bytes(full) / 1024)} kB undecimated`,
    },
  ]
  if (draw) {
    rows.push({
      scenario: '4-h ride, Chart.js draw in Chromium: decimated vs undecimated',
      requests: 0,
      requestTarget: '–',
      naiveRequests: null,
      ms: draw.decimated,
      boundMs: draw.full,
      ratio: draw.decimated / draw.full,
      target: '≤ 0.5x',
      pass: draw.decimated / draw.full <= 0.5,
      runs: 5,
    })
  }
  return rows
}

/** The cyclist's 16 weeks, copied back in time until there are 1,000+ activities (about 3 years). */
function growHistory(list: Activity[], target: number): void {
  const base = [...list]
  for (let copy = 1; list.length < target; copy++) {
    const shifted = base.map((a) => ({
      ...a,
      id: `i${9_000_000 + copy * 10_000 + base.indexOf(a)}`,
      start_date_local: `${addDays(a.start_date_local!.slice(0, 10), -copy * 112)}${a.start_date_local!.slice(10)}`,
    }))
    list.unshift(...shifted)
  }
}

async function listRows(): Promise<BenchRow[]> {
  const c = await connectedCore({ latencyMs: LATENCY, rateLimit: false })
  try {
    const activities = c.sim.state.athlete(ATHLETE)!.activities
    growHistory(activities, 1000)
    const today = athleteToday('UTC', new Date())
    const oldest = addDays(today, -4 * 365)
    const url = (fields: boolean) =>
      `${c.sim.url}/api/v1/athlete/${ATHLETE}/activities?oldest=${oldest}&newest=${addDays(today, 1)}T23:59:59${fields ? `&fields=${ACTIVITY_LIST_FIELDS.join(',')}` : ''}`
    const auth = { Authorization: `Basic ${Buffer.from(`API_KEY:${c.sim.apiKey}`).toString('base64')}` }
    const withFields = (await (await fetch(url(true), { headers: auth })).text()).length
    const without = (await (await fetch(url(false), { headers: auth })).text()).length
    const list = () => c.core.invoke('athlete:activities', { athleteId: ATHLETE, oldest, newest: addDays(today, 1) })
    await list()
    const times: number[] = []
    let r = await list()
    for (let i = 0; i < 5; i++) {
      c.sim.resetRequests()
      const t0 = performance.now()
      r = await list()
      times.push(performance.now() - t0)
    }
    const ms = middle(times)
    if (!r.ok) throw new Error(r.error.message)
    const n = (r.value as unknown[]).length
    return [
      {
        scenario: `${n.toLocaleString()} activities listed: bytes with fields vs without`,
        requests: c.sim.requests.length,
        requestTarget: '1',
        naiveRequests: null,
        ms: withFields,
        boundMs: without,
        ratio: withFields / without,
        target: '≤ 0.35x',
        pass: n >= 1000 && withFields / without <= 0.35 && c.sim.requests.length === 1,
        note: `bytes: ${Math.round(withFields / 1024)} kB with fields, ${Math.round(without / 1024)} kB without (the time columns hold bytes for this row)`,
      },
      {
        scenario: `${n.toLocaleString()} activities listed through the core, ${LATENCY} ms latency (median of 5)`,
        requests: c.sim.requests.length,
        requestTarget: '1',
        naiveRequests: null,
        ms,
        boundMs: LATENCY,
        ratio: ms / LATENCY,
        target: '≤ 2x',
        runs: 5,
        pass: c.sim.requests.length === 1 && ms / LATENCY <= 2,
      },
    ]
  } finally {
    await c.close()
  }
}

async function reopenRows(): Promise<BenchRow[]> {
  const c = await connectedCore({ latencyMs: LATENCY })
  try {
    const rides = c.sim.state.athlete(ATHLETE)!.activities.filter((a) => a.type === 'Ride')
    const long = rides.reduce((a, b) => ((b.moving_time ?? 0) > (a.moving_time ?? 0) ? b : a))
    // The athlete page loads first (sport settings name the zones); the simulator's streams are warmed
    // so the timing is the app's, not the simulator generating 1 Hz data.
    await c.core.invoke('athlete:get', { athleteId: ATHLETE })
    await fetch(`${c.sim.url}/api/v1/activity/${long.id}/streams`, {
      headers: { Authorization: `Basic ${Buffer.from(`API_KEY:${c.sim.apiKey}`).toString('base64')}` },
    })
    const open = () =>
      Promise.all([
        c.core.invoke('athlete:activity', { activityId: long.id }),
        c.core.invoke('athlete:streams', { activityId: long.id, maxPoints: CHART_POINTS }),
      ])
    // Timed several times (the median): a single run on a busy machine says little. The
    // session is connected again between runs, so each first open finds nothing kept in main.
    const firsts: number[] = []
    const agains: number[] = []
    let firstRequests = 0
    let againRequests = 0
    for (let i = 0; i < RIDE_RUNS; i++) {
      if (i > 0) {
        await c.core.invoke('session:connect', { athleteId: c.sim.coachId, apiKey: c.sim.apiKey, storage: 'memory' })
        await c.core.invoke('athlete:get', { athleteId: ATHLETE })
      }
      c.sim.resetRequests()
      const t0 = performance.now()
      await open()
      firsts.push(performance.now() - t0)
      firstRequests = Math.max(firstRequests, c.sim.requests.length)
      c.sim.resetRequests()
      const t1 = performance.now()
      await open()
      agains.push(performance.now() - t1)
      againRequests = Math.max(againRequests, c.sim.requests.length)
    }
    const firstMs = middle(firsts)
    const againMs = middle(agains)
    return [
      {
        scenario: `opening a ${Math.round(long.moving_time! / 3600)}-h ride (summary + intervals + streams), ${LATENCY} ms latency (median of ${RIDE_RUNS})`,
        requests: firstRequests,
        requestTarget: '2, together',
        naiveRequests: null,
        ms: firstMs,
        boundMs: LATENCY,
        ratio: firstMs / LATENCY,
        target: '≤ 3x',
        runs: RIDE_RUNS,
        pass: firstRequests === 2 && firstMs / LATENCY <= 3,
      },
      {
        scenario: `reopening the same ride (kept in main, median of ${RIDE_RUNS})`,
        requests: againRequests,
        requestTarget: '0',
        naiveRequests: firstRequests,
        ms: againMs,
        boundMs: firstMs,
        ratio: againMs / firstMs,
        target: '≤ 0.2x',
        runs: RIDE_RUNS,
        pass: againRequests === 0 && againMs / firstMs <= 0.2,
      },
    ]
  } finally {
    await c.close()
  }
}

/** One athlete in depth: chart decimation, the activity list's payload, and reopening an activity. */
export async function athleteBench(): Promise<BenchRow[]> {
  return [...(await decimationRows()), ...(await listRows()), ...(await reopenRows())]
}
