import { resolveAthlete } from '../auth'
import { addDays, mondayOf, todayIn } from '../dates'
import { list, localDate } from '../params'
import { pathParam, type Route, type RouteContext } from '../router'
import type { Activity, ActivityType, CategorySummary, SimAthlete, SummaryWithCats, Wellness } from '../types'

interface Totals {
  count: number
  time: number
  moving_time: number
  elapsed_time: number
  calories: number
  total_elevation_gain: number
  training_load: number
  srpe: number
  distance: number
}

function emptyTotals(): Totals {
  return {
    count: 0, time: 0, moving_time: 0, elapsed_time: 0, calories: 0,
    total_elevation_gain: 0, training_load: 0, srpe: 0, distance: 0,
  }
}

function addTo(t: Totals, a: Activity): void {
  t.count += 1
  t.time += a.elapsed_time ?? 0
  t.moving_time += a.moving_time ?? 0
  t.elapsed_time += a.elapsed_time ?? 0
  t.calories += a.calories ?? 0
  t.total_elevation_gain += a.total_elevation_gain ?? 0
  t.training_load += a.icu_training_load ?? 0
  t.srpe += a.session_rpe ?? 0
  t.distance += a.distance ?? 0
}

const localDay = (a: Activity): string => (a.start_date_local ?? '').slice(0, 10)

/**
 * One row per athlete and week (weeks start on Monday) touched by [start, end]. Totals count the
 * activities inside the range; fitness, fatigue and form are as of the last activity in the week,
 * or the last day of the week inside the range when there was none.
 */
function weekRow(athlete: SimAthlete, weekStart: string, from: string, to: string): SummaryWithCats {
  const weekEnd = addDays(weekStart, 6)
  const first = from > weekStart ? from : weekStart
  const last = to < weekEnd ? to : weekEnd
  const activities = athlete.activities.filter((a) => localDay(a) >= first && localDay(a) <= last)
  const totals = emptyTotals()
  const byType = new Map<string, Totals>()
  const zones = [0, 0, 0, 0, 0, 0, 0]
  for (const a of activities) {
    addTo(totals, a)
    const type = a.type ?? 'Other'
    const t = byType.get(type) ?? emptyTotals()
    addTo(t, a)
    byType.set(type, t)
    ;(a.icu_hr_zone_times ?? []).forEach((secs, i) => (zones[i] = (zones[i] ?? 0) + secs))
  }
  const latest = activities.at(-1)
  const asOf = latest ? localDay(latest) : last
  const wellness = latestWellness(athlete.wellness, asOf)
  const eftp = wellness?.sportInfo?.find((s) => s.type === 'Ride')?.eftp ?? null
  const weight = latestValue(athlete.wellness, last, (w) => w.weight) ?? athlete.athlete.icu_weight ?? null
  const fitness = wellness?.ctl ?? 0
  const fatigue = wellness?.atl ?? 0
  const byCategory: CategorySummary[] = [...byType.entries()].map(([category, t]) => ({
    category: category as ActivityType,
    ...t,
    total_elevation_gain: round1(t.total_elevation_gain),
    eftp: category === 'Ride' || category === 'VirtualRide' ? (eftp ?? undefined) : undefined,
  }))
  return {
    athlete_id: athlete.id,
    athlete_name: athlete.athlete.name ?? '',
    email: athlete.athlete.email ?? undefined,
    external_id: athlete.externalId ?? undefined,
    date: weekStart,
    ...totals,
    total_elevation_gain: round1(totals.total_elevation_gain),
    eftp: eftp ?? undefined,
    eftpPerKg: eftp !== null && weight ? round2(eftp / weight) : undefined,
    fitness,
    fatigue,
    form: round2(fitness - fatigue),
    rampRate: wellness?.rampRate ?? 0,
    weight: weight ?? undefined,
    timeInZones: zones,
    timeInZonesTot: zones.reduce((s, z) => s + z, 0),
    byCategory,
    mostRecentWellnessId: latestWellness(athlete.wellness, last)?.id ?? undefined,
  }
}

function latestWellness(records: Wellness[], onOrBefore: string): Wellness | undefined {
  return records.findLast((w) => (w.id ?? '') <= onOrBefore)
}

function latestValue(records: Wellness[], onOrBefore: string, get: (w: Wellness) => number | null | undefined): number | null {
  for (const w of records.toReversed()) {
    const value = get(w)
    if ((w.id ?? '') <= onOrBefore && value !== null && value !== undefined) return value
  }
  return null
}

const round1 = (n: number): number => Math.round(n * 10) / 10
const round2 = (n: number): number => Math.round(n * 100) / 100

function athleteSummary(ctx: RouteContext): SummaryWithCats[] {
  const caller = resolveAthlete(ctx.state, pathParam(ctx, 'id'), 'read')
  const today = todayIn(caller.athlete.timezone ?? 'UTC', ctx.now())
  const end = localDate(ctx.query, 'end')?.slice(0, 10) ?? today
  const start = localDate(ctx.query, 'start')?.slice(0, 10) ?? addDays(end, -6)
  const tags = list(ctx.query, 'tags')
  // For the coach the rows cover everyone followed (the coach included); for anyone else, just them.
  const scope = caller.relation === 'self' ? ctx.state.roster : [caller]
  const athletes = tags.length ? scope.filter((a) => a.tags.some((t) => tags.includes(t))) : scope
  const rows: SummaryWithCats[] = []
  for (const athlete of athletes) {
    for (let week = mondayOf(start); week <= end; week = addDays(week, 7)) {
      rows.push(weekRow(athlete, week, start, end))
    }
  }
  return rows
}

export const summaryRoutes: Route[] = [{ method: 'GET', pattern: '/athlete/:id/athlete-summary', handler: athleteSummary }]
