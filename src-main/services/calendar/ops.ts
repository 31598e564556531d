import type { Event } from '../../icu/types'

/** Fields a write sets, in the API's names. Only what the action changes; never a server-owned field. */
export type Fields = Record<string, unknown>

/**
 * One intent of a bulk action. `before` is the event as intervals.icu had it when the action was
 * planned: the preview shows it, and its `updated` tells at apply time whether the event changed
 * on the server since (then the intent is left out, never forced).
 */
export type Op =
  | { kind: 'update'; athleteId: string; before: Event; set: Fields; note?: string }
  | { kind: 'create'; athleteId: string; event: Fields }
  | { kind: 'delete'; athleteId: string; before: Event }

export type UpdateOp = Extract<Op, { kind: 'update' }>
export type CreateOp = Extract<Op, { kind: 'create' }>
export type DeleteOp = Extract<Op, { kind: 'delete' }>

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

export const FLAG_KEYS = ['hide_from_athlete', 'athlete_cannot_edit'] as const
export type FlagKey = (typeof FLAG_KEYS)[number]

/** Events per events/bulk or bulk-delete request. */
export const UPSERT_CHUNK = 500

/**
 * Marks the events Coach Desk creates, so a create is found again (for undo, and to learn whether
 * a request whose answer was lost landed) whether or not intervals.icu keeps and echoes the uid.
 */
export const EXTERNAL_ID_PREFIX = 'coach-desk:'

export function startDay(e: { start_date_local?: unknown }): string {
  return typeof e.start_date_local === 'string' ? e.start_date_local.slice(0, 10) : ''
}

/** The last day an event covers: end_date_local at midnight is exclusive, as the server sets it. */
export function lastDay(e: Event): string {
  const start = startDay(e)
  const end = e.end_date_local
  if (!end) return start
  const endDay = end.slice(0, 10)
  const exclusive = end.length <= 10 || end.slice(11, 19) === '00:00:00'
  if (!exclusive) return endDay > start ? endDay : start
  if (endDay <= start) return start
  const d = new Date(`${endDay}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - 1)
  return d.toISOString().slice(0, 10)
}

/** The value a flag has when intervals.icu leaves it out: false. */
export function valueOf(e: Event, key: string): unknown {
  const v = (e as Record<string, unknown>)[key]
  if ((FLAG_KEYS as readonly string[]).includes(key)) return v === true
  return v ?? null
}

/** Whether an event already has every value of `set` (nothing would change). */
export function hasAll(e: Event, set: Fields): boolean {
  return Object.entries(set).every(([k, v]) => same(valueOf(e, k), v))
}

export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/** Whether an update only sets the two flags the range PUT can change. */
export function isFlagsOnly(op: Op): op is UpdateOp {
  return op.kind === 'update' && Object.keys(op.set).length > 0 && Object.keys(op.set).every((k) => (FLAG_KEYS as readonly string[]).includes(k))
}

export function eventIdOf(op: Op): number | null {
  return op.kind === 'create' ? ((op.event.id as number | undefined) ?? null) : (op.before.id ?? null)
}
