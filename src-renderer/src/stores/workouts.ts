import { defineStore } from 'pinia'
import { errorOf } from './errorOf'
import type { AssignWhen, BulkPlan, ImportedFile, PlacementChoice, LibWorkout, Library, SportThresholds, WorkoutPreview } from '@contract'
import { bridge, call } from '../api'
import { useCalendarStore } from './calendar'
import { useSessionStore } from './session'
import { STARTER_TEXT, thresholdsFor } from './workoutModel'

type StoreError = { code: string; message: string }
type Folder = { id: number } | { newName: string }


/** Parsing waits for a pause in typing; a slower answer to older text is dropped. */
const PARSE_DELAY_MS = 120
let parseTimer: ReturnType<typeof setTimeout> | undefined
let parseSeq = 0

/** The workout editor, the coach's library, imports and assigning a workout to many athletes. */
export const useWorkoutsStore = defineStore('workouts', {
  state: () => ({
    name: 'VO2 4x5',
    sport: 'Ride',
    text: STARTER_TEXT,
    /** The athlete whose FTP, LTHR and threshold pace the load estimate uses. */
    athleteId: null as string | null,
    thresholds: {} as Record<string, SportThresholds[]>,
    preview: null as WorkoutPreview | null,
    library: null as Library | null,
    libraryLoading: false,
    imported: null as (ImportedFile & { fileName: string }) | null,
    importing: false,
    saving: false,
    error: null as StoreError | null,
    notice: null as string | null,
    /** The account the library and thresholds were read for; another account reads them again. */
    owner: null as string | null,
  }),
  getters: {
    activeThresholds: (s) => thresholdsFor(s.athleteId ? s.thresholds[s.athleteId] : undefined, s.sport),
  },
  actions: {
    edit(fields: Partial<{ name: string; sport: string; text: string }>) {
      Object.assign(this, fields)
      clearTimeout(parseTimer)
      parseTimer = setTimeout(() => void this.parse(), PARSE_DELAY_MS)
    },
    async parse() {
      const seq = ++parseSeq
      try {
        const preview = await call(bridge().workouts.parse({ text: this.text, sport: this.sport, thresholds: { ...this.activeThresholds } }))
        if (seq === parseSeq) this.preview = preview
      } catch (e) {
        if (seq === parseSeq) this.error = errorOf(e)
      }
    },
    /** Forgets what belongs to another account (after a disconnect or a switch to the demo). */
    checkOwner() {
      const owner = useSessionStore().status?.athleteId ?? null
      if (owner === this.owner) return
      Object.assign(this, { owner, library: null, thresholds: {}, athleteId: null })
    },
    async useAthlete(athleteId: string | null) {
      this.checkOwner()
      this.athleteId = athleteId
      if (athleteId && !this.thresholds[athleteId]) {
        try {
          this.thresholds = { ...this.thresholds, [athleteId]: await call(bridge().workouts.thresholds({ athleteId })) }
        } catch (e) {
          this.error = errorOf(e)
        }
      }
      await this.parse()
    },
    /**
     * What intervals.icu will make of a workout for one athlete (the event editor's live view), without
     * touching the Workouts page's draft: that athlete's thresholds for the sport, read once.
     */
    async previewFor(text: string, sport: string, athleteId: string): Promise<WorkoutPreview | null> {
      this.checkOwner()
      try {
        if (!this.thresholds[athleteId]) this.thresholds = { ...this.thresholds, [athleteId]: await call(bridge().workouts.thresholds({ athleteId })) }
        const thresholds = thresholdsFor(this.thresholds[athleteId], sport)
        return await call(bridge().workouts.parse({ text, sport, thresholds: { ...thresholds } }))
      } catch {
        // The editor still saves the text; it only goes without its live view.
        return null
      }
    },
    async loadLibrary(refresh = false) {
      this.checkOwner()
      if (this.library && !refresh) return
      this.libraryLoading = true
      try {
        this.library = await call(bridge().workouts.library({ refresh }))
      } catch (e) {
        this.error = errorOf(e)
      } finally {
        this.libraryLoading = false
      }
    },
    open(w: Pick<LibWorkout, 'name' | 'sport' | 'description'>) {
      this.edit({ name: w.name, sport: w.sport, text: w.description })
    },

    async importFile(fileName: string, text: string) {
      this.importing = true
      this.error = null
      try {
        this.imported = { ...(await call(bridge().workouts.import({ fileName, text }))), fileName }
      } catch (e) {
        this.error = errorOf(e)
      } finally {
        this.importing = false
      }
    },
    acceptImport() {
      if (this.imported) this.open({ name: this.imported.name, sport: this.imported.sport, description: this.imported.text })
      this.imported = null
    },

    async save(source: { kind: 'text'; name: string; sport: string; description: string } | { kind: 'event'; athleteId: string; eventId: number }, folder: Folder) {
      this.saving = true
      this.error = null
      try {
        const saved = await call(bridge().workouts.saveToLibrary({ source: { ...source }, folder: { ...folder } }))
        this.notice = `Saved “${saved.name}” to the library.`
        // A confirmation, not a state: it goes after a few seconds.
        setTimeout(() => {
          if (this.notice?.includes(saved.name)) this.notice = null
        }, 5000)
        await this.loadLibrary(true)
        return saved
      } catch (e) {
        this.error = errorOf(e)
        return null
      } finally {
        this.saving = false
      }
    },
    saveDraft(folder: Folder) {
      return this.save({ kind: 'text', name: this.name.trim() || 'Workout', sport: this.sport, description: this.text }, folder)
    },

    /** The editor's workout to many athletes: the calendar's preview dialog shows the plan. */
    async planAssign(athleteIds: string[], when: AssignWhen) {
      const workout = { kind: 'text' as const, name: this.name.trim() || 'Workout', sport: this.sport, description: this.text }
      return this.planned((placement) => call(bridge().workouts.planAssign({ workout, athleteIds: [...athleteIds], when: { ...when }, placement })))
    },
    /** A library workout dropped on a calendar cell: planned and applied at once, and undoable like a drag. */
    async dropOnCalendar(workoutId: number, athleteId: string, date: string) {
      const cal = useCalendarStore()
      const ok = await this.planned((placement) => call(bridge().workouts.planAssign({ workout: { kind: 'library', workoutId }, athleteIds: [athleteId], when: { kind: 'date', date }, placement })))
      // Something already on that day, or a warning: the preview stays open for the coach to choose.
      const placement = cal.plan?.placement
      if (!ok || !cal.plan?.changes.length || placement?.existing.length || placement?.warnings.length) return
      await cal.apply()
      if (cal.report && cal.report.failed === 0) cal.phase = 'idle'
    },
    /** Plans new events; the preview can plan them again with another choice for days already planned. */
    async planned(plan: (placement?: PlacementChoice) => Promise<BulkPlan>, placement?: PlacementChoice): Promise<boolean> {
      const cal = useCalendarStore()
      cal.phase = 'planning'
      cal.error = null
      cal.replan = (choice) => this.planned(plan, choice)
      try {
        cal.plan = await plan(placement)
        cal.phase = 'preview'
        return true
      } catch (e) {
        cal.error = errorOf(e)
        this.error = errorOf(e)
        cal.phase = 'idle'
        return false
      }
    },
  },
})
