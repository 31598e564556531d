import { setMaxListeners } from 'node:events'
import { AppError } from '../contract/errors'
import { readOnlyAccess, type RosterList, type RosterRow, type WeekDetail } from '../contract/schemas'
import { athleteSummary, getAthlete, listActivities, listAthletes, listEvents } from '../icu/api'
import type { AthleteWithTags, SummaryWithCats } from '../icu/types'
import { addDays, athleteToday, maxDate, minDate, mondayOf } from './dates'
import { num, personName, round1, strings } from './decode'
import type { HandlersFor, ServiceDeps } from './deps'
import { mapPooled } from './pool'
import { activeWeeks, fitnessOnToday, type ActiveWeekFitness } from './rosterFitness'

type RosterDeps = Pick<ServiceDeps, 'session' | 'now'> & { onDetail?: (detail: WeekDetail) => void }

const ROSTER_MAX_AGE_MS = 15 * 60_000

/** The roster, loaded once per account and shared by the services that need names, zones or access. */
export class RosterCache {
  private cache: { generation: number; list: RosterList; weeks: Map<string, ActiveWeekFitness[]> } | null = null
  private index: { list: RosterList; rows: Map<string, RosterRow> } | null = null

  constructor(private readonly deps: Pick<ServiceDeps, 'session' | 'now'>) {}

  async get(refresh = false): Promise<RosterList> {
    const generation = this.deps.session.generation
    // Each row's "today" is computed when loaded: past a while (or a midnight) it is loaded again.
    const stale = !!this.cache && this.deps.now().getTime() - Date.parse(this.cache.list.fetchedAt) > ROSTER_MAX_AGE_MS
    if (!this.cache || refresh || stale || this.cache.generation !== generation) {
      this.cache = { generation, ...(await loadRoster(this.deps)) }
    }
    return this.cache.list
  }

  /** The weeks the athlete was active in, from the summary the roster was loaded with. */
  activeWeeksOf(athleteId: string): ActiveWeekFitness[] {
    return this.cache?.generation === this.deps.session.generation ? (this.cache.weeks.get(athleteId) ?? []) : []
  }

  /** The rows for these ids, reloading once if one is unknown (a new athlete since the last load). */
  async rows(ids: string[]): Promise<RosterRow[]> {
    await this.get()
    if (ids.some((id) => !this.byId.has(id))) await this.get(true)
    return ids.map((id) => {
      const row = this.byId.get(id)
      if (!row) throw new AppError('NOT_FOUND', `Athlete ${id} is not on your roster.`)
      return row
    })
  }

  /**
   * The athlete's today now, from the roster already loaded (no request); null when the roster is
   * not loaded for this account or does not hold the athlete.
   */
  todayOf(athleteId: string): string | null {
    if (!this.cache || this.cache.generation !== this.deps.session.generation) return null
    const row = this.byId.get(athleteId)
    return row ? athleteToday(row.timezone, this.deps.now()) : null
  }

  /** Rows by id: a roster of a thousand is looked up once per athlete, not scanned. */
  private get byId(): Map<string, RosterRow> {
    const list = this.cache?.list
    if (!list) return new Map()
    if (this.index?.list !== list) this.index = { list, rows: new Map(list.athletes.map((a) => [a.id, a])) }
    return this.index.rows
  }
}

export function rosterHandlers(deps: ServiceDeps, roster: RosterCache): HandlersFor<'roster:list' | 'roster:weekDetails' | 'roster:cancelDetails'> {
  // The details the roster view asked for, until they are done or the coach leaves the view.
  const running = new Set<AbortController>()
  return {
    'roster:list': ({ refresh }) => roster.get(refresh),
    'roster:weekDetails': async ({ athleteIds }) => {
      const controller = new AbortController()
      // One signal is listened to by every request of a long roster.
      setMaxListeners(0, controller.signal)
      running.add(controller)
      try {
        const athletes = (await roster.rows(athleteIds)).map((r) => ({ id: r.id, timezone: r.timezone, activeWeeks: roster.activeWeeksOf(r.id) }))
        return await weekDetails({ ...deps, onDetail: (d) => deps.emit('roster:detail', d) }, athletes, controller.signal)
      } finally {
        running.delete(controller)
      }
    },
    'roster:cancelDetails': async () => {
      const cancelled = running.size
      for (const c of running) c.abort()
      running.clear()
      return { cancelled }
    },
  }
}

/** May the coach change this athlete's calendar and settings? READ and NONE only look. */
export function canWrite(row: Pick<RosterRow, 'isSelf' | 'permission'>): boolean {
  return !readOnlyAccess(row)
}

/** How far back the summary looks, to tell when an athlete was last active. */
const HISTORY_WEEKS = 8

/**
 * The roster in two requests whatever its size: GET /athletes (who, timezone, tags, notes) and one
 * athlete-summary over recent weeks (fitness, fatigue, form, load). Older servers without /athletes
 * answer 404; then the summary alone names the athletes. The summary's active weeks are kept beside
 * the list, so the week details can carry fitness forward to each athlete's today.
 */
async function loadRoster(deps: RosterDeps, signal?: AbortSignal): Promise<{ list: RosterList; weeks: Map<string, ActiveWeekFitness[]> }> {
  const http = deps.session.http()
  const coachId = deps.session.coachId()
  const now = deps.now()
  let athletes: AthleteWithTags[] | null = null
  try {
    athletes = (await listAthletes(http, { signal })) ?? []
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'NOT_FOUND')) throw e
  }
  const todays = (athletes ?? []).map((a) => athleteToday(a.timezone, now))
  const coachToday = athleteToday(athletes?.find((a) => a.id === coachId)?.timezone ?? null, now)
  const end = todays.length ? maxDate(todays) : addDays(coachToday, 1)
  const start = addDays(mondayOf(todays.length ? minDate(todays) : addDays(coachToday, -1)), -7 * HISTORY_WEEKS)
  const summary = (await athleteSummary(http, coachId, { start, end }, { signal })) ?? []
  const weeks = groupByAthlete(summary)

  // Without /athletes the summary carries no timezones: a third request reads the coach's, the best
  // guess for "today" until each athlete's own profile is opened.
  const fallbackZone = athletes ? null : ((await getAthlete(http, coachId, { signal })).timezone ?? null)
  const rows: RosterRow[] = athletes
    ? athletes.map((a) => rosterRow(a, weeks.get(a.id ?? '') ?? [], coachId, now))
    : [...weeks.entries()].map(([id, ws]) =>
        rosterRow({ id, name: ws[0]?.athlete_name ?? id, timezone: fallbackZone ?? undefined }, ws, coachId, now),
      )
  rows.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name))
  const list: RosterList = { athletes: rows, fetchedAt: now.toISOString(), source: athletes ? 'athletes' : 'athlete-summary' }
  return { list, weeks: new Map([...weeks.entries()].map(([id, ws]) => [id, activeWeeks(ws)])) }
}

function groupByAthlete(summary: SummaryWithCats[]): Map<string, SummaryWithCats[]> {
  const byAthlete = new Map<string, SummaryWithCats[]>()
  for (const row of summary) {
    if (!row?.athlete_id) continue
    const list = byAthlete.get(row.athlete_id) ?? []
    list.push(row)
    byAthlete.set(row.athlete_id, list)
  }
  for (const list of byAthlete.values()) list.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))
  return byAthlete
}

export function rosterRow(a: AthleteWithTags, weeks: SummaryWithCats[], coachId: string, now: Date): RosterRow {
  const timezone = a.timezone || 'UTC'
  const today = athleteToday(timezone, now)
  const thisWeek = weeks.find((w) => w.date === mondayOf(today))
  const latestFitness = [...weeks].reverse().find((w) => num(w.fitness) !== null)
  const lastActive = [...weeks].reverse().find((w) => (w.count ?? 0) > 0)
  const fitness = num(latestFitness?.fitness)
  const fatigue = num(latestFitness?.fatigue)
  return {
    id: a.id ?? '',
    name: personName(a, 'Unnamed athlete'),
    avatarUrl: a.profile_medium ?? null,
    sports: sportsOf(weeks),
    timezone,
    today,
    fitness: round1(fitness),
    fatigue: round1(fatigue),
    form: fitness !== null && fatigue !== null ? round1(num(latestFitness?.form) ?? fitness - fatigue) : null,
    fitnessDate: null,
    rampRate: round1(num(latestFitness?.rampRate)),
    weekLoadDone: Math.round(num(thisWeek?.training_load) ?? 0),
    weekTimeDone: Math.round(num(thisWeek?.moving_time) ?? num(thisWeek?.time) ?? 0),
    lastActiveWeek: lastActive?.date ?? null,
    tags: strings(a.icu_tags),
    notes: typeof a.icu_notes === 'string' ? a.icu_notes : '',
    permission: a.icu_permission ?? null,
    isSelf: a.id === coachId,
  }
}

/** Sports the athlete actually did recently, most time first. */
function sportsOf(weeks: SummaryWithCats[]): string[] {
  const time = new Map<string, number>()
  for (const w of weeks) {
    for (const c of w.byCategory ?? []) {
      if (!c?.category || !(c.count ?? 0)) continue
      time.set(c.category, (time.get(c.category) ?? 0) + (c.moving_time ?? c.time ?? 0))
    }
  }
  return [...time.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k)
}

/** Athletes whose details are asked at once: enough to keep the limiter busy, few enough to queue little. */
const DETAIL_ATHLETES_AT_ONCE = 8

/**
 * This week's plan and the last activity for each athlete: two requests per athlete, through the
 * shared limiter as background work (a view the coach opens meanwhile goes first), reported one
 * athlete at a time so the roster fills in as answers arrive. The signal cancels what is not sent.
 */
export async function weekDetails(
  deps: RosterDeps,
  athletes: { id: string; timezone: string; activeWeeks?: ActiveWeekFitness[] }[],
  signal?: AbortSignal,
): Promise<WeekDetail[]> {
  const http = deps.session.http()
  const now = deps.now()
  const o = { signal, priority: 'background' as const }
  return mapPooled(
    athletes,
    DETAIL_ATHLETES_AT_ONCE,
    async ({ id, timezone, activeWeeks: weeks }) => {
      const today = athleteToday(timezone, now)
      const monday = mondayOf(today)
      let detail: WeekDetail
      try {
        const [events, activities] = await Promise.all([
          listEvents(http, id, { oldest: monday, newest: addDays(monday, 6), category: ['WORKOUT'] }, o),
          listActivities(
            http,
            id,
            { oldest: addDays(today, -7 * HISTORY_WEEKS), newest: `${today}T23:59:59`, limit: 1, fields: ['id', 'start_date_local', 'type', 'name', 'icu_training_load'] },
            o,
          ),
        ])
        const planned = events ?? []
        const last = (activities ?? [])[0]
        const lastDate = (last?.start_date_local ?? '').slice(0, 10)
        detail = {
          athleteId: id,
          plannedLoad: Math.round(planned.reduce((s, e) => s + (num(e.icu_training_load) ?? 0), 0)),
          plannedSecs: Math.round(planned.reduce((s, e) => s + (num(e.moving_time) ?? 0), 0)),
          plannedCount: planned.length,
          lastActivity: last
            ? { date: (last.start_date_local ?? '').slice(0, 10), type: last.type ?? 'Other', name: last.name ?? '', load: num(last.icu_training_load) }
            : null,
          // The summary's numbers carried to today, so the row agrees with the athlete's page.
          ...(lastDate ? (fitnessOnToday(weeks ?? [], lastDate, today) ?? {}) : {}),
          error: null,
        }
      } catch (e) {
        if (e instanceof AppError && e.code === 'CANCELLED') throw e
        detail = {
          athleteId: id,
          plannedLoad: 0,
          plannedSecs: 0,
          plannedCount: 0,
          lastActivity: null,
          error: e instanceof AppError ? e.message : 'Could not load this week.',
        }
      }
      deps.onDetail?.(detail)
      return detail
    },
    signal,
  )
}
