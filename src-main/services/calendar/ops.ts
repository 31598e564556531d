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

/** Requests one athlete's ops cost: one range PUT each, one bulk upsert, one bulk delete. */
export function requestsFor(ops: Op[]): number {
  const ranges = ops.filter((o) => o.kind === 'range').length
  const upserts = ops.some((o) => o.kind === 'update' || o.kind === 'create') ? 1 : 0
  const deletes = ops.some((o) => o.kind === 'delete') ? 1 : 0
  return ranges + upserts + deletes
}

/** How many events an op touches (a range op counts each event it changes). */
export function itemCount(op: Op): number {
  return op.kind === 'range' ? Math.max(1, op.affected.length) : 1
}
