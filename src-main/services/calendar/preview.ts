import type { BulkPlan, PlannedChange } from '../../contract/calendar'
import type { Event } from '../../icu/types'
import { type Op, type PlanBody } from './ops'
import { requestCount } from './requests'

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
export function toBulkPlan(planId: string, body: PlanBody, names: Map<string, string>, fresh: Map<string, Event[]>): BulkPlan {
  const changes: PlannedChange[] = body.ops.flatMap((op) => changesOf(op))
  const athletes = [...new Set(body.ops.map((o) => o.athleteId))]
  const perAthlete = athletes.map((athleteId) => {
    const ops = body.ops.filter((o) => o.athleteId === athleteId)
    return {
      athleteId,
      name: names.get(athleteId) ?? athleteId,
      changes: changes.filter((c) => c.athleteId === athleteId).length,
      // One read to check nothing changed since this preview, then the writes.
      requests: 1 + requestCount(ops, fresh.get(athleteId) ?? []),
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
    case 'update': {
      const after = { ...op.before, ...op.set } as Event
      const summary = diffSummary(op.before, after)
      return [change(op.athleteId, 'update', op.before, op.note ? `${op.note}: ${summary}` : summary, pick(op.before), pick(after))]
    }
    case 'create':
      return [change(op.athleteId, 'create', op.event as Event, `new event on ${day(op.event as Event)}`, null, pick(op.event as Event))]
    case 'delete':
      return [change(op.athleteId, 'delete', op.before, 'deleted', pick(op.before), null)]
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
  return Object.fromEntries(Object.keys(SHOWN).map((k) => [SHOWN[k]!, k === 'start_date_local' ? day(e) : k.startsWith('hide') || k.startsWith('athlete_') ? r[k] === true : (r[k] ?? null)]))
}

function diffSummary(before: Event, after: Event): string {
  const b = before as Record<string, unknown>
  const a = after as Record<string, unknown>
  const parts: string[] = []
  for (const [key, label] of Object.entries(SHOWN)) {
    const flag = key === 'hide_from_athlete' || key === 'athlete_cannot_edit'
    const x = key === 'start_date_local' ? day(before) : flag ? b[key] === true : b[key]
    const y = key === 'start_date_local' ? day(after) : flag ? a[key] === true : a[key]
    if ((x ?? null) === (y ?? null) || key === 'description') continue
    if (typeof y === 'boolean') parts.push(y ? label : `not ${label}`)
    else parts.push(`${label}: ${String(x ?? '–')} → ${String(y ?? '–')}`)
  }
  return parts.join(', ') || 'no change'
}

function day(e: Event): string {
  return (e.start_date_local ?? '').slice(0, 10)
}
