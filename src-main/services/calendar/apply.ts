import { AppError } from '../../contract/errors'
import { createEventsBulk, deleteEventsBulk, listEvents, updateEvent, updateEventFlagsInRange } from '../../icu/api'
import type { IcuHttp } from '../../icu/http'
import type { Event } from '../../icu/types'
import { addDays, maxDate, minDate } from '../dates'
import { hasAll, lastDay, startDay, type CreateOp, type Op } from './ops'
import { requestsFor, type WriteRequest } from './requests'
import { inverseOf, type UndoIntent } from './undo'

/**
 * What became of one intent, known for sure wherever intervals.icu could be asked:
 * done (it landed), failed (it did not), changed (left out: the event changed on intervals.icu
 * since the preview), notSent (cancelled before it was sent), unknown (the answer was lost and
 * reading back failed too: the journal checks it again later).
 */
export type OpStatus = 'done' | 'failed' | 'changed' | 'notSent' | 'unknown'

export interface OpOutcome {
  status: OpStatus
  error: string | null
  /** How to reverse it, for done ops. */
  undo: UndoIntent | null
  /** The event's id on intervals.icu (a create's once found). */
  eventId: number | null
}

export interface AthleteRun {
  http: IcuHttp
  athleteId: string
  ops: Op[]
  signal: AbortSignal
  /** Called once per op as soon as its outcome is known. */
  settle: (op: Op, outcome: OpOutcome) => void
  /** Called just before the first write request of this athlete is sent. */
  sending?: () => Promise<void>
  /**
   * What intervals.icu now holds, from the write answers and any read back: changed or created
   * events and removed ids, or `null` when that is not known for sure (the cache is then dropped).
   */
  observed?: (changed: Event[] | null, removed: number[]) => void
}

const CHANGED = 'Changed on intervals.icu since the preview; left as it is now.'
const GONE = 'No longer on intervals.icu; left out.'
const NOT_SENT = 'Cancelled before it was sent.'
/** Codes after which a request may or may not have reached intervals.icu. */
const AMBIGUOUS = new Set(['TIMEOUT', 'NETWORK', 'SERVER', 'CANCELLED'])
/** A read back after a cancel gets its own short deadline. */
const READ_BACK_MS = 20_000

/**
 * Carries out one athlete's intents: reads the athlete's events once (to leave out what changed
 * since the preview and to know the values undo gives back), sends only what each intent sets,
 * and reads back whenever an answer is lost or the coach cancelled mid-request, so every outcome
 * reported is what intervals.icu holds.
 */
export async function applyAthlete(run: AthleteRun): Promise<void> {
  const { http, athleteId, ops, signal } = run
  const span = spanOf(ops)
  const settled = new Set<Op>()
  const settle = (op: Op, o: OpOutcome) => {
    if (settled.has(op)) return
    settled.add(op)
    run.settle(op, o)
  }
  const failAll = (status: OpStatus, error: string) => ops.forEach((op) => settle(op, { status, error, undo: null, eventId: idOf(op) }))

  if (signal.aborted) return failAll('notSent', NOT_SENT)
  let current: Event[]
  try {
    current = await readEvents(http, athleteId, span, signal)
  } catch (e) {
    return failAll(signal.aborted ? 'notSent' : 'failed', signal.aborted ? NOT_SENT : `${messageOf(e)} Nothing was sent.`)
  }

  // Leave out what changed since the preview; a create that an earlier attempt already made is done.
  const live: Op[] = []
  for (const op of ops) {
    if (op.kind === 'create') {
      const made = findCreated(op, current, new Set(), false)
      if (made) settle(op, done(op, undefined, made))
      else if (op.event.category === 'TARGET' && current.some((e) => sameTargetSlot(e, op))) settle(op, { status: 'changed', error: 'A target for this day was added on intervals.icu since the preview; left as it is.', undo: null, eventId: null })
      else live.push(op)
      continue
    }
    const now = current.find((e) => e.id === op.before.id)
    if (!now) settle(op, { status: 'changed', error: GONE, undo: null, eventId: op.before.id ?? null })
    else if (changedSince(op.before, now)) settle(op, { status: 'changed', error: CHANGED, undo: null, eventId: now.id ?? null })
    else if (op.kind === 'update' && hasAll(now, op.set)) settle(op, { status: 'done', error: null, undo: null, eventId: now.id ?? null })
    else live.push(op)
  }
  const was = new Map(current.map((e) => [e.id, e]))
  const known = new Set(current.map((e) => e.id))
  const unknown = new Set<Op>()

  if (live.length) await run.sending?.()
  const changed: Event[] = []
  const removed: number[] = []
  for (const req of requestsFor(live, current)) {
    if (signal.aborted) {
      req.ops.forEach((op) => settle(op, { status: 'notSent', error: NOT_SENT, undo: null, eventId: idOf(op) }))
      continue
    }
    try {
      const answer = await send(http, athleteId, req, signal)
      if (req.kind === 'delete') removed.push(...req.ops.map((o) => o.before.id!).filter((id) => id !== undefined))
      else if (Array.isArray(answer)) changed.push(...(answer as Event[]).filter((e) => e && typeof e === 'object'))
      else if (answer && typeof answer === 'object') changed.push(answer as Event)
      if (req.kind === 'create') {
        const rows = Array.isArray(answer) ? (answer as Event[]) : []
        const claimed = new Set<number>()
        req.ops.forEach((op) => {
          const made = findCreated(op, rows, claimed, true)
          if (made) settle(op, done(op, undefined, made))
          else unknown.add(op)
        })
      } else {
        for (const op of req.ops) settle(op, done(op, was.get(idOf(op) ?? -1)))
      }
    } catch (e) {
      const code = e instanceof AppError ? e.code : 'INTERNAL'
      if (AMBIGUOUS.has(code)) req.ops.forEach((op) => unknown.add(op))
      else req.ops.forEach((op) => settle(op, { status: 'failed', error: messageOf(e), undo: null, eventId: idOf(op) }))
    }
  }
  if (!unknown.size) {
    // The read before writing and the write answers, newest last: what intervals.icu holds now.
    const now = new Map(current.map((e) => [e.id, e]))
    for (const e of changed) now.set(e.id, e)
    for (const id of removed) now.delete(id)
    run.observed?.([...now.values()], removed)
    return
  }

  // The answer was lost (or the coach cancelled mid-request): ask intervals.icu what landed.
  let after: Event[]
  try {
    after = await readEvents(http, athleteId, span, AbortSignal.timeout(READ_BACK_MS))
  } catch {
    run.observed?.(null, [])
    for (const op of unknown)
      settle(op, { status: 'unknown', error: 'The answer was lost and intervals.icu could not be asked what landed; checked again later.', undo: null, eventId: idOf(op) })
    return
  }
  // What was read back is the truth over the whole span: it replaces what the cache held there.
  run.observed?.(after, current.map((e) => e.id!).filter((id) => id !== undefined && !after.some((x) => x.id === id)))
  const claimed = new Set<number>([...known].filter((id): id is number => typeof id === 'number'))
  for (const op of unknown) {
    const landed = reconcile(op, after, claimed)
    if (landed === false) settle(op, { status: 'failed', error: notLandedMessage(op, signal.aborted), undo: null, eventId: idOf(op) })
    else settle(op, done(op, was.get(idOf(op) ?? -1), landed === true ? undefined : landed))
  }
}

/**
 * Whether an op landed, judged from the events as they are now: an update whose fields hold,
 * a deleted event gone, a created event found by what was sent. A found create is returned.
 */
export function reconcile(op: Op, now: Event[], claimed: Set<number>, byLook = true): boolean | Event {
  switch (op.kind) {
    case 'update': {
      const e = now.find((x) => x.id === op.before.id)
      return !!e && hasAll(e, op.set)
    }
    case 'delete':
      return !now.some((x) => x.id === op.before.id)
    case 'create':
      return findCreated(op, now, claimed, byLook) ?? false
  }
}

/**
 * A created event found again by what was sent, whether or not the server kept or echoes the uid:
 * the external_id, the uid, else (`byLook`, among events known to be new: `claimed` holds the ids
 * that were there before) one with the same name, start and category.
 */
export function findCreated(op: CreateOp, events: Event[], claimed: Set<number>, byLook: boolean): Event | undefined {
  const sent = op.event
  const free = events.filter((e) => e.id === undefined || !claimed.has(e.id))
  const hit =
    free.find((e) => !!sent.external_id && e.external_id === sent.external_id) ??
    free.find((e) => !!sent.uid && e.uid === sent.uid) ??
    (byLook ? free.find((e) => looksLike(e, sent)) : undefined)
  if (hit?.id !== undefined) claimed.add(hit.id)
  return hit
}

function looksLike(e: Event, sent: Record<string, unknown>): boolean {
  return (
    (e.name ?? '') === (sent.name ?? '') &&
    startDay(e) === String(sent.start_date_local ?? '').slice(0, 10) &&
    (e.category ?? null) === (sent.category ?? null)
  )
}

function sameTargetSlot(e: Event, op: CreateOp): boolean {
  return e.category === 'TARGET' && startDay(e) === String(op.event.start_date_local ?? '').slice(0, 10) && (e.type ?? null) === (op.event.type ?? null)
}

/** An event changed on the server since it was read for the preview. */
function changedSince(before: Event, now: Event): boolean {
  if (before.updated && now.updated) return before.updated !== now.updated
  return JSON.stringify(before) !== JSON.stringify(now)
}

function done(op: Op, was: Event | undefined, created?: Event): OpOutcome {
  return { status: 'done', error: null, undo: inverseOf(op, was, created), eventId: created?.id ?? idOf(op) }
}

function idOf(op: Op): number | null {
  return op.kind === 'create' ? null : (op.before.id ?? null)
}

function notLandedMessage(op: Op, cancelled: boolean): string {
  const verb = op.kind === 'create' ? 'created' : op.kind === 'delete' ? 'deleted' : 'changed'
  return cancelled ? `Cancelled; intervals.icu confirms it was not ${verb}.` : `The answer was lost; intervals.icu confirms it was not ${verb}.`
}

function send(http: IcuHttp, athleteId: string, req: WriteRequest, signal: AbortSignal): Promise<unknown> {
  switch (req.kind) {
    case 'range':
      return updateEventFlagsInRange(http, athleteId, { oldest: req.oldest, newest: req.newest }, req.flags, { signal })
    case 'put':
      return updateEvent(http, athleteId, req.ops[0].before.id!, req.ops[0].set, { signal })
    case 'create':
      return createEventsBulk(http, athleteId, req.ops.map((o) => o.event), { signal })
    case 'delete':
      return deleteEventsBulk(http, athleteId, req.ops.map((o) => o.before.id!), { signal })
  }
}

export async function readEvents(http: IcuHttp, athleteId: string, span: { oldest: string; newest: string }, signal: AbortSignal): Promise<Event[]> {
  const rows = await listEvents(http, athleteId, span, { signal })
  return (rows ?? []).filter((e) => e && typeof e === 'object')
}
/** The days one athlete's ops touch, a day either side. */
export function spanOf(ops: Op[]): { oldest: string; newest: string } {
  const days: string[] = []
  for (const op of ops) {
    if (op.kind === 'create') days.push(String(op.event.start_date_local ?? '').slice(0, 10))
    else days.push(startDay(op.before), lastDay(op.before))
    if (op.kind === 'update') for (const k of ['start_date_local', 'end_date_local']) if (typeof op.set[k] === 'string') days.push((op.set[k] as string).slice(0, 10))
  }
  const valid = days.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
  return { oldest: addDays(minDate(valid), -1), newest: addDays(maxDate(valid), 1) }
}

function messageOf(e: unknown): string {
  return e instanceof AppError ? e.message : 'Something went wrong.'
}
