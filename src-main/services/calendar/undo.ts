import type { Event } from '../../icu/types'
import type { Op, PlanBody } from './ops'

/**
 * The inverse of what was carried out: updates and range flags restored from their before
 * copies, deleted events created again (same uid), created copies deleted. Matched against the
 * events as they are now by uid, because recreated events get new ids.
 */
export function planUndo(done: Op[], title: string, fresh: Map<string, Event[]>): PlanBody {
  const ops: Op[] = []
  const skipped: PlanBody['skipped'] = []
  const current = (athleteId: string, e: Event) =>
    (fresh.get(athleteId) ?? []).find((x) => (e.uid && x.uid === e.uid) || (!e.uid && x.id === e.id))

  for (const op of [...done].reverse()) {
    switch (op.kind) {
      case 'update':
      case 'range': {
        const befores = op.kind === 'update' ? [op.before] : op.affected
        for (const before of befores) {
          const now = current(op.athleteId, before)
          if (!now) {
            skipped.push({ athleteId: op.athleteId, eventId: before.id ?? null, reason: 'This event is no longer on intervals.icu.' })
            continue
          }
          const after = op.kind === 'update' ? op.after : { ...before, ...op.flags }
          ops.push({ kind: 'update', athleteId: op.athleteId, before: now, after: { ...now, ...changedBack(before, after) } })
        }
        break
      }
      case 'delete':
        ops.push({ kind: 'create', athleteId: op.athleteId, event: { ...op.before, id: undefined } as Event })
        break
      case 'create': {
        const now = current(op.athleteId, op.event)
        if (now) ops.push({ kind: 'delete', athleteId: op.athleteId, before: now })
        else skipped.push({ athleteId: op.athleteId, eventId: op.event.id ?? null, reason: 'This copy is no longer on intervals.icu.' })
        break
      }
    }
  }
  return { title: `Undo: ${title}`, ops, skipped }
}

/**
 * The fields the action changed, with their values from before: changes made since by the athlete
 * or in the web app to other fields are kept.
 */
function changedBack(before: Event, after: Event): Partial<Event> {
  const b = before as Record<string, unknown>
  const a = after as Record<string, unknown>
  const keys = new Set([...Object.keys(b), ...Object.keys(a)])
  const out: Record<string, unknown> = {}
  for (const k of keys) if (k !== 'id' && JSON.stringify(b[k]) !== JSON.stringify(a[k])) out[k] = b[k] ?? null
  return out as Partial<Event>
}
