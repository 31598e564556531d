import type { BulkPlan, BulkReport, CalendarRow } from '../../src-main/contract/calendar'
import type { RosterList } from '../../src-main/contract/schemas'
import { addDays, athleteToday, mondayOf } from '../../src-main/services/dates'
import { connectedCore, rateBoundMs, type BenchRow, type Connected } from '../harness'

const LATENCY = 80

async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(r.error?.message)
  return r.value as T
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now()
  const v = await fn()
  return [v, performance.now() - t0]
}

function row(scenario: string, c: Connected, ms: number, requests: number, naive: number, reqTarget: string, maxRequests: number): BenchRow {
  const boundMs = rateBoundMs(requests, LATENCY)
  return {
    scenario,
    requests,
    requestTarget: reqTarget,
    naiveRequests: naive,
    ms,
    boundMs,
    ratio: ms / boundMs,
    target: '≤ 1.2x',
    pass: requests <= maxRequests && ms / boundMs <= 1.2 && !c.sim.requests.some((r) => r.status === 429),
  }
}

async function setup(athletes: number) {
  const c = await connectedCore({ athletes, latencyMs: LATENCY })
  const roster = await ok<RosterList>(c.core.invoke('roster:list', {}))
  const ids = roster.athletes.filter((a) => !a.isSelf && a.permission === 'WRITE').map((a) => a.id)
  const monday = addDays(mondayOf(athleteToday('Europe/London', new Date())), 7)
  // Let the limiter's burst refill, as after a coach's pause.
  await new Promise((r) => setTimeout(r, 1500))
  c.sim.resetRequests()
  return { c, ids, monday }
}

/** 50 athletes x 2 weeks: rows arrive one by one; all within 1.2x of the rate-limit bound; no 429. */
async function calendarLoad(): Promise<BenchRow[]> {
  const { c, ids, monday } = await setup(52)
  try {
    const athletes = ids.slice(0, 50)
    let firstRowMs = 0
    const t0 = performance.now()
    const first = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (c.events.some((e) => e.event === 'calendar:row')) {
          firstRowMs = performance.now() - t0
          clearInterval(check)
          resolve()
        }
      }, 2)
    })
    const [rows, ms] = await timed(() => ok<CalendarRow[]>(c.core.invoke('calendar:range', { athleteIds: athletes, oldest: monday, newest: addDays(monday, 13) })))
    await first
    const r = row(`calendar ${athletes.length} athletes x 2 weeks`, c, ms, c.sim.requests.length, 2 * athletes.length, `${2 * athletes.length} (events + activities per athlete)`, 2 * athletes.length)
    r.note = `first row after ${firstRowMs.toFixed(0)} ms, last after ${ms.toFixed(0)} ms; rows with errors: ${rows.filter((x) => x.error).length}`
    r.pass &&= firstRowMs < ms / 2 && rows.every((x) => !x.error)
    return [r]
  } finally {
    await c.close()
  }
}

/** Plans, then (after the limiter's burst has refilled) times the apply step alone. */
async function timedApply(c: Connected, selection: object, action: object, label: (plan: BulkPlan) => string): Promise<BenchRow> {
  const plan = await ok<BulkPlan>(c.core.invoke('calendar:planBulk', { selection, action }))
  await new Promise((r) => setTimeout(r, 1500))
  c.sim.resetRequests()
  const [report, ms] = await timed(() => ok<BulkReport>(c.core.invoke('calendar:applyBulk', { planId: plan.planId })))
  const r = row(label(plan), c, ms, c.sim.requests.length, plan.changes.length, '≤ 20', 20)
  r.pass &&= report.failed === 0
  return r
}

/** Hide 4 weeks for 20 athletes (about 400 events): one range request per athlete. */
async function hideWeeks(): Promise<BenchRow[]> {
  const { c, ids, monday } = await setup(22)
  try {
    const ranges = ids.slice(0, 20).map((athleteId) => ({ athleteId, oldest: monday, newest: addDays(monday, 27) }))
    return [await timedApply(c, { ranges }, { kind: 'hide' }, (p) => `hide 4 weeks x 20 athletes (${p.changes.length} events), apply`)]
  } finally {
    await c.close()
  }
}

/** Shift 200 selected events spread over 20 athletes by 2 days: one upsert per athlete. */
async function shiftSelection(): Promise<BenchRow[]> {
  const { c, ids, monday } = await setup(22)
  try {
    const rows = await ok<CalendarRow[]>(c.core.invoke('calendar:range', { athleteIds: ids.slice(0, 20), oldest: monday, newest: addDays(monday, 27) }))
    const events = rows.flatMap((r) => r.events.slice(0, 10).map((e) => ({ athleteId: r.athleteId, eventId: e.id })))
    return [await timedApply(c, { events }, { kind: 'shift', days: 2 }, (p) => `shift ${p.changes.length} events over 20 athletes by 2 days, apply`)]
  } finally {
    await c.close()
  }
}

export async function calendarBench(): Promise<BenchRow[]> {
  return [...(await calendarLoad()), ...(await hideWeeks()), ...(await shiftSelection())]
}
