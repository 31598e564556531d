import { defineStore } from 'pinia'
import { errorOf } from './errorOf'
import { plain } from './plain'
import { chunksOf, MAX_RANGE_ATHLETES, type BulkAction, type BulkPlan, type BulkReport, type CalEvent, type JobSummary, type CalendarRow, type DayWellness, type EventFields } from '@contract'
import { bridge, call } from '../api'
import { addDays, eventKey, mondayOf, parseKey, rectangle } from './calendarModel'

/** The latest show() call; answers to earlier ones are dropped. */
let showSeq = 0

type Selection = { events: { athleteId: string; eventId: number }[]; ranges: { athleteId: string; oldest: string; newest: string }[] }

type Phase = 'idle' | 'planning' | 'preview' | 'applying' | 'report'

interface State {
  start: string
  weeks: 1 | 2 | 4
  athleteIds: string[]
  rows: Record<string, CalendarRow>
  loading: boolean
  error: { code: string; message: string } | null
  selected: string[]
  /** Whole athlete rows selected by their header: hide/show and lock/unlock use range requests. */
  rowRanges: string[]
  anchor: { athleteId: string; date: string } | null
  phase: Phase
  plan: BulkPlan | null
  report: BulkReport | null
  progress: { done: number; total: number }
  undoAvailable: boolean
  /** Jobs a crash or a quit cut short, as read back from intervals.icu. */
  interrupted: JobSummary[]
  /** The id a plan still reading goes by, so Cancel can stop it. */
  planningId: string | null
  day: string | null
  wellness: Record<string, DayWellness>
  listening: boolean
}


export const useCalendarStore = defineStore('calendar', {
  state: (): State => ({
    start: '',
    weeks: 2,
    athleteIds: [],
    rows: {},
    loading: false,
    error: null,
    selected: [],
    rowRanges: [],
    anchor: null,
    phase: 'idle',
    plan: null,
    report: null,
    progress: { done: 0, total: 0 },
    undoAvailable: false,
    interrupted: [],
    planningId: null,
    day: null,
    wellness: {},
    listening: false,
  }),
  getters: {
    end: (s) => addDays(s.start, s.weeks * 7 - 1),
    selectionCount: (s) => s.selected.length + s.rowRanges.length,
    selectedEvents(s): CalEvent[] {
      return s.selected
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
        if (this.athleteIds.includes(row.athleteId) && row.oldest === this.start && row.newest === this.end) {
          this.rows = { ...this.rows, [row.athleteId]: row }
        }
      })
      bridge().events['bulk:progress']((p) => {
        if (p.planId === this.plan?.planId) this.progress = { done: p.done, total: p.total }
      })
    },
    async show(athleteIds: string[], start: string, refresh = false) {
      this.listen()
      this.athleteIds = athleteIds
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
        if (seq === showSeq) this.rows = Object.fromEntries(rows.map((r) => [r.athleteId, r]))
      } catch (e) {
        if (seq === showSeq) this.error = errorOf(e)
      } finally {
        if (seq === showSeq) this.loading = false
      }
    },
    move(weeks: number) {
      return this.show(this.athleteIds, addDays(this.start, weeks * 7))
    },
    setWeeks(weeks: 1 | 2 | 4) {
      this.weeks = weeks
      return this.show(this.athleteIds, this.start)
    },
    refresh() {
      return this.show(this.athleteIds, this.start, true)
    },

    click(athleteId: string, event: CalEvent, mods: { shift: boolean; toggle: boolean }) {
      const key = eventKey(athleteId, event.id)
      if (mods.shift && this.anchor) {
        const keys = rectangle(Object.values(this.rows), this.athleteIds, this.anchor, { athleteId, date: event.date })
        this.selected = [...new Set([...this.selected, ...keys])]
        return
      }
      if (mods.toggle) {
        this.selected = this.selected.includes(key) ? this.selected.filter((k) => k !== key) : [...this.selected, key]
      } else {
        this.selected = [key]
        this.rowRanges = []
      }
      this.anchor = { athleteId, date: event.date }
    },
    selectRow(athleteId: string, toggle: boolean) {
      if (!toggle) this.selected = []
      this.rowRanges = this.rowRanges.includes(athleteId) ? this.rowRanges.filter((a) => a !== athleteId) : [...(toggle ? this.rowRanges : []), athleteId]
    },
    selectDay(date: string, toggle: boolean) {
      const keys = Object.values(this.rows).flatMap((r) => r.events.filter((e) => e.date === date).map((e) => eventKey(r.athleteId, e.id)))
      this.selected = toggle ? [...new Set([...this.selected, ...keys])] : keys
      if (!toggle) this.rowRanges = []
    },
    selectWhere(filter: (e: CalEvent) => boolean, add = false) {
      const keys = Object.values(this.rows)
        .filter((r) => this.athleteIds.includes(r.athleteId))
        .flatMap((r) => r.events.filter(filter).map((e) => eventKey(r.athleteId, e.id)))
      this.selected = add ? [...new Set([...this.selected, ...keys])] : keys
      if (!add) this.rowRanges = []
    },
    clearSelection() {
      this.selected = []
      this.rowRanges = []
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
      this.phase = 'planning'
      this.error = null
      const planId = crypto.randomUUID()
      this.planningId = planId
      try {
        this.plan = await call(bridge().calendar.planBulk({ selection: plain(selection), action: plain(action), planId }))
        this.phase = 'preview'
      } catch (e) {
        const err = errorOf(e)
        // Cancelled by the coach: nothing to report.
        this.error = err.code === 'CANCELLED' ? null : err
        this.phase = 'idle'
      } finally {
        this.planningId = null
      }
      return this.plan
    },
    async apply() {
      if (!this.plan) return
      this.phase = 'applying'
      this.progress = { done: 0, total: this.plan.changes.length }
      try {
        this.report = await call(bridge().calendar.applyBulk({ planId: this.plan.planId }))
        this.phase = 'report'
        this.selected = []
        this.rowRanges = []
      } catch (e) {
        this.error = errorOf(e)
        this.phase = 'idle'
      }
      await Promise.all([this.show(this.athleteIds, this.start), this.loadHistory()])
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
    closeDialog() {
      this.phase = 'idle'
      this.plan = null
      this.report = null
    },

    /** A new event with its fields, or an edit with only the fields that changed (nothing changed: nothing sent). */
    async saveEvent(athleteId: string, eventId: number | null, fields: EventFields | Partial<EventFields>) {
      this.error = null
      try {
        if (eventId === null) await call(bridge().calendar.createEvent({ athleteId, fields: plain(fields as EventFields) }))
        else if (Object.keys(fields).length) await call(bridge().calendar.updateEvent({ athleteId, eventId, fields: plain(fields) }))
        else return true
        await Promise.all([this.show(this.athleteIds, this.start), this.loadHistory()])
        return true
      } catch (e) {
        this.error = errorOf(e)
        return false
      }
    },
    async loadDay(date: string) {
      this.day = date
      try {
        const chunks = chunksOf(this.athleteIds, MAX_RANGE_ATHLETES)
        const list = (await Promise.all(chunks.map((athleteIds) => call(bridge().calendar.dayWellness({ athleteIds, date }))))).flat()
        this.wellness = Object.fromEntries(list.map((w) => [w.athleteId, w]))
      } catch (e) {
        this.error = errorOf(e)
      }
    },
  },
})
