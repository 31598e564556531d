import type { CalActivity, CalEvent } from '../../contract/calendar'
import type { Activity, Event } from '../../icu/types'
import { addDays } from '../dates'
import { num } from '../decode'

/** An API event as the calendar shows it; dates are the athlete's local dates. */
export function calEvent(e: Event, athleteId: string, doneActivityId: string | null = null): CalEvent {
  return {
    id: e.id ?? 0,
    uid: e.uid ?? null,
    athleteId,
    category: e.category ?? 'NOTE',
    date: (e.start_date_local ?? '').slice(0, 10),
    endDate: multiDayEnd(e),
    name: e.name ?? '',
    description: e.description ?? '',
    type: e.type ?? null,
    movingSecs: num(e.moving_time),
    load: num(e.icu_training_load),
    hidden: e.hide_from_athlete === true,
    locked: e.athlete_cannot_edit === true,
    doneActivityId,
  }
}

/**
 * The last day a multi-day event covers, or null for single-day events. intervals.icu sets
 * end_date_local to the next midnight for a one-day event, so an end at T00:00:00 is exclusive.
 */
function multiDayEnd(e: Event): string | null {
  const start = (e.start_date_local ?? '').slice(0, 10)
  const end = e.end_date_local ?? null
  if (!end) return null
  const endDay = end.slice(0, 10)
  const exclusive = end.length <= 10 || end.slice(11, 19) === '00:00:00'
  const last = exclusive ? dayBefore(endDay) : endDay
  return last > start ? last : null
}

function dayBefore(date: string): string {
  return addDays(date, -1)
}

export function calActivity(a: Activity, athleteId: string): CalActivity {
  return {
    id: String(a.id),
    athleteId,
    date: (a.start_date_local ?? '').slice(0, 10),
    type: a.type ?? 'Other',
    name: a.name ?? '',
    movingSecs: num(a.moving_time),
    load: num(a.icu_training_load),
    pairedEventId: num(a.paired_event_id),
  }
}
