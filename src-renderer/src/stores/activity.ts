import { defineStore } from 'pinia'
import type { ActivityChanges, ActivityDetail, ActivityStreams } from '@contract'
import { bridge, call } from '../api'
import { saveTextFile } from '../download'
import { errorOf, type StoreError } from './errorOf'
import { plain } from './plain'

/** About one point per pixel of a wide chart; main decimates to this with LTTB. */
export const CHART_POINTS = 1500

/** The latest streams request; a slower answer to an earlier zoom or smoothing is dropped. */
let streamsSeq = 0

/** One activity in depth: summary, intervals, the streams in the zoomed window, and edits. */
export const useActivityStore = defineStore('activity', {
  state: () => ({
    details: {} as Record<string, ActivityDetail>,
    streams: {} as Record<string, ActivityStreams>,
    /** The zoomed window in seconds; null shows the whole activity. */
    zoom: null as { from: number; to: number } | null,
    /** Rolling mean on power, cadence and speed, in seconds (0: every sample as recorded); null lets main pick by zoom. */
    smoothSecs: null as number | null,
    loading: false,
    streamsLoading: false,
    error: null as StoreError | null,
    streamsError: null as StoreError | null,
    saving: false,
    saveError: null as StoreError | null,
    savedAt: null as number | null,
    exporting: false,
  }),
  actions: {
    /** Summary and streams are asked for together; main keeps both, so reopening is instant. */
    async open(activityId: string) {
      this.loading = true
      this.error = null
      this.zoom = null
      this.saveError = null
      this.savedAt = null
      const streams = this.loadStreams(activityId)
      try {
        const detail = await call(bridge().athlete.activity({ activityId }))
        this.details = { ...this.details, [activityId]: detail }
      } catch (e) {
        this.error = errorOf(e)
      } finally {
        this.loading = false
      }
      await streams
    },
    async loadStreams(activityId: string, window?: { from: number; to: number }) {
      const seq = ++streamsSeq
      this.streamsLoading = true
      this.streamsError = null
      try {
        const s = await call(
          bridge().athlete.streams({
            activityId,
            maxPoints: CHART_POINTS,
            // Left out, main picks the smoothing that suits the length of the window.
            ...(this.smoothSecs === null ? {} : { smoothSecs: this.smoothSecs }),
            ...(window ? { fromSecs: Math.floor(window.from), toSecs: Math.ceil(window.to) } : {}),
          }),
        )
        if (seq === streamsSeq) this.streams = { ...this.streams, [activityId]: s }
      } catch (e) {
        if (seq === streamsSeq) this.streamsError = errorOf(e)
      } finally {
        if (seq === streamsSeq) this.streamsLoading = false
      }
    },
    /** A zoomed range is fetched again from main at full resolution (decimated only if still long). */
    async zoomTo(activityId: string, from: number, to: number) {
      if (to - from < 10) return
      this.zoom = { from, to }
      await this.loadStreams(activityId, this.zoom)
    },
    async setSmoothing(activityId: string, secs: number | null) {
      this.smoothSecs = secs
      await this.loadStreams(activityId, this.zoom ?? undefined)
    },
    async resetZoom(activityId: string) {
      this.zoom = null
      await this.loadStreams(activityId)
    },
    async save(activityId: string, changes: ActivityChanges): Promise<boolean> {
      this.saving = true
      this.saveError = null
      try {
        const detail = await call(bridge().athlete.updateActivity({ activityId, changes: plain(changes) }))
        this.details = { ...this.details, [activityId]: detail }
        this.savedAt = Date.now()
        return true
      } catch (e) {
        this.saveError = errorOf(e)
        return false
      } finally {
        this.saving = false
      }
    },
    /** Main builds the CSV from the streams it already holds; the window saves it as a download. */
    async exportCsv(activityId: string) {
      this.exporting = true
      try {
        const { fileName, csv } = await call(bridge().athlete.streamsCsv({ activityId }))
        saveTextFile(fileName, csv)
      } catch (e) {
        this.streamsError = errorOf(e)
      } finally {
        this.exporting = false
      }
    },
  },
})
