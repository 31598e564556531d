import type { CalendarRow } from '../../contract/calendar'
import { AppError } from '../../contract/errors'
import { listActivities, listEvents } from '../../icu/api'
import type { Event } from '../../icu/types'
import { addDays, mondayOf } from '../dates'
import type { ServiceDeps } from '../deps'
import { calActivity, calEvent } from './mapping'
import { lastDay } from './ops'

const ACTIVITY_FIELDS = ['id', 'start_date_local', 'type', 'name', 'moving_time', 'icu_training_load', 'paired_event_id']

interface WeekBlock {
  events: Event[]
  activities: CalendarRow['activities']
  /** False for a week that lay wholly after the athlete's today when loaded: activities were not asked. */
  activitiesAsked: boolean
}

/**
 * Calendar data by athlete and week: one events and one activities request per athlete for the
 * weeks not cached yet, so scrolling back to a loaded week costs nothing. Weeks wholly after the
 * athlete's today cost only the events request (nothing can have been done there yet), and a week
 * already on its way is waited for instead of asked again (quick week switching).
 */
export class CalendarLoader {
  private readonly weeks = new Map<string, WeekBlock>()
  /** Weeks being loaded, by athlete and Monday: a second view of them shares the answer. */
  private readonly inFlight = new Map<string, Promise<void>>()
  /** Bumped by every write to an athlete, so an answer fetched before it is not cached after it. */
  private readonly versions = new Map<string, number>()
  private generation = -1
  /** Bumped when the cache is emptied, so an answer asked for before is not cached after. */
  private epoch = 0

  /**
   * `todayOf` gives an athlete's today from what is already known (the loaded roster), or null,
   * in which case activities are always asked.
   */
  constructor(
    private readonly deps: Pick<ServiceDeps, 'session'>,
    private readonly todayOf: (athleteId: string) => string | null = () => null,
  ) {}

  async rows(
    athleteIds: string[],
    oldest: string,
    newest: string,
    opts: { refresh?: boolean; onRow?: (row: CalendarRow) => void; signal?: AbortSignal } = {},
  ): Promise<CalendarRow[]> {
    if (newest < oldest) throw new AppError('INVALID_INPUT', 'The end of the range is before its start.')
    if (this.generation !== this.deps.session.generation) {
      this.weeks.clear()
      this.inFlight.clear()
      this.epoch++
      this.generation = this.deps.session.generation
    }
    // Refresh forgets only these athletes: a long roster is asked for in chunks, each refreshing its own.
    if (opts.refresh) this.forget(athleteIds)
    const mondays = weeksCovering(oldest, newest)
    return Promise.all(
      athleteIds.map(async (athleteId) => {
        let row: CalendarRow
        try {
          await this.load(athleteId, mondays, opts.signal)
          row = this.assemble(athleteId, oldest, newest, mondays)
        } catch (e) {
          if (e instanceof AppError && e.code === 'CANCELLED') throw e
          const err = e instanceof AppError ? { code: e.code, message: e.message } : { code: 'INTERNAL', message: 'Could not load.' }
          row = { athleteId, oldest, newest, events: [], activities: [], error: err }
        }
        opts.onRow?.(row)
        return row
      }),
    )
  }

  /** Until every week is cached: waits for weeks already on their way, asks for the others. */
  private async load(athleteId: string, mondays: string[], signal?: AbortSignal): Promise<void> {
    for (;;) {
      const today = this.todayOf(athleteId)
      const waits: Promise<void>[] = []
      const missing: string[] = []
      for (const m of mondays) {
        if (this.cached(athleteId, m, today)) continue
        const pending = this.inFlight.get(key(athleteId, m))
        if (pending) waits.push(pending)
        else missing.push(m)
      }
      if (!waits.length && !missing.length) return
      for (const run of consecutive(missing)) waits.push(this.fetchWeeks(athleteId, run, today, signal))
      // A write landing meanwhile leaves a week uncached: the loop then asks for it again.
      await Promise.all(waits)
    }
  }

  private cached(athleteId: string, monday: string, today: string | null): boolean {
    const block = this.weeks.get(key(athleteId, monday))
    // A week loaded without activities while it lay ahead needs them once it has begun.
    return !!block && (block.activitiesAsked || (today !== null && monday > today))
  }

  /** One events request (and one activities request unless every week lies ahead) for consecutive weeks. */
  private fetchWeeks(athleteId: string, run: string[], today: string | null, signal?: AbortSignal): Promise<void> {
    const http = this.deps.session.http()
    const version = this.versions.get(athleteId) ?? 0
    const epoch = this.epoch
    const from = run[0]!
    const to = addDays(run.at(-1)!, 6)
    const askActivities = today === null || from <= today
    const job = (async () => {
      const [events, activities] = await Promise.all([
        listEvents(http, athleteId, { oldest: from, newest: to }, { signal }),
        askActivities
          ? listActivities(http, athleteId, { oldest: from, newest: `${to}T23:59:59`, fields: ACTIVITY_FIELDS }, { signal })
          : Promise.resolve([]),
      ])
      // A write (or a refresh) landed while this was in flight: not cached, so it is asked again.
      if ((this.versions.get(athleteId) ?? 0) !== version || this.epoch !== epoch) return
      for (const m of run) this.weeks.set(key(athleteId, m), { events: [], activities: [], activitiesAsked: askActivities })
      for (const e of events ?? []) {
        // A multi-day event that started before the range is kept with the range's first week.
        const start = (e.start_date_local ?? from).slice(0, 10)
        this.weeks.get(key(athleteId, mondayOf(start < from ? from : start)))?.events.push(e)
      }
      for (const a of activities ?? []) {
        if (!a?.id) continue
        const block = this.weeks.get(key(athleteId, mondayOf((a.start_date_local ?? from).slice(0, 10))))
        block?.activities.push(calActivity(a, athleteId))
      }
    })()
    for (const m of run) this.inFlight.set(key(athleteId, m), job)
    const done = () => {
      for (const m of run) if (this.inFlight.get(key(athleteId, m)) === job) this.inFlight.delete(key(athleteId, m))
    }
    job.then(done, done)
    return job
  }

  /** A cached event by id, to learn its dates without asking intervals.icu again. */
  find(athleteId: string, eventId: number): CalendarRow['events'][number] | null {
    for (const [k, block] of this.weeks) {
      if (!k.startsWith(`${athleteId}|`)) continue
      const e = block.events.find((x) => x.id === eventId)
      if (e) return calEvent(e, athleteId)
    }
    return null
  }

  /**
   * The events cached for an athlete over [oldest, newest] as intervals.icu sent them, or null when
   * a week of it is not cached: a bulk preview is planned from these without asking again (the apply
   * reads each athlete once more before writing, so nothing stale is ever written).
   */
  cachedEvents(athleteId: string, oldest: string, newest: string): Event[] | null {
    if (this.generation !== this.deps.session.generation) return null
    const out = new Map<number, Event>()
    for (const m of weeksCovering(oldest, newest)) {
      const block = this.weeks.get(key(athleteId, m))
      if (!block) return null
      for (const e of block.events) if (e.id !== undefined) out.set(e.id, e)
    }
    return [...out.values()]
  }

  /**
   * Puts what a write answered into the cache (changed or created events, removed ids), so the
   * view after a bulk change costs no request; activities do not change with the plan. An answer
   * still in flight from before the write is not cached (the version moves on).
   */
  patch(athleteId: string, changed: Event[], removed: number[]): void {
    this.versions.set(athleteId, (this.versions.get(athleteId) ?? 0) + 1)
    const gone = new Set<number>([...removed, ...changed.map((e) => e.id).filter((id): id is number => id !== undefined)])
    const mine = [...this.weeks.entries()].filter(([k]) => k.startsWith(`${athleteId}|`))
    for (const [, block] of mine) block.events = block.events.filter((e) => e.id === undefined || !gone.has(e.id))
    for (const e of changed) {
      const start = (e.start_date_local ?? '').slice(0, 10)
      if (!start) continue
      // A multi-day event is listed with every cached week it overlaps, as a load would list it.
      const last = lastDay(e)
      for (const [k, block] of mine) {
        const monday = k.split('|')[1]!
        const sunday = addDays(monday, 6)
        if (start <= sunday && last >= monday) block.events.push(e)
      }
    }
  }

  /** Forget what is cached for these athletes (after a write), so the next view reloads it. */
  invalidate(athleteIds: Iterable<string>): void {
    this.forget(athleteIds)
  }

  /** Drops these athletes' weeks, and any answer on its way for them is not cached (it may predate a change). */
  private forget(athleteIds: Iterable<string>): void {
    const ids = new Set(athleteIds)
    for (const id of ids) this.versions.set(id, (this.versions.get(id) ?? 0) + 1)
    for (const k of [...this.weeks.keys()]) if (ids.has(k.split('|')[0]!)) this.weeks.delete(k)
    for (const k of [...this.inFlight.keys()]) if (ids.has(k.split('|')[0]!)) this.inFlight.delete(k)
  }

  private assemble(athleteId: string, oldest: string, newest: string, mondays: string[]): CalendarRow {
    // A multi-day event can be cached with two weeks (each load lists the events overlapping it).
    const events = new Map<number, Event>()
    const activities: CalendarRow['activities'] = []
    for (const m of mondays) {
      const block = this.weeks.get(key(athleteId, m))!
      for (const e of block.events) events.set(e.id ?? -events.size - 1, e)
      activities.push(...block.activities)
    }
    const done = new Map(activities.filter((a) => a.pairedEventId !== null).map((a) => [a.pairedEventId!, a.id]))
    return {
      athleteId,
      oldest,
      newest,
      events: [...events.values()]
        .map((e) => calEvent(e, athleteId, done.get(e.id ?? -1) ?? null))
        .filter((e) => (e.endDate ?? e.date) >= oldest && e.date <= newest),
      activities: activities.filter((a) => a.date >= oldest && a.date <= newest),
      error: null,
    }
  }
}

/** Mondays in order, cut where a week is skipped: each run is one request. */
function consecutive(mondays: string[]): string[][] {
  const runs: string[][] = []
  for (const m of mondays) {
    const run = runs.at(-1)
    if (run && addDays(run.at(-1)!, 7) === m) run.push(m)
    else runs.push([m])
  }
  return runs
}

function key(athleteId: string, monday: string): string {
  return `${athleteId}|${monday}`
}

export function weeksCovering(oldest: string, newest: string): string[] {
  const out: string[] = []
  for (let m = mondayOf(oldest); m <= newest; m = addDays(m, 7)) out.push(m)
  return out
}
