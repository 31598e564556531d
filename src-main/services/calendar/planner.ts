import type { BulkAction, EventRef } from '../../contract/calendar'
import { AppError } from '../../contract/errors'
import type { Event } from '../../icu/types'
import { addDays } from '../dates'
import { EXTERNAL_ID_PREFIX, hasAll, same, startDay, valueOf, type Fields, type Op, type PlanBody, type Skip } from './ops'

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

const FLAG_ACTIONS: Record<string, Fields> = {
  hide: { hide_from_athlete: true },
  show: { hide_from_athlete: false },
  lock: { athlete_cannot_edit: true },
  unlock: { athlete_cannot_edit: false },
}

/**
 * Plans a bulk action as a pure function of the freshly loaded events and the request: per event
 * the fields the action sets (and nothing else), what is skipped and why. Nothing is written here.
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

  // The same event selected twice (a row range and a chip, or twice in a list) is planned once.
  const seen = new Set<string>()
  const once = (athleteId: string, id: number | undefined) => {
    const k = `${athleteId}|${id}`
    if (seen.has(k)) return false
    seen.add(k)
    return true
  }
  for (const r of input.ranges) {
    if (!writable(r.athleteId, null)) continue
    const inRange = (input.fresh.get(r.athleteId) ?? []).filter((e) => startDay(e) >= r.oldest && startDay(e) <= r.newest)
    for (const e of inRange) if (once(r.athleteId, e.id)) ops.push(...eventOps(r.athleteId, e, input, writable))
  }
  for (const ref of input.events) {
    if (!once(ref.athleteId, ref.eventId)) continue
    if (!writable(ref.athleteId, ref.eventId)) continue
    const event = (input.fresh.get(ref.athleteId) ?? []).find((e) => e.id === ref.eventId)
    if (!event) {
      skipped.push({ athleteId: ref.athleteId, eventId: ref.eventId, reason: 'This event is no longer on intervals.icu.' })
      continue
    }
    ops.push(...eventOps(ref.athleteId, event, input, writable))
  }
  return { title: titleOf(action), ops: placeTargets(ops, input.fresh), skipped }
}

function eventOps(
  athleteId: string,
  e: Event,
  input: PlanInput,
  writable: (athleteId: string, eventId: number | null) => boolean,
): Op[] {
  const a = input.action
  const update = (set: Fields): Op[] => (hasAll(e, set) ? [] : [{ kind: 'update', athleteId, before: e, set }])
  switch (a.kind) {
    case 'hide':
    case 'show':
    case 'lock':
    case 'unlock':
      return update(FLAG_ACTIONS[a.kind]!)
    case 'delete':
      return [{ kind: 'delete', athleteId, before: e }]
    case 'shift':
      return update(shiftedDates(e, a.days))
    case 'rename':
      return update({ name: a.name })
    case 'setSport':
      return update({ type: a.sport })
    case 'copy':
      return a.toAthletes
        .filter((to) => (to === athleteId && a.offsetDays === 0 ? false : writable(to, null)))
        .map((to) => ({ kind: 'create' as const, athleteId: to, event: copyOf(e, a.offsetDays, input.newUid()) }))
  }
}

/** A shift sets the start and, where the event has one, the end: the event keeps its length. */
function shiftedDates(e: Event, days: number): Fields {
  const out: Fields = { start_date_local: shiftStamp(e.start_date_local, days) }
  if (e.end_date_local) out.end_date_local = shiftStamp(e.end_date_local, days)
  return out
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

function copyOf(e: Event, offsetDays: number, uid: string): Fields {
  const source = e as Record<string, unknown>
  const copy: Fields = newEventIdentity(uid)
  for (const k of COPIED_FIELDS) if (source[k] !== undefined && source[k] !== null) copy[k] = source[k]
  if (offsetDays) Object.assign(copy, shiftedDates(e, offsetDays))
  // A copy is a new event: the server gives it an id and computes load from the target's settings.
  return copy
}

/** The identity of an event Coach Desk creates: a uid, and an external_id that carries it too. */
export function newEventIdentity(uid: string): Fields {
  return { uid, external_id: `${EXTERNAL_ID_PREFIX}${uid}` }
}

/**
 * intervals.icu keeps one TARGET per athlete, day and sport: the document says an events/bulk
 * upsert updates the one already there. Planned as an update of that target instead of a create,
 * the result is the same whichever way the server reads it, the preview says "replaces" and undo
 * gives the athlete's own target back.
 */
export function placeTargets(ops: Op[], fresh: Map<string, Event[]>): Op[] {
  const claimed = new Set<Event>()
  return ops.flatMap((op): Op[] => {
    if (op.kind !== 'create' || op.event.category !== 'TARGET') return [op]
    const existing = (fresh.get(op.athleteId) ?? []).find(
      (e) => !claimed.has(e) && e.category === 'TARGET' && startDay(e) === startDay(op.event) && (e.type ?? null) === (op.event.type ?? null),
    )
    if (!existing) return [op]
    claimed.add(existing)
    const set: Fields = {}
    for (const [k, v] of Object.entries(op.event)) {
      if (k === 'uid' || k === 'external_id' || k === 'category' || k === 'start_date_local' || k === 'end_date_local') continue
      if (!same(valueOf(existing, k), v)) set[k] = v
    }
    // The same target is already there: nothing to write.
    if (!Object.keys(set).length) return []
    return [{ kind: 'update', athleteId: op.athleteId, before: existing, set, note: 'replaces the target already on that day' }]
  })
}

function shiftStamp(stamp: string | null | undefined, days: number): string | null {
  if (!stamp) return null
  return `${addDays(stamp.slice(0, 10), days)}${stamp.slice(10)}`
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
