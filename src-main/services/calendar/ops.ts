import type { Event } from '../../icu/types'

export type Flags = Partial<Record<'hide_from_athlete' | 'athlete_cannot_edit', boolean>>

/** One write the apply step performs; before/after are kept so undo can be planned from them. */
export type Op =
  | { kind: 'update'; athleteId: string; before: Event; after: Event }
  | { kind: 'create'; athleteId: string; event: Event }
  | { kind: 'delete'; athleteId: string; before: Event }
  | { kind: 'range'; athleteId: string; oldest: string; newest: string; flags: Flags; affected: Event[] }

export interface Skip {
  athleteId: string
  eventId: number | null
  reason: string
}

export interface PlanBody {
  title: string
  ops: Op[]
  skipped: Skip[]
}

/** Creates, and updates of events that have a uid, go in one events/bulk upsert per athlete. */
export function isUpsert(o: Op): o is Extract<Op, { kind: 'update' | 'create' }> {
  return o.kind === 'create' || (o.kind === 'update' && !!o.after.uid)
}

/** An event without a uid cannot be matched by an upsert (it would be created again): PUT it by id. */
export function needsPutById(o: Op): o is Extract<Op, { kind: 'update' }> {
  return o.kind === 'update' && !o.after.uid
}

/** Events per events/bulk request. */
export const UPSERT_CHUNK = 500

/**
 * Requests one athlete's ops cost: one range PUT each, one bulk upsert per 500 events with a uid,
 * one PUT per event without a uid (an upsert could not match it), one bulk delete.
 */
export function requestsFor(ops: Op[]): number {
  const ranges = ops.filter((o) => o.kind === 'range').length
  const byId = ops.filter(needsPutById).length
  const upserts = ops.filter(isUpsert).length
  const deletes = ops.some((o) => o.kind === 'delete') ? 1 : 0
  return ranges + byId + Math.ceil(upserts / UPSERT_CHUNK) + deletes
}

/** How many events an op touches (a range op counts each event it changes). */
export function itemCount(op: Op): number {
  return op.kind === 'range' ? Math.max(1, op.affected.length) : 1
}
