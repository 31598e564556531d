import type { Event } from '../../icu/types'
import { hasAll, isFlagsOnly, lastDay, startDay, UPSERT_CHUNK, type CreateOp, type DeleteOp, type Fields, type Op, type UpdateOp } from './ops'
import { addDays } from '../dates'

/**
 * The requests that carry out one athlete's intents, each sending only what the intents set:
 * - flags over whole days: one range `PUT /events?oldest&newest` per run of days on which every
 *   event either is in the action or already has those flags, whichever events the server takes
 *   the range to mean (those starting in it, or every one overlapping it); an event of several
 *   days in the action is the range's when the run holds its first day, and no run reaches its
 *   later days without that day, so a request changes no event but those it names (or ones already set);
 * - any other update: `PUT /events/{id}` with a partial body (documented as partial; events/bulk
 *   might replace the whole event, see the simulator's `bulkUpdate` axis);
 * - creates: `POST /events/bulk`, 500 a request;
 * - deletes: `PUT /events/bulk-delete` by id, 500 a request.
 */
export type WriteRequest =
  | { kind: 'range'; oldest: string; newest: string; flags: Fields; ops: UpdateOp[] }
  | { kind: 'put'; ops: [UpdateOp] }
  | { kind: 'create'; ops: CreateOp[] }
  | { kind: 'delete'; ops: DeleteOp[] }

/** `events` is what intervals.icu holds for the athlete around the days the ops touch. */
export function requestsFor(ops: Op[], events: Event[]): WriteRequest[] {
  const out: WriteRequest[] = []
  const updates = ops.filter((o): o is UpdateOp => o.kind === 'update')
  const byRange = new Set<UpdateOp>()
  const groups = new Map<string, UpdateOp[]>()
  for (const op of updates.filter(isFlagsOnly)) {
    const k = JSON.stringify(op.set)
    groups.set(k, [...(groups.get(k) ?? []), op])
  }
  for (const group of groups.values()) {
    const flags = group[0]!.set
    const inGroup = new Set(group.map((o) => o.before.id))
    const days = [...new Set(group.map((o) => startDay(o.before)))].sort()
    // Whether a run that begins on `runStart` may reach over `day`: every event there is in the
    // action, or already set. An event of the action that spans several days counts only when
    // the run holds its first day too, since then either reading changes it (by its start, or
    // by its overlap); a run over its later days alone would change it under one reading only.
    const safe = (day: string, runStart: string) =>
      events.every((e) => {
        if (!touches(e, day) || hasAll(e, flags)) return true
        return inGroup.has(e.id) && startDay(e) >= runStart
      })
    // A run may pass over days with nothing to change (no event, or all already set), never start or end on one.
    const wanted = new Set(days)
    let run: string[] = []
    const flush = () => {
      while (run.length && !wanted.has(run.at(-1)!)) run.pop()
      if (!run.length) return
      const oldest = run[0]!
      const newest = run.at(-1)!
      // An event of the action is the range's when it starts inside: both readings change it then.
      const covered = group.filter((o) => startDay(o.before) >= oldest && startDay(o.before) <= newest)
      covered.forEach((o) => byRange.add(o))
      out.push({ kind: 'range', oldest, newest, flags, ops: covered })
      run = []
    }
    for (let day = days[0]!; day <= days.at(-1)!; day = addDays(day, 1)) {
      if (run.length && safe(day, run[0]!)) run.push(day)
      else {
        flush()
        if (wanted.has(day) && safe(day, day)) run.push(day)
      }
    }
    flush()
  }
  for (const op of updates) if (!byRange.has(op)) out.push({ kind: 'put', ops: [op] })
  const creates = ops.filter((o): o is CreateOp => o.kind === 'create')
  for (let i = 0; i < creates.length; i += UPSERT_CHUNK) out.push({ kind: 'create', ops: creates.slice(i, i + UPSERT_CHUNK) })
  const deletes = ops.filter((o): o is DeleteOp => o.kind === 'delete')
  for (let i = 0; i < deletes.length; i += UPSERT_CHUNK) out.push({ kind: 'delete', ops: deletes.slice(i, i + UPSERT_CHUNK) })
  return out
}

/** Whether a range PUT over `day` could change this event, under either reading of the range. */
function touches(e: Event, day: string): boolean {
  return startDay(e) <= day && lastDay(e) >= day
}

/** Requests one athlete's ops cost. */
export function requestCount(ops: Op[], events: Event[]): number {
  return requestsFor(ops, events).length
}
