import type { EventRef } from '../../contract/calendar'
import { AppError } from '../../contract/errors'
import { getEvent, listEvents } from '../../icu/api'
import type { IcuHttp } from '../../icu/http'
import type { Event } from '../../icu/types'
import { addDays, maxDate, minDate } from '../dates'
import { spanOf } from './apply'
import type { CalendarLoader } from './load'
import type { Op } from './ops'

// The reads a bulk plan makes before the coach sees its preview.

/**
 * The events of each athlete over the days the selection spans: from the calendar already loaded
 * when it holds those weeks (no request; the apply reads each athlete again before writing),
 * otherwise one request per athlete. Selected events not loaded are looked up side by side.
 */
export async function eventsToPlan(
  http: IcuHttp,
  loader: CalendarLoader,
  athletes: string[],
  refs: EventRef[],
  ranges: { athleteId: string; oldest: string; newest: string }[],
  signal: AbortSignal,
): Promise<Map<string, Event[]>> {
  const fresh = new Map<string, Event[]>()
  await Promise.all(
    athletes.map(async (athleteId) => {
      const dates: string[] = []
      for (const r of ranges) if (r.athleteId === athleteId) dates.push(r.oldest, r.newest)
      const unknown: number[] = []
      for (const ref of refs) {
        if (ref.athleteId !== athleteId) continue
        const known = loader.find(athleteId, ref.eventId)
        if (known) dates.push(known.date, known.endDate ?? known.date)
        else unknown.push(ref.eventId)
      }
      // Not in the loaded calendar: asked for together (through the shared limiter); one deleted meanwhile is skipped by the planner.
      const found = await Promise.all(
        [...new Set(unknown)].map((id) =>
          getEvent(http, athleteId, id, { signal }).catch((e) => {
            if (e instanceof AppError && e.code === 'NOT_FOUND') return null
            throw e
          }),
        ),
      )
      for (const one of found) if (one?.start_date_local) dates.push(one.start_date_local.slice(0, 10))
      if (!dates.length) return fresh.set(athleteId, [])
      const span = { oldest: addDays(minDate(dates), -1), newest: addDays(maxDate(dates), 1) }
      // Loaded weeks already list the multi-day events overlapping them: no margin needed there.
      const cached = unknown.length ? null : loader.cachedEvents(athleteId, minDate(dates), maxDate(dates))
      fresh.set(athleteId, cached ?? (await listEvents(http, athleteId, span, { signal })) ?? [])
    }),
  )
  return fresh
}

/** Each athlete's events around the days the creates land on: one request per athlete. */
export async function eventsAround(http: IcuHttp, ops: Op[]): Promise<Map<string, Event[]>> {
  const out = new Map<string, Event[]>()
  await Promise.all(
    unique(ops.map((o) => o.athleteId)).map(async (id) => {
      out.set(id, (await listEvents(http, id, spanOf(ops.filter((o) => o.athleteId === id)))) ?? [])
    }),
  )
  return out
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)]
}
