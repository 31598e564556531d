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
  /** When intervals.icu gave this week (ISO): a row kept after a failed refresh says so. */
  loadedAt: string
}

/**
 * Calendar data by athlete and week: one events and one activities request per athlete for the
 * weeks not cached yet, so scrolling back to a loaded week costs nothing.
 */
export class CalendarLoader {
  private readonly weeks = new Map<string, WeekBlock>()
  /** Bumped by every write to an athlete, so an answer fetched before it is not cached after it. */
  private readonly versions = new Map<string, number>()
  private generation = -1

  constructor(private readonly deps: Pick<ServiceDeps, 'session' | 'now'>) {}

  async rows(
    athleteIds: string[],
    oldest: string,
    newest: string,
    opts: { refresh?: boolean; onRow?: (row: CalendarRow) => void; signal?: AbortSignal } = {},
  ): Promise<CalendarRow[]> {
    if (newest < oldest) throw new AppError('INVALID_INPUT', 'The end of the range is before its start.')
    if (this.generation !== this.deps.session.generation) {
      this.weeks.clear()
      this.generation = this.deps.session.generation
    }
    const http = this.deps.session.http()
    const mondays = weeksCovering(oldest, newest)
    if (opts.refresh) {
      // Everything else is forgotten; the weeks on screen stay until their fresh answer replaces them.
      const shown = new Set(athleteIds.flatMap((id) => mondays.map((m) => key(id, m))))
      for (const k of [...this.weeks.keys()]) if (!shown.has(k)) this.weeks.delete(k)
    }
    return Promise.all(
      athleteIds.map(async (athleteId) => {
        let row: CalendarRow
        try {
          // A refresh asks again for every week, but keeps what it had until the answer is in.
          const missing = opts.refresh ? mondays : mondays.filter((m) => !this.weeks.has(key(athleteId, m)))
          if (missing.length) {
            const version = this.versions.get(athleteId) ?? 0
            const from = missing[0]!
            const to = addDays(missing.at(-1)!, 6)
            const [events, activities] = await Promise.all([
              listEvents(http, athleteId, { oldest: from, newest: to }, { signal: opts.signal }),
              listActivities(
                http,
                athleteId,
                { oldest: from, newest: `${to}T23:59:59`, fields: ACTIVITY_FIELDS },
                { signal: opts.signal },
              ),
            ])
            if ((this.versions.get(athleteId) ?? 0) !== version) {
              // A write landed while this was in flight: ask again rather than cache what it replaced.
              return this.rows([athleteId], oldest, newest, { signal: opts.signal }).then(([r]) => {
                opts.onRow?.(r!)
                return r!
              })
            }
            const loadedAt = this.deps.now().toISOString()
            for (const m of missing) this.weeks.set(key(athleteId, m), { events: [], activities: [], loadedAt })
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
          }
          row = this.assemble(athleteId, oldest, newest, mondays)
        } catch (e) {
          if (e instanceof AppError && e.code === 'CANCELLED') throw e
          const err = e instanceof AppError ? { code: e.code, message: e.message } : { code: 'INTERNAL', message: 'Could not load.' }
          // A failed refresh keeps the last good data on screen, marked stale with the time it was loaded.
          row = mondays.every((m) => this.weeks.has(key(athleteId, m)))
            ? { ...this.assemble(athleteId, oldest, newest, mondays), stale: err }
            : { athleteId, oldest, newest, events: [], activities: [], error: err }
        }
        opts.onRow?.(row)
        return row
      }),
    )
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
    const ids = new Set(athleteIds)
    for (const id of ids) this.versions.set(id, (this.versions.get(id) ?? 0) + 1)
    for (const k of [...this.weeks.keys()]) if (ids.has(k.split('|')[0]!)) this.weeks.delete(k)
  }

  private assemble(athleteId: string, oldest: string, newest: string, mondays: string[]): CalendarRow {
    // A multi-day event can be cached with two weeks (each load lists the events overlapping it).
    const events = new Map<number, Event>()
    const activities: CalendarRow['activities'] = []
    let loadedAt: string | null = null
    for (const m of mondays) {
      const block = this.weeks.get(key(athleteId, m))!
      for (const e of block.events) events.set(e.id ?? -events.size - 1, e)
      activities.push(...block.activities)
      if (!loadedAt || block.loadedAt < loadedAt) loadedAt = block.loadedAt
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
      loadedAt,
    }
  }
}

function key(athleteId: string, monday: string): string {
  return `${athleteId}|${monday}`
}

export function weeksCovering(oldest: string, newest: string): string[] {
  const out: string[] = []
  for (let m = mondayOf(oldest); m <= newest; m = addDays(m, 7)) out.push(m)
  return out
}
