import type { Event } from '../../icu/types'
import { newEventIdentity } from './planner'
import { FLAG_KEYS, hasAll, lastDay, startDay, valueOf, type Fields, type Op, type PlanBody, type Skip } from './ops'

/**
 * How to reverse one write that landed, from the event as intervals.icu had it just before the
 * write (read to verify the preview). Plain data: it is kept in the job journal across restarts.
 * - restore: set the changed fields back, if the event still has what the action set;
 * - remove: delete an event the action created;
 * - recreate: create again an event the action deleted (it gets a new id).
 */
export type UndoIntent =
  | { kind: 'restore'; athleteId: string; eventId: number; name: string; days: string[]; set: Fields; expect: Fields }
  | { kind: 'remove'; athleteId: string; eventId: number; name: string; days: string[] }
  | { kind: 'recreate'; athleteId: string; name: string; days: string[]; event: Fields }

/** Fields intervals.icu owns or computes: a recreated event gets them from the server. */
const SERVER_OWNED = new Set([
  'id',
  'uid',
  'external_id',
  'athlete_id',
  'updated',
  'created_by_id',
  'oauth_client_id',
  'icu_atl',
  'icu_ctl',
  'icu_training_load',
  'icu_intensity',
  'joules',
  'joules_above_ftp',
  'icu_ftp',
  'w_prime',
  'p_max',
  'workout_doc',
  'push_errors',
  'shared_event_id',
  'plan_applied',
  'strain_score',
  'attachments',
  'calendar_id',
  'plan_athlete_id',
  'plan_folder_id',
  'plan_workout_id',
  'structure_read_only',
])

/** The inverse of one op; `was` is the event as read just before the write, `created` what a create made. */
export function inverseOf(op: Op, was: Event | undefined, created?: Event): UndoIntent | null {
  switch (op.kind) {
    case 'update': {
      const base = was ?? op.before
      const set: Fields = {}
      for (const k of Object.keys(op.set)) set[k] = valueOf(base, k)
      const days = [startDay(base), lastDay(base), dayOf(op.set.start_date_local), dayOf(op.set.end_date_local)].filter(Boolean)
      return { kind: 'restore', athleteId: op.athleteId, eventId: base.id!, name: base.name ?? '', days, set, expect: op.set }
    }
    case 'create':
      if (!created?.id) return null
      return { kind: 'remove', athleteId: op.athleteId, eventId: created.id, name: created.name ?? String(op.event.name ?? ''), days: [startDay(created), lastDay(created)] }
    case 'delete': {
      const base = was ?? op.before
      const event: Fields = {}
      for (const [k, v] of Object.entries(base)) if (!SERVER_OWNED.has(k) && v !== null && v !== undefined) event[k] = v
      return { kind: 'recreate', athleteId: op.athleteId, name: base.name ?? '', days: [startDay(base)], event }
    }
  }
}

/**
 * Plans an undo from the events as they are now: a change is set back only where the event still
 * has what the action set (an edit made since, by the athlete or in the web app, is kept and
 * reported); values the API cannot take back (a field that had none) are reported too.
 */
export function planUndo(intents: UndoIntent[], title: string, fresh: Map<string, Event[]>, newUid: () => string): PlanBody {
  const ops: Op[] = []
  const skipped: Skip[] = []
  const find = (athleteId: string, id: number) => (fresh.get(athleteId) ?? []).find((e) => e.id === id)
  for (const u of [...intents].reverse()) {
    switch (u.kind) {
      case 'restore': {
        const now = find(u.athleteId, u.eventId)
        if (!now) {
          skipped.push({ athleteId: u.athleteId, eventId: u.eventId, reason: 'This event is no longer on intervals.icu.' })
          break
        }
        // Already back as it was (an undo that landed though its answer was lost): nothing to do.
        if (hasAll(now, u.set)) break
        if (!hasAll(now, u.expect)) {
          skipped.push({ athleteId: u.athleteId, eventId: u.eventId, reason: 'Changed on intervals.icu since; left as it is now.' })
          break
        }
        // No field of an event is nullable in the API: a value that was absent cannot be sent back.
        const set = Object.fromEntries(
          Object.entries(u.set).filter(([k, v]) => v !== null || (FLAG_KEYS as readonly string[]).includes(k)),
        )
        if (Object.keys(set).length < Object.keys(u.set).length) {
          skipped.push({ athleteId: u.athleteId, eventId: u.eventId, reason: 'A field that was empty cannot be emptied again through intervals.icu.' })
        }
        if (Object.keys(set).length && !hasAll(now, set)) ops.push({ kind: 'update', athleteId: u.athleteId, before: now, set })
        break
      }
      case 'remove': {
        const now = find(u.athleteId, u.eventId)
        if (now) ops.push({ kind: 'delete', athleteId: u.athleteId, before: now })
        else skipped.push({ athleteId: u.athleteId, eventId: u.eventId, reason: 'This event is no longer on intervals.icu.' })
        break
      }
      case 'recreate':
        ops.push({ kind: 'create', athleteId: u.athleteId, event: { ...u.event, ...newEventIdentity(newUid()) } })
        break
    }
  }
  return { title: `Undo: ${title}`, ops, skipped }
}

function dayOf(stamp: unknown): string {
  return typeof stamp === 'string' ? stamp.slice(0, 10) : ''
}
