import { defineStore } from 'pinia'
import { errorOf } from './errorOf'
import type { ExportFormat, ExportLayout, ExportProgress, ExportReport } from '@contract'
import { bridge, call } from '../api'
import { useNoticesStore } from './notices'
import { keep, readKept } from './keptChoices'

type EventRef = { athleteId: string; eventId: number }
type Range = { athleteId: string; oldest: string; newest: string }

/** The coach's export choices, kept on this computer: Zwift users want .zwo, Garmin users .fit. */
const SETTINGS_KEY = 'coachDesk.exports'

/** Every format, with what a coach knows it by; typed against the contract so none is missing. */
export const FORMAT_LABEL: Record<ExportFormat, string> = {
  zwo: '.zwo (Zwift)',
  mrc: '.mrc (% of FTP)',
  erg: '.erg (watts)',
  fit: '.fit (Garmin, Wahoo)',
}

interface Settings {
  format: ExportFormat
  layout: ExportLayout
}

function loadSettings(): Settings {
  return readKept(SETTINGS_KEY, (raw) => {
    const kept = (raw ?? {}) as Partial<Settings>
    return {
      format: Object.hasOwn(FORMAT_LABEL, kept.format ?? '') ? (kept.format as ExportFormat) : 'zwo',
      layout: kept.layout === 'zip' ? 'zip' : 'folders',
    }
  })
}

function messageOf(e: unknown): string {
  return errorOf(e).message
}

export const useExportsStore = defineStore('exports', {
  state: () => ({
    ...loadSettings(),
    phase: 'idle' as 'idle' | 'running' | 'report',
    exportId: null as string | null,
    progress: { done: 0, total: 0, fileName: null } as Omit<ExportProgress, 'exportId'>,
    report: null as ExportReport | null,
    error: null as string | null,
    listening: false,
  }),
  actions: {
    listen() {
      if (this.listening) return
      this.listening = true
      bridge().events['exports:progress']((p) => {
        // The first event (nothing counted yet) keeps the window's own count on screen.
        if (p.exportId === this.exportId && p.total > 0) this.progress = { done: p.done, total: p.total, fileName: p.fileName }
      })
    },
    /** The format is also the one dragging uses, so it is remembered as the default. */
    setFormat(format: ExportFormat) {
      this.format = format
      this.persist()
    },
    setLayout(layout: ExportLayout) {
      this.layout = layout
      this.persist()
    },
    persist() {
      keep(SETTINGS_KEY, { format: this.format, layout: this.layout })
    },

    /** `workouts`: how many planned workouts the calendar shows in the selection, until main has counted them. */
    async saveMany(selection: { events: EventRef[]; ranges: Range[] }, workouts: number) {
      this.listen()
      const exportId = crypto.randomUUID()
      this.exportId = exportId
      this.phase = 'running'
      this.error = null
      this.report = null
      this.progress = { done: 0, total: workouts, fileName: null }
      try {
        const report = await call(
          bridge().exports.saveMany({
            exportId,
            // Plain copies: reactive proxies cannot cross the bridge.
            selection: { events: selection.events.map((e) => ({ ...e })), ranges: selection.ranges.map((r) => ({ ...r })) },
            format: this.format,
            layout: this.layout,
          }),
        )
        this.report = report
        this.phase = report.dismissed ? 'idle' : 'report'
      } catch (e) {
        this.error = messageOf(e)
        this.phase = 'report'
      }
    },
    async cancel() {
      if (this.exportId && this.phase === 'running') await call(bridge().exports.cancel({ exportId: this.exportId })).catch(() => undefined)
    },
    close() {
      this.phase = 'idle'
      this.report = null
      this.error = null
    },

    async saveEvent(ref: EventRef) {
      const notices = useNoticesStore()
      try {
        const r = await call(bridge().exports.saveEvent({ ...ref, format: this.format }))
        if (r.saved) notices.push(`Saved “${r.fileName}” in ${r.location}`, 'info', 8000)
      } catch (e) {
        notices.push(messageOf(e), 'error', 8000)
      }
    },

    /** On pointer-down over a drag handle: main starts downloading, so the drag can begin at once. */
    prepareDrag(refs: EventRef[]) {
      if (!refs.length) return
      void bridge()
        .exports.prepareDrag({ events: refs.map((r) => ({ ...r })), format: this.format })
        .catch(() => undefined)
    },
    async startDrag(refs: EventRef[]) {
      if (!refs.length) return
      const notices = useNoticesStore()
      try {
        const r = await call(bridge().exports.startDrag({ events: refs.map((x) => ({ ...x })), format: this.format }))
        if (r.skipped.length) notices.push(`${r.skipped.length} left out: ${r.skipped[0]!.reason}`, 'warn', 8000)
      } catch (e) {
        notices.push(messageOf(e), 'error', 8000)
      }
    },
  },
})
