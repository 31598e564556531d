import type { BulkPlan, PlannedChange } from '../../contract/calendar'
import type { Event } from '../../icu/types'
import { requestsFor, type Op, type PlanBody } from './ops'

const SHOWN: Record<string, string> = {
  name: 'name',
  type: 'sport',
  start_date_local: 'date',
  hide_from_athlete: 'hidden',
  athlete_cannot_edit: 'locked',
  description: 'description',
  category: 'category',
}

/** What the coach sees before confirming: every change with before and after, counts per athlete. */
export function toBulkPlan(planId: string, body: PlanBody, names: Map<string, string>): BulkPlan {
  const changes: PlannedChange[] = body.ops.flatMap((op) => changesOf(op))
  const athletes = [...new Set(body.ops.map((o) => o.athleteId))]
  const perAthlete = athletes.map((athleteId) => {
    const ops = body.ops.filter((o) => o.athleteId === athleteId)
    return {
      athleteId,
      name: names.get(athleteId) ?? athleteId,
      changes: changes.filter((c) => c.athleteId === athleteId).length,
      requests: requestsFor(ops),
    }
  })
  return {
    planId,
    title: body.title,
    changes,
    perAthlete,
    skipped: body.skipped,
    requests: perAthlete.reduce((n, a) => n + a.requests, 0),
  }
}

function changesOf(op: Op): PlannedChange[] {
  switch (op.kind) {
    case 'update':
      return [change(op.athleteId, 'update', op.before, diffSummary(op.before, op.after), pick(op.before), pick(op.after))]
    case 'create':
      return [change(op.athleteId, 'create', op.event, `new event on ${day(op.event)}`, null, pick(op.event))]
    case 'delete':
      return [change(op.athleteId, 'delete', op.before, 'deleted', pick(op.before), null)]
    case 'range':
      return op.affected.map((e) =>
        change(op.athleteId, 'range', e, diffSummary(e, { ...e, ...op.flags }), pick(e), pick({ ...e, ...op.flags })),
      )
  }
}

function change(
  athleteId: string,
  kind: PlannedChange['kind'],
  e: Event,
  summary: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): PlannedChange {
  return { athleteId, kind, eventId: e.id ?? null, name: e.name ?? '', date: day(e), summary, before, after }
}

function pick(e: Event): Record<string, unknown> {
  const r = e as Record<string, unknown>
  return Object.fromEntries(Object.keys(SHOWN).map((k) => [SHOWN[k]!, k === 'start_date_local' ? day(e) : (r[k] ?? null)]))
}

function diffSummary(before: Event, after: Event): string {
  const b = before as Record<string, unknown>
  const a = after as Record<string, unknown>
  const parts: string[] = []
  for (const [key, label] of Object.entries(SHOWN)) {
    const x = key === 'start_date_local' ? day(before) : b[key]
    const y = key === 'start_date_local' ? day(after) : a[key]
    if ((x ?? null) === (y ?? null) || key === 'description') continue
    if (typeof y === 'boolean') parts.push(y ? label : `not ${label}`)
    else parts.push(`${label}: ${String(x ?? '–')} → ${String(y ?? '–')}`)
  }
  return parts.join(', ') || 'no change'
}

function day(e: Event): string {
  return (e.start_date_local ?? '').slice(0, 10)
}
