import { randomUUID } from 'node:crypto'
import type { EventFields } from '../../contract/calendar'
import { createEventOnUid, getEvent, updateEvent } from '../../icu/api'
import type { Event } from '../../icu/types'
import { addDays } from '../dates'
import type { HandlersFor, ServiceDeps } from '../deps'
import type { RosterCache } from '../roster'
import { CalendarLoader } from './load'
import { calEvent } from './mapping'
import { same, valueOf } from './ops'
import { newEventIdentity } from './planner'
import { BulkService } from './service'
import { dayWellness } from './wellness'
import { placeCopies } from './copyPlacement'
import { holdUnlikelyDate } from './eventDate'

type CalendarChannel =
  | 'calendar:range'
  | 'calendar:planBulk'
  | 'calendar:applyBulk'
  | 'calendar:cancelBulk'
  | 'calendar:planRetry'
  | 'calendar:planUndo'
  | 'calendar:history'
  | 'calendar:resolveJob'
  | 'calendar:createEvent'
  | 'calendar:updateEvent'
  | 'calendar:dayWellness'

/** The calendar's shared parts: other services (exports, workout assignment) plan through the same bulk service. */
export interface CalendarParts {
  loader: CalendarLoader
  bulk: BulkService
}

export function createCalendar(deps: ServiceDeps, roster: RosterCache): CalendarParts {
  // Each athlete's today from the roster already loaded: weeks wholly ahead of it skip the activities request.
  const loader = new CalendarLoader(deps, (athleteId) => roster.todayOf(athleteId))
  return { loader, bulk: new BulkService(deps, roster, loader) }
}

export function calendarHandlers(deps: ServiceDeps, roster: RosterCache, { loader, bulk }: CalendarParts): HandlersFor<CalendarChannel> {
  return {
    'calendar:range': ({ athleteIds, oldest, newest, refresh }) =>
      loader.rows(athleteIds, oldest, newest, { refresh, onRow: (row) => deps.emit('calendar:row', row) }),
    'calendar:planBulk': ({ selection, action, planId }) =>
      bulk.plan(selection, action, planId, action.kind === 'copy' ? placeCopies(deps, roster, action.placement ?? 'alongside') : undefined),
    'calendar:applyBulk': ({ planId, confirmDates }) => bulk.apply(planId, confirmDates),
    'calendar:cancelBulk': async ({ planId }) => bulk.cancel(planId),
    'calendar:planRetry': ({ planId }) => bulk.planRetry(planId),
    'calendar:planUndo': () => bulk.planUndo(),
    'calendar:history': () => bulk.history(),
    'calendar:resolveJob': ({ jobId, action }) => bulk.resolveJob(jobId, action),
    'calendar:createEvent': async ({ athleteId, fields, confirmDate }) => {
      await holdUnlikelyDate(deps, roster, athleteId, fields.date, confirmDate)
      const event = { ...toApi(fields), ...newEventIdentity(randomUUID()) }
      const created = await createEventOnUid(deps.session.http(), athleteId, event)
      loader.invalidate([athleteId])
      await bulk.record(`Create “${created.name ?? ''}”`, { kind: 'create', athleteId, event }, created)
      return calEvent(created, athleteId)
    },
    'calendar:dayWellness': ({ athleteIds, date, offsetDays }) => dayWellness(deps, roster, athleteIds, date ? { date } : { offsetDays: offsetDays ?? 0 }),
    'calendar:updateEvent': async ({ athleteId, eventId, fields, confirmDate }) => {
      const http = deps.session.http()
      const before = await getEvent(http, athleteId, eventId)
      // Only a new date needs the yes: renaming a past event does not.
      if (fields.date !== undefined && fields.date !== before.start_date_local?.slice(0, 10)) await holdUnlikelyDate(deps, roster, athleteId, fields.date, confirmDate)
      // Only what differs from the event as intervals.icu has it now is sent.
      const set = changedFields(toApi(fields, before), before)
      const after = Object.keys(set).length ? await updateEvent(http, athleteId, eventId, set) : before
      loader.invalidate([athleteId])
      if (Object.keys(set).length) await bulk.record(`Edit “${before.name ?? ''}”`, { kind: 'update', athleteId, before, set })
      return calEvent(after, athleteId)
    },
  }
}

function changedFields(set: Record<string, unknown>, current: Event): Record<string, unknown> {
  return Object.fromEntries(Object.entries(set).filter(([k, v]) => !same(valueOf(current, k), v)))
}

/**
 * Dialog fields in the API's names; single-day events end at the next midnight, as the server sets
 * them. An edited event keeps its time of day (an 18:00 session stays at 18:00).
 */
function toApi(f: Partial<EventFields>, current?: Event): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (f.name !== undefined) out.name = f.name
  if (f.category !== undefined) out.category = f.category
  if (f.date !== undefined) {
    const time = current?.start_date_local?.slice(10) || 'T00:00:00'
    out.start_date_local = `${f.date}${time}`
    out.end_date_local = `${addDays(f.endDate ?? f.date, 1)}T00:00:00`
  }
  if (f.type !== undefined) out.type = f.type
  if (f.description !== undefined) out.description = f.description
  if (f.movingSecs !== undefined) out.moving_time = f.movingSecs
  if (f.hidden !== undefined) out.hide_from_athlete = f.hidden
  if (f.locked !== undefined) out.athlete_cannot_edit = f.locked
  if (f.loadTarget !== undefined) out.load_target = f.loadTarget
  // No field of an event is nullable in the API: an empty one is left out, not sent as null.
  for (const [k, v] of Object.entries(out)) if (v === null || (v === '' && k !== 'name')) delete out[k]
  return out satisfies Partial<Record<keyof Event, unknown>>
}
