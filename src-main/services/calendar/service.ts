import { randomUUID } from 'node:crypto'
import { setMaxListeners } from 'node:events'
import { MAX_BULK_EVENTS, type BulkAction, type BulkPlan, type BulkReport, type EventRef, type JobSummary, type Placement } from '../../contract/calendar'
import { AppError } from '../../contract/errors'
import { listEvents } from '../../icu/api'
import type { Event } from '../../icu/types'
import { addDays, maxDate, minDate } from '../dates'
import type { ServiceDeps } from '../deps'
import { canWrite, type RosterCache } from '../roster'
import type { NewEvent, Placed } from '../workouts/placement'
import { applyAthlete } from './apply'
import { Journal, type JobRecord } from './journal'
import { summaryOf, toReport } from './jobReport'
import { datesMovedOnto, datesToConfirm, withMovedDates } from './planDates'
import { eventsAround, eventsToPlan } from './planReads'
import type { CalendarLoader } from './load'
import type { Fields, Op, PlanBody } from './ops'
import { assertWithinCap, newEventIdentity, placeTargets, planBulk, type AthleteAccess } from './planner'
import { toBulkPlan } from './preview'
import { readBackOpen } from './readBack'
import { inverseOf, planUndo } from './undo'

interface StoredPlan {
  body: PlanBody
  state: 'planned' | 'applying' | 'applied'
  abort: AbortController
  /** The job this plan adds to (a retry, or finishing an interrupted job): one action, one report, one undo. */
  extendsJob?: { id: string; items: number[] }
  /** Set on undo plans: the job they reverse. */
  undoes?: string
  /**
   * Dates in the past or more than a year ahead, as the preview listed them: Apply refuses the plan
   * until the coach confirms them, whatever the window does with its own check.
   */
  needsConfirm: string[]
}

/** New events of a plan, placed against the calendars they land on (what is there, the coach's choice, warnings). */
export type PlaceNewEvents = (creates: NewEvent[]) => Promise<Placed>

const MAX_PLANS = 50

/** Plan, preview, apply, retry and undo of calendar changes across athletes, journaled on disk. */
export class BulkService {
  private readonly plans = new Map<string, StoredPlan>()
  /** Plans still reading, by the id the window gave them, so Cancel can stop their reads. */
  private readonly planning = new Map<string, AbortController>()
  private generation = -1
  private journalOf: { key: string; journal: Journal } | null = null

  constructor(
    private readonly deps: ServiceDeps,
    private readonly roster: RosterCache,
    private readonly loader: CalendarLoader,
  ) {}

  /**
   * `planId`, when the window gives one, lets it cancel the reads planning makes (cancelBulk). `place`
   * meets the events the action creates (a copy) with the calendars they land on.
   */
  async plan(
    selection: { events: EventRef[]; ranges: { athleteId: string; oldest: string; newest: string }[] },
    action: BulkAction,
    planId: string = randomUUID(),
    place?: PlaceNewEvents,
  ): Promise<BulkPlan> {
    this.checkGeneration()
    assertWithinCap(selection.events.length, MAX_BULK_EVENTS)
    const sources = unique([...selection.events.map((e) => e.athleteId), ...selection.ranges.map((r) => r.athleteId)])
    const targets = action.kind === 'copy' ? action.toAthletes : []
    const access = await this.access(unique([...sources, ...targets]))
    const planning = new AbortController()
    this.planning.set(planId, planning)
    let fresh: Map<string, Event[]>
    try {
      fresh = await eventsToPlan(this.deps.session.http(), this.loader, sources, selection.events, selection.ranges, planning.signal)
    } finally {
      this.planning.delete(planId)
    }
    const body = planBulk({ fresh, events: selection.events, ranges: selection.ranges, action, access, newUid: randomUUID })
    const creates: NewEvent[] = body.ops.flatMap((o) => (o.kind === 'create' ? [{ athleteId: o.athleteId, event: o.event as Event }] : []))
    let placement: Placement | undefined
    if (place && creates.length) {
      // The coach's choice for days already planned: the creates kept, and the workouts a replace deletes.
      const placed = await place(creates)
      const writable = (id: string) => access.get(id)?.canWrite === true
      body.ops = [
        ...body.ops.filter((o) => o.kind !== 'create'),
        ...placed.creates.map((c): Op => ({ kind: 'create', athleteId: c.athleteId, event: c.event as Fields })),
        ...placed.deletes.filter((d) => writable(d.athleteId)).map((d): Op => ({ kind: 'delete', athleteId: d.athleteId, before: d.event })),
      ]
      body.skipped.push(...placed.skipped)
      placement = placed.placement
    }
    // Each op touches one event.
    assertWithinCap(body.ops.length, MAX_BULK_EVENTS)
    // Targets written by a copy land on other athletes' calendars: they are checked there too.
    if (body.ops.some((o) => o.kind === 'create' && o.event.category === 'TARGET')) {
      body.ops = placeTargets(body.ops, await eventsAround(this.deps.session.http(), body.ops))
    }
    // Existing events a shift moves onto a day before the athlete's today or over a year ahead wait for a yes too.
    placement = withMovedDates(placement, await datesMovedOnto(this.deps, this.roster, body.ops))
    return this.store(body, access, fresh, undefined, planId, placement)
  }

  /** `confirmDates`: the coach said yes to the preview's dates in the past or more than a year ahead. */
  async apply(planId: string, confirmDates = false): Promise<BulkReport> {
    this.checkGeneration()
    const plan = this.plans.get(planId)
    if (!plan) throw new AppError('NOT_FOUND', 'This preview has expired. Plan the change again.')
    if (plan.state !== 'planned') throw new AppError('CONFLICT', 'This change has already been applied.')
    if (plan.needsConfirm.length && !confirmDates) {
      throw new AppError('INVALID_INPUT', `Nothing was written: confirm these dates first. ${plan.needsConfirm.join(' ')}`)
    }
    const http = this.deps.session.http()
    const journal = this.journal()
    plan.state = 'applying'

    // The job is on disk before the first request: a crash from here on is found at the next start.
    let job: JobRecord
    let indexes: number[]
    if (plan.extendsJob) {
      const found = (await journal.list()).find((j) => j.id === plan.extendsJob!.id)
      if (!found) {
        plan.state = 'planned'
        throw new AppError('NOT_FOUND', 'This change is no longer in the history.')
      }
      job = found
      indexes = plan.extendsJob.items
      indexes.forEach((i, k) => (job.items[i] = { op: plan.body.ops[k]!, status: 'pending', error: null, undo: null, eventId: null }))
      job.closed = false
    } else {
      job = {
        version: 1,
        id: planId,
        title: plan.body.title,
        undoes: plan.undoes ?? null,
        startedAt: this.deps.now().toISOString(),
        closed: false,
        undone: false,
        items: plan.body.ops.map((op) => ({ op, status: 'pending', error: null, undo: null, eventId: null })),
        skipped: plan.body.skipped,
      }
      indexes = job.items.map((_, i) => i)
    }
    await journal.save(job)

    const total = indexes.length
    let settledCount = 0
    this.deps.emit('bulk:progress', { planId, done: 0, total })
    const byAthlete = new Map<string, number[]>()
    for (const i of indexes) byAthlete.set(job.items[i]!.op.athleteId, [...(byAthlete.get(job.items[i]!.op.athleteId) ?? []), i])
    let writes = Promise.resolve()
    const persist = () => (writes = writes.then(() => journal.save(job)).catch((e) => this.deps.log.error('bulk.journal', { error: String(e) })))

    await Promise.all(
      [...byAthlete.entries()].map(async ([athleteId, idx]) => {
        const ops = idx.map((i) => job.items[i]!.op)
        await applyAthlete({
          http,
          athleteId,
          ops,
          signal: plan.abort.signal,
          sending: async () => {
            for (const i of idx) if (job.items[i]!.status === 'pending') job.items[i]!.status = 'sent'
            await persist()
          },
          observed: (changed, removed) => {
            if (changed) this.loader.patch(athleteId, changed, removed)
            else this.loader.invalidate([athleteId])
          },
          settle: (op, outcome) => {
            const i = idx[ops.indexOf(op)]!
            job.items[i] = { op, ...outcome }
            settledCount += 1
            this.deps.emit('bulk:progress', { planId, done: settledCount, total })
          },
        })
        await persist()
      }),
    )
    job.closed = true
    if (job.undoes) await this.markUndone(job)
    await persist()
    await journal.prune()
    plan.state = 'applied'
    const report = toReport(planId, job, plan.abort.signal.aborted, await this.hasUndo())
    this.deps.log.info('bulk.applied', { planId, ok: report.succeeded, failed: report.failed })
    return report
  }

  cancel(planId: string): { cancelled: boolean } {
    const planning = this.planning.get(planId)
    if (planning) {
      planning.abort()
      return { cancelled: true }
    }
    const plan = this.plans.get(planId)
    if (!plan || plan.state === 'applied') return { cancelled: false }
    plan.abort.abort()
    return { cancelled: true }
  }

  /**
   * Retrying belongs to the action: what failed (or was never sent) is planned again into the
   * same job, so the report and the undo cover the whole action. Outcomes not known yet are read
   * back first, so nothing that landed is sent twice.
   */
  async planRetry(planId: string): Promise<BulkPlan> {
    this.checkGeneration()
    const job = await this.jobOf(planId)
    if (!job) throw new AppError('NOT_FOUND', 'There is nothing to retry for this change.')
    await this.resolveUnknown(job)
    const items = job.items.map((it, i) => [it, i] as const).filter(([it]) => it.status === 'failed' || it.status === 'notSent')
    if (!items.length) throw new AppError('INVALID_INPUT', 'Nothing failed in this change.')
    const access = await this.access(unique(items.map(([it]) => it.op.athleteId)))
    const body = { title: job.title, ops: items.map(([it]) => it.op), skipped: [] }
    return this.store(body, access, new Map(), { id: job.id, items: items.map(([, i]) => i) })
  }

  async planUndo(): Promise<BulkPlan> {
    this.checkGeneration()
    const job = await this.undoTarget()
    if (!job) throw new AppError('NOT_FOUND', 'There is nothing to undo.')
    return this.planUndoOf(job)
  }

  /** The history the window shows: the action Undo would reverse, and jobs cut short by a crash or a quit. */
  async history(): Promise<HistoryState> {
    this.checkGeneration()
    const jobs = await this.journal().list()
    const target = await this.undoTarget(jobs)
    const open = jobs.filter((j) => !j.closed && !this.isRunning(j.id))
    const interrupted = []
    for (const job of open) {
      await this.resolveUnknown(job).catch(() => undefined)
      interrupted.push(summaryOf(job))
    }
    return { undo: target ? { jobId: target.id, title: target.title } : null, interrupted }
  }

  /** An interrupted job: finish what did not land, undo what did, or close it as it is. */
  async resolveJob(jobId: string, action: 'finish' | 'undo' | 'dismiss'): Promise<BulkPlan | null> {
    this.checkGeneration()
    const job = (await this.journal().list()).find((j) => j.id === jobId)
    if (!job) throw new AppError('NOT_FOUND', 'This change is no longer in the history.')
    await this.resolveUnknown(job)
    if (action === 'finish') {
      job.closed = true
      await this.journal().save(job)
      return this.planRetry(job.id)
    }
    job.closed = true
    await this.journal().save(job)
    return action === 'undo' ? this.planUndoOf(job) : null
  }

  /**
   * Plans events created elsewhere (a workout assigned to many athletes, a week template) so they
   * get the same preview, one events/bulk request per athlete, progress, report and undo.
   */
  async planCreates(
    title: string,
    creates: { athleteId: string; event: Event }[],
    deletes: { athleteId: string; event: Event }[] = [],
    placement?: Placement,
  ): Promise<BulkPlan> {
    this.checkGeneration()
    assertWithinCap(creates.length + deletes.length, MAX_BULK_EVENTS)
    const access = await this.access(unique(creates.map((c) => c.athleteId)))
    const skipped: PlanBody['skipped'] = []
    let ops: Op[] = []
    for (const c of creates) {
      const a = access.get(c.athleteId)
      if (a?.canWrite) ops.push({ kind: 'create', athleteId: c.athleteId, event: withoutEmpty({ ...c.event, ...newEventIdentity(c.event.uid ?? randomUUID()) }) })
      else skipped.push({ athleteId: c.athleteId, eventId: null, reason: a ? `You have read-only access to ${a.name}.` : 'This athlete is not on your roster.' })
    }
    // "Replace the workouts on those days": the ones already there go in the same plan, report and undo.
    for (const d of deletes) if (access.get(d.athleteId)?.canWrite) ops.push({ kind: 'delete', athleteId: d.athleteId, before: d.event })
    const around = await eventsAround(this.deps.session.http(), ops)
    ops = placeTargets(ops, around)
    return this.store({ title, ops, skipped }, access, around, undefined, undefined, placement)
  }

  /** A single edit from the event dialog joins the same history, so it can be undone too. */
  async record(title: string, op: Op, created?: Event): Promise<void> {
    this.checkGeneration()
    const journal = this.journal()
    const undo = inverseOf(op, op.kind === 'update' ? op.before : undefined, created)
    await journal.save({
      version: 1,
      id: randomUUID(),
      title,
      undoes: null,
      startedAt: this.deps.now().toISOString(),
      closed: true,
      undone: false,
      items: [{ op, status: 'done', error: null, undo, eventId: created?.id ?? (op.kind === 'create' ? null : (op.before.id ?? null)) }],
      skipped: [],
    })
    await journal.prune()
  }

  private async planUndoOf(job: JobRecord): Promise<BulkPlan> {
    const intents = job.items.filter((it) => it.status === 'done' && it.undo).map((it) => it.undo!)
    const athletes = unique(intents.map((u) => u.athleteId))
    const fresh = new Map<string, Event[]>()
    await Promise.all(
      athletes.map(async (id) => {
        const days = intents.filter((u) => u.athleteId === id).flatMap((u) => u.days)
        fresh.set(id, (await listEvents(this.deps.session.http(), id, { oldest: addDays(minDate(days), -1), newest: addDays(maxDate(days), 1) })) ?? [])
      }),
    )
    const access = await this.access(athletes)
    const body = planUndo(intents, job.title, fresh, randomUUID)
    const plan = this.store(body, access, fresh)
    this.plans.get(plan.planId)!.undoes = job.id
    return plan
  }

  /** Items whose answer was lost, or that a crash left sent but unconfirmed, read back now. */
  private async resolveUnknown(job: JobRecord): Promise<void> {
    if (await readBackOpen(this.deps.session.http(), job)) await this.journal().save(job)
  }

  private async markUndone(undoJob: JobRecord): Promise<void> {
    const journal = this.journal()
    const original = (await journal.list()).find((j) => j.id === undoJob.undoes)
    if (!original) return
    // A fully undone action leaves the history; a partly undone one stays for another try.
    if (undoJob.items.every((it) => it.status === 'done' || it.status === 'changed')) {
      original.undone = true
      await journal.save(original)
    }
  }

  private async undoTarget(jobs?: JobRecord[]): Promise<JobRecord | undefined> {
    const list = jobs ?? (await this.journal().list())
    return list.filter((j) => j.closed && !j.undoes && !j.undone && j.items.some((it) => it.status === 'done' && it.undo)).at(-1)
  }

  private async hasUndo(): Promise<boolean> {
    return !!(await this.undoTarget())
  }

  private async jobOf(planId: string): Promise<JobRecord | undefined> {
    const plan = this.plans.get(planId)
    const id = plan?.extendsJob?.id ?? planId
    return (await this.journal().list()).find((j) => j.id === id)
  }

  private isRunning(jobId: string): boolean {
    for (const [id, p] of this.plans) if (p.state === 'applying' && (id === jobId || p.extendsJob?.id === jobId)) return true
    return false
  }

  private journal(): Journal {
    const status = this.deps.session.status()
    const key = `${status.server}|${status.athleteId}`
    if (this.journalOf?.key !== key) {
      const journal = status.state === 'connected' && status.server && status.athleteId ? Journal.forAccount(this.deps.dataDir, status.server, status.athleteId) : new Journal(null)
      this.journalOf = { key, journal }
    }
    return this.journalOf.journal
  }

  private store(
    body: PlanBody,
    access: Map<string, AthleteAccess>,
    fresh: Map<string, Event[]>,
    extendsJob?: StoredPlan['extendsJob'],
    planId: string = randomUUID(),
    placement?: Placement,
  ): BulkPlan {
    if (this.plans.has(planId)) throw new AppError('CONFLICT', 'This change has already been planned.')
    const abort = new AbortController()
    // Every request of the plan listens on this one signal; there are as many as athletes.
    setMaxListeners(0, abort.signal)
    this.plans.set(planId, { body, state: 'planned', abort, extendsJob, needsConfirm: datesToConfirm(body.ops, placement) })
    while (this.plans.size > MAX_PLANS) this.plans.delete(this.plans.keys().next().value!)
    const plan = toBulkPlan(planId, body, new Map([...access].map(([id, a]) => [id, a.name])), fresh)
    return placement ? { ...plan, placement } : plan
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

  private checkGeneration(): void {
    if (this.generation !== this.deps.session.generation) {
      this.plans.clear()
      this.journalOf = null
      this.generation = this.deps.session.generation
    }
  }
}

export interface HistoryState {
  undo: { jobId: string; title: string } | null
  interrupted: JobSummary[]
}

function withoutEmpty(e: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(e).filter(([, v]) => v !== null && v !== undefined))
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)]
}
