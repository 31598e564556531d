import { randomUUID } from 'node:crypto'
import { setMaxListeners } from 'node:events'
import { MAX_BULK_EVENTS, type BulkAction, type BulkPlan, type BulkReport, type EventRef } from '../../contract/calendar'
import { AppError } from '../../contract/errors'
import { getEvent, listEvents } from '../../icu/api'
import type { Event } from '../../icu/types'
import { addDays, maxDate, minDate } from '../dates'
import type { ServiceDeps } from '../deps'
import { canWrite, type RosterCache } from '../roster'
import { applyOps } from './apply'
import type { CalendarLoader } from './load'
import { itemCount, type Op, type PlanBody } from './ops'
import { assertWithinCap, planBulk, type AthleteAccess } from './planner'
import { toBulkPlan } from './preview'
import { planUndo } from './undo'

interface StoredPlan {
  body: PlanBody
  state: 'planned' | 'applying' | 'applied'
  abort: AbortController
  failed: Op[]
  /** Set on undo plans: the history entry they reverse. */
  undoes?: HistoryEntry
}

interface HistoryEntry {
  title: string
  done: Op[]
}

const HISTORY_DEPTH = 20
const MAX_PLANS = 50

/** Plan, preview, apply, retry and undo of calendar changes across athletes. */
export class BulkService {
  private readonly plans = new Map<string, StoredPlan>()
  private readonly history: HistoryEntry[] = []
  private generation = -1

  constructor(
    private readonly deps: ServiceDeps,
    private readonly roster: RosterCache,
    private readonly loader: CalendarLoader,
  ) {}

  async plan(selection: { events: EventRef[]; ranges: { athleteId: string; oldest: string; newest: string }[] }, action: BulkAction): Promise<BulkPlan> {
    this.checkGeneration()
    assertWithinCap(selection.events.length, MAX_BULK_EVENTS)
    const sources = unique([...selection.events.map((e) => e.athleteId), ...selection.ranges.map((r) => r.athleteId)])
    const targets = action.kind === 'copy' ? action.toAthletes : []
    const access = await this.access(unique([...sources, ...targets]))
    const fresh = await this.freshEvents(sources, selection.events, selection.ranges)
    const body = planBulk({ fresh, events: selection.events, ranges: selection.ranges, action, access, newUid: randomUUID })
    assertWithinCap(body.ops.reduce((n, o) => n + itemCount(o), 0), MAX_BULK_EVENTS)
    return this.store(body, access)
  }

  async apply(planId: string): Promise<BulkReport> {
    this.checkGeneration()
    const plan = this.plans.get(planId)
    if (!plan) throw new AppError('NOT_FOUND', 'This preview has expired. Plan the change again.')
    if (plan.state !== 'planned') throw new AppError('CONFLICT', 'This change has already been applied.')
    plan.state = 'applying'
    let outcome: Awaited<ReturnType<typeof applyOps>>
    try {
      outcome = await applyOps(this.deps.session.http(), planId, plan.body.title, plan.body.ops, {
        signal: plan.abort.signal,
        onProgress: (done, total) => this.deps.emit('bulk:progress', { planId, done, total }),
      })
    } catch (e) {
      // Nothing was sent (no session): the plan can be applied again.
      plan.state = 'planned'
      throw e
    }
    plan.state = 'applied'
    plan.failed = outcome.failed
    this.loader.invalidate(plan.body.ops.map((o) => o.athleteId))
    if (plan.undoes) {
      // A fully undone entry leaves the history; a partly undone one stays for another try.
      const i = this.history.indexOf(plan.undoes)
      if (!outcome.failed.length && i >= 0) this.history.splice(i, 1)
    } else if (outcome.done.length) {
      this.history.push({ title: plan.body.title, done: outcome.done })
      if (this.history.length > HISTORY_DEPTH) this.history.shift()
    }
    this.deps.log.info('bulk.applied', { planId, ok: outcome.report.succeeded, failed: outcome.report.failed })
    return { ...outcome.report, undoable: this.history.length > 0 }
  }

  cancel(planId: string): { cancelled: boolean } {
    const plan = this.plans.get(planId)
    if (!plan || plan.state === 'applied') return { cancelled: false }
    plan.abort.abort()
    return { cancelled: true }
  }

  async planRetry(planId: string): Promise<BulkPlan> {
    const plan = this.plans.get(planId)
    if (!plan || plan.state !== 'applied') throw new AppError('NOT_FOUND', 'There is nothing to retry for this change.')
    if (!plan.failed.length) throw new AppError('INVALID_INPUT', 'Nothing failed in this change.')
    const access = await this.access(unique(plan.failed.map((o) => o.athleteId)))
    return this.store({ title: `Retry: ${plan.body.title}`, ops: plan.failed, skipped: [] }, access, plan.undoes)
  }

  async planUndo(): Promise<BulkPlan> {
    this.checkGeneration()
    const entry = this.history.at(-1)
    if (!entry) throw new AppError('NOT_FOUND', 'There is nothing to undo.')
    const athletes = unique(entry.done.map((o) => o.athleteId))
    const dates = entry.done.flatMap(datesOf)
    const span = { oldest: minDate(dates), newest: maxDate(dates) }
    const fresh = new Map<string, Event[]>()
    await Promise.all(
      athletes.map(async (id) => fresh.set(id, (await listEvents(this.deps.session.http(), id, span)) ?? [])),
    )
    const access = await this.access(athletes)
    return this.store(planUndo(entry.done, entry.title, fresh), access, entry)
  }

  /**
   * Plans events created elsewhere (a workout assigned to many athletes, a week template) so they
   * get the same preview, one events/bulk request per athlete, progress, report and undo.
   */
  async planCreates(title: string, creates: { athleteId: string; event: Event }[], deletes: { athleteId: string; event: Event }[] = []): Promise<BulkPlan> {
    this.checkGeneration()
    assertWithinCap(creates.length + deletes.length, MAX_BULK_EVENTS)
    const access = await this.access(unique(creates.map((c) => c.athleteId)))
    const skipped: PlanBody['skipped'] = []
    const ops: Op[] = []
    for (const c of creates) {
      const a = access.get(c.athleteId)
      if (a?.canWrite) ops.push({ kind: 'create', athleteId: c.athleteId, event: { ...c.event, uid: c.event.uid ?? randomUUID() } })
      else skipped.push({ athleteId: c.athleteId, eventId: null, reason: a ? `You have read-only access to ${a.name}.` : 'This athlete is not on your roster.' })
    }
    // "Replace the workouts on those days": the ones already there go in the same plan, report and undo.
    for (const d of deletes) if (access.get(d.athleteId)?.canWrite) ops.push({ kind: 'delete', athleteId: d.athleteId, before: d.event })
    return this.store({ title, ops, skipped }, access)
  }

  /** A single edit from the event dialog joins the same history, so it can be undone too. */
  record(title: string, done: Op[]): void {
    this.checkGeneration()
    this.history.push({ title, done })
    if (this.history.length > HISTORY_DEPTH) this.history.shift()
  }

  private store(body: PlanBody, access: Map<string, AthleteAccess>, undoes?: HistoryEntry): BulkPlan {
    const planId = randomUUID()
    const abort = new AbortController()
    // Every request of the plan listens on this one signal; there are as many as athletes.
    setMaxListeners(0, abort.signal)
    this.plans.set(planId, { body, state: 'planned', abort, failed: [], undoes })
    while (this.plans.size > MAX_PLANS) this.plans.delete(this.plans.keys().next().value!)
    return toBulkPlan(planId, body, new Map([...access].map(([id, a]) => [id, a.name])))
  }

  private async access(ids: string[]): Promise<Map<string, AthleteAccess>> {
    const rows = await this.roster.get()
    const map = new Map<string, AthleteAccess>()
    for (const id of ids) {
      const row = rows.athletes.find((a) => a.id === id)
      if (row) map.set(id, { name: row.name, canWrite: canWrite(row) })
    }
    return map
  }

  /**
   * The events of each athlete as intervals.icu has them now, over the days the selection spans:
   * one request per athlete. Selected events' dates come from the calendar already loaded.
   */
  private async freshEvents(
    athletes: string[],
    refs: EventRef[],
    ranges: { athleteId: string; oldest: string; newest: string }[],
  ): Promise<Map<string, Event[]>> {
    const http = this.deps.session.http()
    const fresh = new Map<string, Event[]>()
    await Promise.all(
      athletes.map(async (athleteId) => {
        const dates: string[] = []
        for (const r of ranges) if (r.athleteId === athleteId) dates.push(r.oldest, r.newest)
        for (const ref of refs) {
          if (ref.athleteId !== athleteId) continue
          const known = this.loader.find(athleteId, ref.eventId)
          if (known) dates.push(known.date, known.endDate ?? known.date)
          else {
            // Not in the loaded calendar: ask for it alone; one deleted meanwhile is skipped by the planner.
            const one = await getEvent(http, athleteId, ref.eventId).catch((e) => {
              if (e instanceof AppError && e.code === 'NOT_FOUND') return null
              throw e
            })
            if (one?.start_date_local) dates.push(one.start_date_local.slice(0, 10))
          }
        }
        if (!dates.length) return fresh.set(athleteId, [])
        const events = await listEvents(http, athleteId, { oldest: addDays(minDate(dates), -1), newest: addDays(maxDate(dates), 1) })
        fresh.set(athleteId, events ?? [])
      }),
    )
    return fresh
  }

  private checkGeneration(): void {
    if (this.generation !== this.deps.session.generation) {
      this.plans.clear()
      this.history.length = 0
      this.generation = this.deps.session.generation
    }
  }
}

function datesOf(op: Op): string[] {
  const events = op.kind === 'update' ? [op.before, op.after] : op.kind === 'range' ? op.affected : [op.kind === 'create' ? op.event : op.before]
  return events.map((e) => (e.start_date_local ?? '').slice(0, 10)).filter(Boolean)
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)]
}
