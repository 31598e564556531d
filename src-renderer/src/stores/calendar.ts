import { defineStore } from 'pinia'
import { markRaw, toRaw } from 'vue'
import { errorOf, type StoreError } from './errorOf'
import { plain } from './plain'
import { chunksOf, MAX_RANGE_ATHLETES, type BulkAction, type BulkPlan, type BulkReport, type CalEvent, type JobSummary, type CalendarRow, type DayWellness, type EventFields, type PlacementChoice } from '@contract'
import { bridge, call } from '../api'
import { addDays, eventKey, mondayOf, parseKey, rectangle, sameData, type RectangleShape } from './calendarModel'
import { countOf, groupByRow, keyChanges, keysOf, sameIds, union } from './rowSelection'
import { rowArrivals, type RowArrivals } from './rowArrivals'
import { keepDensity, keptDensity, type CalendarWeeks } from './calendarDensity'

/** The latest show() call; answers to earlier ones are dropped. */
let showSeq = 0
/** The latest loadDay() call, likewise. */
let daySeq = 0
/** Rows waiting to be applied, a slice per task (see rowArrivals.ts); made by the first store. */
let arrivals: RowArrivals<CalendarRow> | null = null

type Selection = { events: { athleteId: string; eventId: number }[]; ranges: { athleteId: string; oldest: string; newest: string }[] }

type Phase = 'idle' | 'planning' | 'preview' | 'applying' | 'report'

interface State {
  start: string
  /** The grid's density (1, 2, 4 or 12 weeks), kept while moving between weeks; 4 to 6 for one athlete's month (see monthModel.ts). */
  weeks: CalendarWeeks | 5 | 6
  athleteIds: string[]
  /**
   * One entry per athlete, each kept raw (not deeply reactive) and replaced whole when its answer
   * changes: a row's component re-renders when its own entry does, and for no other row.
   */
  rows: Record<string, CalendarRow>
  loading: boolean
  error: { code: string; message: string } | null
  /** Selected event ids per athlete row (see rowSelection.ts). */
  picked: Record<string, ReadonlySet<number>>
  /** Whole athlete rows selected by their header: hide/show and lock/unlock use range requests. */
  rowRanges: string[]
  /**
   * The same selection as reactive sets a chip asks of its own key ("athleteId:eventId") and row:
   * selecting a week redraws the chips whose state changed, not their rows.
   */
  selectedKeys: Set<string>
  selectedRows: Set<string>
  anchor: { athleteId: string; date: string } | null
  phase: Phase
  plan: BulkPlan | null
  /** Plans the same new events again with another choice for days already planned (assign, template, drop). */
  replan: ((choice: PlacementChoice) => Promise<boolean>) | null
  report: BulkReport | null
  progress: { done: number; total: number }
  undoAvailable: boolean
  /** The check-in's day: a date the coach picked for every row, or each athlete's own today plus an offset. */
  checkIn: { date: string | null; offsetDays: number }
  wellnessLoading: boolean
  /** Jobs a crash or a quit cut short, as read back from intervals.icu. */
  interrupted: JobSummary[]
  /** The id a plan still reading goes by, so Cancel can stop it. */
  planningId: string | null
  wellness: Record<string, DayWellness>
  listening: boolean
  /** Counts jumps asked from outside the calendar (Ctrl/Cmd+K), which an open calendar follows. */
  jumpSeq: number
}


export const useCalendarStore = defineStore('calendar', {
  state: (): State => ({
    start: '',
    weeks: keptDensity(),
    athleteIds: [],
    rows: {},
    loading: false,
    error: null,
    picked: {},
    rowRanges: [],
    selectedKeys: new Set(),
    selectedRows: new Set(),
    anchor: null,
    phase: 'idle',
    plan: null,
    replan: null,
    report: null,
    progress: { done: 0, total: 0 },
    undoAvailable: false,
    checkIn: { date: null, offsetDays: 0 },
    wellnessLoading: false,
    interrupted: [],
    planningId: null,
    wellness: {},
    listening: false,
    jumpSeq: 0,
  }),
  getters: {
    /** Empty until the first show(): the view renders once before its range is known. */
    end: (s) => (s.start ? addDays(s.start, s.weeks * 7 - 1) : ''),
    /** The selected events as "athleteId:eventId" keys. */
    selected: (s): string[] => keysOf(s.picked),
    selectionCount: (s) => countOf(s.picked) + s.rowRanges.length,
    /** Whether a chip is selected, by itself or with its whole row: asked by the chip, so only its own key is tracked. */
    isSelected: (s) => (athleteId: string, eventId: number): boolean => s.selectedRows.has(athleteId) || s.selectedKeys.has(eventKey(athleteId, eventId)),
    selectedEvents(s): CalEvent[] {
      return keysOf(s.picked)
        .map((k) => {
          const { athleteId, eventId } = parseKey(k)
          return s.rows[athleteId]?.events.find((e) => e.id === eventId)
        })
        .filter((e): e is CalEvent => !!e)
    },
  },
  actions: {
    listen() {
      if (this.listening) return
      this.listening = true
      bridge().events['calendar:row']((row) => {
        if (this.athleteIds.includes(row.athleteId) && row.oldest === this.start && row.newest === this.end) this.arrived([row])
      })
      bridge().events['bulk:progress']((p) => {
        if (p.planId === this.plan?.planId) this.progress = { done: p.done, total: p.total }
      })
    },
    async show(athleteIds: string[], start: string, refresh = false) {
      this.listen()
      this.athleteIds = athleteIds
      // A change applied from another page (Workouts) before the calendar was ever shown: nothing to reload.
      if (!start) return
      this.start = mondayOf(start)
      if (!athleteIds.length) return
      const seq = ++showSeq
      this.loading = true
      this.error = null
      try {
        // Rows arrive one by one through calendar:row events; the answers settle the rest. A roster
        // longer than one call takes goes in chunks, side by side.
        const { start: oldest, end: newest } = this
        const chunks = chunksOf(athleteIds, MAX_RANGE_ATHLETES)
        const rows = (await Promise.all(chunks.map((ids) => call(bridge().calendar.range({ athleteIds: ids, oldest, newest, refresh }))))).flat()
        // A slower answer for an earlier view (another week, range or filter) must not overwrite this one.
        if (seq === showSeq) {
          this.dropRowsBut(rows)
          this.arrived(rows)
          await this.rowsApplied()
        }
      } catch (e) {
        if (seq === showSeq) this.error = errorOf(e)
      } finally {
        if (seq === showSeq) this.loading = false
      }
    },
    /** A row's answer, kept only when it differs from what is shown. */
    putRow(row: CalendarRow) {
      const shown = this.rows[row.athleteId]
      if (!shown || !sameData(shown, row)) this.rows[row.athleteId] = markRaw(row)
    },
    /** The range's answer: its rows, and no others. */
    putRows(rows: CalendarRow[]) {
      this.dropRowsBut(rows)
      for (const row of rows) this.putRow(row)
    },
    dropRowsBut(rows: CalendarRow[]) {
      const answered = new Set(rows.map((r) => r.athleteId))
      for (const id of Object.keys(this.rows)) if (!answered.has(id)) delete this.rows[id]
    },
    /** Rows for the view shown now, applied a slice per task; a later view drops those still waiting. */
    arrived(rows: CalendarRow[]) {
      arrivals ??= rowArrivals(
        (r: CalendarRow) => r.athleteId,
        (slice) => slice.forEach((r) => useCalendarStore().putRow(r)),
        () => showSeq,
      )
      arrivals.push(rows, showSeq)
    },
    rowsApplied(): Promise<void> {
      return arrivals?.settled() ?? Promise.resolve()
    },
    /** Sets the selected events; only rows whose selection changed get a new set, only chips whose state changed a new key. */
    pick(next: Map<string, Set<number>>) {
      const { added, removed } = keyChanges(this.picked, next)
      for (const key of removed) this.selectedKeys.delete(key)
      for (const key of added) this.selectedKeys.add(key)
      for (const id of Object.keys(this.picked)) if (!next.has(id)) delete this.picked[id]
      for (const [id, ids] of next) {
        if (!ids.size) delete this.picked[id]
        else if (!sameIds(this.picked[id], ids)) this.picked[id] = markRaw(ids)
      }
    },
    /** Sets the whole rows selected; nothing is touched (and nothing redrawn) when they stay the same. */
    pickRows(next: string[]) {
      if (next.length === this.rowRanges.length && next.every((id, i) => id === this.rowRanges[i])) return
      const now = new Set(next)
      for (const id of this.selectedRows) if (!now.has(id)) this.selectedRows.delete(id)
      for (const id of now) this.selectedRows.add(id)
      this.rowRanges = next
    },

    /** The events with these keys, added to the selection or in place of it. */
    pickKeys(keys: string[], add: boolean) {
      this.pick(add ? union(this.picked, groupByRow(keys)) : groupByRow(keys))
    },
    /** The calendar at the week of this date: shown when the calendar opens, or at once if it is open. */
    jumpTo(date: string) {
      this.start = mondayOf(date)
      this.jumpSeq++
    },
    move(weeks: number) {
      return this.show(this.athleteIds, addDays(this.start, weeks * 7))
    },
    /** The grid's density, the one it opens at next time too. */
    setWeeks(weeks: CalendarWeeks) {
      this.weeks = weeks
      keepDensity(weeks)
      return this.show(this.athleteIds, this.start)
    },
    /** A week of the overview, opened in a denser view that starts with it. */
    openWeek(monday: string, weeks: CalendarWeeks) {
      this.weeks = weeks
      keepDensity(weeks)
      return this.show(this.athleteIds, monday)
    },
    refresh() {
      return this.show(this.athleteIds, this.start, true)
    },
    /** Another span than the grid's own: one athlete's month shows the four to six weeks it covers. */
    showWeeks(athleteIds: string[], start: string, weeks: 4 | 5 | 6) {
      this.weeks = weeks
      return this.show(athleteIds, start)
    },
    /**
     * Lends the store to another view (one athlete's month): the selection is cleared now and again
     * when the returned function puts back the grid's athletes, range and span.
     */
    borrow(): () => void {
      const kept = { athleteIds: this.athleteIds, start: this.start, weeks: this.weeks }
      this.clearSelection()
      return () => {
        this.clearSelection()
        Object.assign(this, kept)
      }
    },

    /** With Shift, the events between the anchor and this one are added, as `shape` says (every date between by default). */
    click(athleteId: string, event: CalEvent, mods: { shift: boolean; toggle: boolean; shape?: RectangleShape }) {
      if (mods.shift && this.anchor) {
        this.pickKeys(rectangle(Object.values(this.rows), this.athleteIds, this.anchor, { athleteId, date: event.date }, mods.shape), true)
        return
      }
      if (mods.toggle) {
        const ids = new Set(this.picked[athleteId])
        if (!ids.delete(event.id)) ids.add(event.id)
        this.pick(new Map([...(Object.entries(this.picked) as [string, Set<number>][]), [athleteId, ids]]))
      } else {
        this.pickKeys([eventKey(athleteId, event.id)], false)
        this.pickRows([])
      }
      this.anchor = { athleteId, date: event.date }
    },
    selectRow(athleteId: string, toggle: boolean) {
      if (!toggle) this.pick(new Map())
      this.pickRows(this.rowRanges.includes(athleteId) ? this.rowRanges.filter((a) => a !== athleteId) : [...(toggle ? this.rowRanges : []), athleteId])
    },
    selectDay(date: string, toggle: boolean) {
      const keys = Object.values(this.rows).flatMap((r) => r.events.filter((e) => e.date === date).map((e) => eventKey(r.athleteId, e.id)))
      this.pickKeys(keys, toggle)
      if (!toggle) this.pickRows([])
    },
    selectWhere(filter: (e: CalEvent) => boolean, add = false) {
      const shown = new Set(toRaw(this.athleteIds))
      const picked = new Map<string, Set<number>>()
      for (const r of Object.values(toRaw(this.rows))) {
        if (!shown.has(r.athleteId)) continue
        const ids = new Set(r.events.filter(filter).map((e) => e.id))
        if (ids.size) picked.set(r.athleteId, ids)
      }
      this.pick(add ? union(this.picked, picked) : picked)
      if (!add) this.pickRows([])
    },
    /** Shift+arrows: exactly the events between the anchor and the focused cell, in place of the selection. */
    selectRectangle(anchor: { athleteId: string; date: string }, target: { athleteId: string; date: string }, shape: RectangleShape = 'dates') {
      this.pickKeys(rectangle(Object.values(this.rows), this.athleteIds, anchor, target, shape), false)
      this.rowRanges = []
      this.anchor = anchor
    },
    clearSelection() {
      this.pick(new Map())
      this.pickRows([])
      this.anchor = null
    },

    selection(): Selection {
      return {
        events: this.selected.map(parseKey),
        ranges: this.rowRanges.map((athleteId) => ({ athleteId, oldest: this.start, newest: this.end })),
      }
    },
    async planBulk(action: BulkAction, selection?: Selection) {
      selection ??= this.selection()
      this.replan = null
      this.phase = 'planning'
      this.error = null
      const planId = crypto.randomUUID()
      this.planningId = planId
      const planned = selection
      try {
        this.plan = await call(bridge().calendar.planBulk({ selection: plain(selection), action: plain(action), planId }))
        this.phase = 'preview'
        // A copy lands on calendars like an assignment: the preview can plan it again with another choice.
        if (action.kind === 'copy') this.replan = async (placement) => !!(await this.planBulk({ ...action, placement }, planned))
      } catch (e) {
        const err = errorOf(e)
        // Cancelled by the coach: nothing to report. Either way no plan stands: an earlier one is not this one.
        this.error = err.code === 'CANCELLED' ? null : err
        this.plan = null
        this.phase = 'idle'
      } finally {
        this.planningId = null
      }
      return this.plan
    },
    /** `confirmDates`: the coach ticked that the preview's dates in the past or over a year ahead are meant. */
    async apply(confirmDates = false) {
      if (!this.plan) return
      this.phase = 'applying'
      this.progress = { done: 0, total: this.plan.changes.length }
      let failure: StoreError | null = null
      try {
        this.report = await call(bridge().calendar.applyBulk({ planId: this.plan.planId, ...(confirmDates ? { confirmDates } : {}) }))
        this.phase = 'report'
        this.pick(new Map())
        this.pickRows([])
      } catch (e) {
        failure = errorOf(e)
        this.phase = 'idle'
      }
      await Promise.all([this.show(this.athleteIds, this.start), this.loadHistory()])
      // Reloading the range clears the calendar's error: why the changes did not go through is said after it.
      if (failure) this.error = failure
    },
    /** Main keeps the history (it survives reloads and restarts); the window only asks. */
    async loadHistory() {
      try {
        const h = await call(bridge().calendar.history({}))
        this.undoAvailable = h.undo !== null
        this.interrupted = h.interrupted
      } catch {
        // Not connected yet, or intervals.icu unreachable: the history is asked again after the next change.
      }
    },
    /** An interrupted job: finish it (through a preview), undo what landed (through a preview), or close it. */
    async resolveJob(jobId: string, action: 'finish' | 'undo' | 'dismiss') {
      this.error = null
      try {
        const plan = await call(bridge().calendar.resolveJob({ jobId, action }))
        if (plan) {
          this.plan = plan
          this.phase = 'preview'
        }
      } catch (e) {
        this.error = errorOf(e)
      }
      await this.loadHistory()
    },
    /** Drag and drop and the event dialog apply at once: the change is small, visible and undoable. */
    /**
     * Applies at once when the plan is clean; when something is left out (read-only access, an event
     * gone meanwhile) the preview stays open to say why. True when every change went through.
     */
    async planAndApply(action: BulkAction, selection: Selection): Promise<boolean> {
      const plan = await this.planBulk(action, selection)
      if (!plan || this.phase !== 'preview' || plan.skipped.length || !plan.changes.length) return false
      // A date in the past or over a year ahead waits in the preview for the coach's yes.
      if (plan.placement?.warnings.some((w) => w.needsConfirm)) return false
      await this.apply()
      const clean = !!this.report && this.report.failed === 0 && this.report.succeeded > 0
      if (clean) this.phase = 'idle'
      return clean
    },
    async cancel() {
      if (this.planningId && this.phase === 'planning') await call(bridge().calendar.cancelBulk({ planId: this.planningId }))
      if (this.plan && this.phase === 'applying') await call(bridge().calendar.cancelBulk({ planId: this.plan.planId }))
    },
    async retryFailed() {
      if (!this.report) return
      this.phase = 'planning'
      try {
        this.plan = await call(bridge().calendar.planRetry({ planId: this.report.planId }))
        this.phase = 'preview'
      } catch (e) {
        this.error = errorOf(e)
        this.phase = 'report'
      }
    },
    async planUndo() {
      this.phase = 'planning'
      try {
        this.plan = await call(bridge().calendar.planUndo({}))
        this.phase = 'preview'
      } catch (e) {
        this.error = errorOf(e)
        this.phase = 'idle'
        await this.loadHistory()
      }
    },
    async choosePlacement(choice: PlacementChoice) {
      if (this.replan && this.phase === 'preview') await this.replan(choice)
    },
    closeDialog() {
      this.phase = 'idle'
      this.plan = null
      this.replan = null
      this.report = null
    },

    /**
     * A new event with its fields, or an edit with only the fields that changed (nothing changed: nothing sent).
     * `confirmDate`: the coach said yes to a date before the athlete's today or more than a year ahead.
     */
    async saveEvent(athleteId: string, eventId: number | null, fields: EventFields | Partial<EventFields>, confirmDate = false) {
      this.error = null
      try {
        if (eventId === null) await call(bridge().calendar.createEvent({ athleteId, fields: plain(fields as EventFields), confirmDate }))
        else if (Object.keys(fields).length) await call(bridge().calendar.updateEvent({ athleteId, eventId, fields: plain(fields), confirmDate }))
        else return true
        await Promise.all([this.show(this.athleteIds, this.start), this.loadHistory()])
        return true
      } catch (e) {
        this.error = errorOf(e)
        return false
      }
    },
    /** Loads the check-in for each athlete's day; the grid's range follows so their plan is at hand. */
    async loadDay(next?: { date: string | null; offsetDays: number }) {
      const pick = next ?? this.checkIn
      const seq = ++daySeq
      this.checkIn = { ...pick }
      this.wellness = {}
      this.wellnessLoading = true
      try {
        const args = pick.date ? { date: pick.date } : { offsetDays: pick.offsetDays }
        const chunks = chunksOf(this.athleteIds, MAX_RANGE_ATHLETES)
        const list = (await Promise.all(chunks.map((athleteIds) => call(bridge().calendar.dayWellness({ athleteIds, ...args }))))).flat()
        if (seq !== daySeq) return
        this.wellness = Object.fromEntries(list.map((w) => [w.athleteId, w]))
        const dates = list.map((w) => w.date).sort()
        if (dates.length && (dates[0]! < this.start || dates.at(-1)! > this.end)) await this.show(this.athleteIds, dates[0]!)
      } catch (e) {
        if (seq === daySeq) this.error = errorOf(e)
      } finally {
        if (seq === daySeq) this.wellnessLoading = false
      }
    },
  },
})
