import type { BulkAction, EventRef } from '../../contract/calendar'
import { AppError } from '../../contract/errors'
import type { Event } from '../../icu/types'
import { addDays } from '../dates'
import type { Flags, Op, PlanBody, Skip } from './ops'

export interface AthleteAccess {
  name: string
  canWrite: boolean
}

export interface PlanInput {
  /** Events as intervals.icu has them now, for every athlete the selection touches. */
  fresh: Map<string, Event[]>
  events: EventRef[]
  ranges: { athleteId: string; oldest: string; newest: string }[]
  action: BulkAction
  access: Map<string, AthleteAccess>
  newUid: () => string
}

const FLAG_ACTIONS: Record<string, Flags> = {
  hide: { hide_from_athlete: true },
  show: { hide_from_athlete: false },
  lock: { athlete_cannot_edit: true },
  unlock: { athlete_cannot_edit: false },
}

/**
 * Plans a bulk action as a pure function of the freshly loaded events and the request: which
 * events change and how (before and after), what is skipped and why. Nothing is written here.
 */
export function planBulk(input: PlanInput): PlanBody {
  const { action } = input
  const skipped: Skip[] = []
  const ops: Op[] = []
  const writable = (athleteId: string, eventId: number | null): boolean => {
    const access = input.access.get(athleteId)
    if (access?.canWrite) return true
    skipped.push({
      athleteId,
      eventId,
      reason: access ? `You have read-only access to ${access.name}.` : 'This athlete is not on your roster.',
    })
    return false
  }

  const flags = FLAG_ACTIONS[action.kind]
  // Whole ranges of whole athletes: the two flags have a range request of their own.
  for (const r of input.ranges) {
    if (!writable(r.athleteId, null)) continue
    const inRange = (input.fresh.get(r.athleteId) ?? []).filter((e) => startDay(e) >= r.oldest && startDay(e) <= r.newest)
    if (flags) {
      const affected = inRange.filter((e) => Object.entries(flags).some(([k, v]) => (e as Record<string, unknown>)[k] !== v))
      if (affected.length) ops.push({ kind: 'range', athleteId: r.athleteId, oldest: r.oldest, newest: r.newest, flags, affected })
    } else {
      for (const e of inRange) ops.push(...eventOps(r.athleteId, e, input, writable))
    }
  }

  const seen = new Set(ops.flatMap((o) => (o.kind === 'range' ? o.affected.map((e) => e.id) : [])))
  for (const ref of input.events) {
    if (seen.has(ref.eventId)) continue
    seen.add(ref.eventId)
    if (!writable(ref.athleteId, ref.eventId)) continue
    const event = (input.fresh.get(ref.athleteId) ?? []).find((e) => e.id === ref.eventId)
    if (!event) {
      skipped.push({ athleteId: ref.athleteId, eventId: ref.eventId, reason: 'This event is no longer on intervals.icu.' })
      continue
    }
    ops.push(...eventOps(ref.athleteId, event, input, writable))
  }
  return { title: titleOf(action), ops, skipped }
}

function eventOps(
  athleteId: string,
  e: Event,
  input: PlanInput,
  writable: (athleteId: string, eventId: number | null) => boolean,
): Op[] {
  const a = input.action
  switch (a.kind) {
    case 'hide':
    case 'show':
    case 'lock':
    case 'unlock': {
      const flags = FLAG_ACTIONS[a.kind]!
      const unchanged = Object.entries(flags).every(([k, v]) => (e as Record<string, unknown>)[k] === v)
      return unchanged ? [] : [{ kind: 'update', athleteId, before: e, after: { ...e, ...flags } }]
    }
    case 'delete':
      return [{ kind: 'delete', athleteId, before: e }]
    case 'shift':
      return [{ kind: 'update', athleteId, before: e, after: shifted(e, a.days) }]
    case 'rename':
      return e.name === a.name ? [] : [{ kind: 'update', athleteId, before: e, after: { ...e, name: a.name } }]
    case 'setSport':
      return e.type === a.sport ? [] : [{ kind: 'update', athleteId, before: e, after: { ...e, type: a.sport } }]
    case 'copy':
      return a.toAthletes
        .filter((to) => (to === athleteId && a.offsetDays === 0 ? false : writable(to, null)))
        .map((to) => ({ kind: 'create' as const, athleteId: to, event: copyOf(e, a.offsetDays, input.newUid()) }))
  }
}

function shifted(e: Event, days: number): Event {
  return {
    ...e,
    start_date_local: shiftStamp(e.start_date_local, days) ?? e.start_date_local,
    end_date_local: shiftStamp(e.end_date_local, days) ?? e.end_date_local,
  }
}

/** What a copy carries over: the plan itself, not the source athlete's computed or linked fields. */
const COPIED_FIELDS = [
  'category',
  'name',
  'description',
  'type',
  'sub_type',
  'indoor',
  'color',
  'moving_time',
  'distance',
  'target',
  'load_target',
  'time_target',
  'distance_target',
  'hide_from_athlete',
  'athlete_cannot_edit',
  'tags',
  'carbs_per_hour',
  'not_on_fitness_chart',
  'show_as_note',
  'show_on_ctl_line',
  'start_date_local',
  'end_date_local',
] as const

function copyOf(e: Event, offsetDays: number, uid: string): Event {
  const moved = shifted(e, offsetDays) as Record<string, unknown>
  const copy: Record<string, unknown> = { uid }
  for (const k of COPIED_FIELDS) if (moved[k] !== undefined && moved[k] !== null) copy[k] = moved[k]
  // A copy is a new event: the server gives it an id and computes load from the target's settings.
  return copy as Event
}

function shiftStamp(stamp: string | null | undefined, days: number): string | null {
  if (!stamp) return null
  return `${addDays(stamp.slice(0, 10), days)}${stamp.slice(10)}`
}

function startDay(e: Event): string {
  return (e.start_date_local ?? '').slice(0, 10)
}

export function titleOf(a: BulkAction): string {
  switch (a.kind) {
    case 'hide':
      return 'Hide from athlete'
    case 'show':
      return 'Show to athlete'
    case 'lock':
      return 'Lock against athlete edits'
    case 'unlock':
      return 'Unlock for athlete edits'
    case 'delete':
      return 'Delete'
    case 'shift':
      return `Shift by ${a.days > 0 ? '+' : ''}${a.days} day${Math.abs(a.days) === 1 ? '' : 's'}`
    case 'rename':
      return `Rename to “${a.name}”`
    case 'setSport':
      return `Set sport to ${a.sport}`
    case 'copy':
      return `Copy to ${a.toAthletes.length} athlete${a.toAthletes.length === 1 ? '' : 's'}${a.offsetDays ? `, ${a.offsetDays > 0 ? '+' : ''}${a.offsetDays} days` : ''}`
  }
}

export function assertWithinCap(count: number, cap: number): void {
  if (count > cap) throw new AppError('INVALID_INPUT', `A bulk action can touch at most ${cap} events; this one would touch ${count}.`)
}
