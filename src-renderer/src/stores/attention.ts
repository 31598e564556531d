import { defineStore } from 'pinia'
import { toRaw } from 'vue'
import type { ActivityComment, AttentionRow, AttentionSettings, ComplianceRow, ReviewItem } from '@contract'
import { bridge, call } from '../api'
import { errorOf, type StoreError } from './errorOf'
import { useNoticesStore } from './notices'
import { newAlerts } from './attentionAlerts'

/** While the app is open, attention data is refreshed this often: the roster's own rhythm. */
const REFRESH_MS = 15 * 60_000
/** The first load in the background waits until the roster and the first view have had the line to intervals.icu. */
const FIRST_LOAD_DELAY_MS = 20_000
let timer: ReturnType<typeof setInterval> | null = null
let firstLoad: ReturnType<typeof setTimeout> | null = null

export const useAttentionStore = defineStore('attention', {
  state: () => ({
    rows: [] as AttentionRow[],
    queue: [] as ReviewItem[],
    compliance: [] as ComplianceRow[],
    settings: null as AttentionSettings | null,
    fetchedAt: null as string | null,
    loading: false,
    error: null as StoreError | null,
    comments: {} as Record<string, ActivityComment[]>,
    commentsError: {} as Record<string, StoreError | null>,
    sending: false,
    reviewing: null as string | null,
    reviewedVia: {} as Record<string, 'coach_tick' | 'local'>,
    /** What has been announced already, so a refresh only tells the coach what is new. */
    known: null as Set<string> | null,
  }),
  getters: {
    flagged: (s) => s.rows.filter((r) => r.flags.length > 0),
    calm: (s) => s.rows.filter((r) => r.flags.length === 0),
    /** Each athlete's attention score (high flags count double), for sorting the roster. */
    scores: (s) => Object.fromEntries(s.rows.map((r) => [r.athleteId, r.flags.reduce((n, f) => n + (f.severity === 'high' ? 2 : 1), 0)])),
    raceOf: (s) => (athleteId: string) => s.rows.find((r) => r.athleteId === athleteId)?.nextRace ?? null,
    rowOf: (s) => (athleteId: string) => s.rows.find((r) => r.athleteId === athleteId) ?? null,
  },
  actions: {
    async load(refresh = false, background = false) {
      this.loading = true
      this.error = null
      try {
        const list = await call(bridge().attention.list({ refresh, background }))
        this.rows = list.rows
        this.queue = list.queue
        this.compliance = list.compliance
        this.settings = list.settings
        this.fetchedAt = list.fetchedAt
        this.announce()
      } catch (e) {
        this.error = errorOf(e)
      } finally {
        this.loading = false
      }
    },
    /** Loads once and then every quarter of an hour while the app is open. */
    watch() {
      if (timer) return
      firstLoad = setTimeout(() => {
        if (!this.fetchedAt && !this.loading) void this.load(false, true)
      }, FIRST_LOAD_DELAY_MS)
      timer = setInterval(() => void this.load(false, true), REFRESH_MS)
    },
    stopWatching() {
      if (timer) clearInterval(timer)
      if (firstLoad) clearTimeout(firstLoad)
      timer = null
      firstLoad = null
      this.$reset()
    },
    /** New flags and new comments since the last refresh, as toasts and desktop notifications. */
    announce() {
      const { keys, alerts } = newAlerts(this.rows, this.known)
      this.known = keys
      if (!alerts.length || !this.settings?.notifications) return
      const notices = useNoticesStore()
      for (const a of alerts.slice(0, 3)) notices.push(`${a.title}: ${a.body}`, 'info')
      if (alerts.length > 3) notices.push(`${alerts.length - 3} more need your attention`, 'info')
      // Electron shows a desktop notification through main; the browser host has none and keeps to the toasts.
      for (const a of alerts.slice(0, 3)) void call(bridge().app.notify({ title: a.title.slice(0, 120), body: a.body.slice(0, 400) })).catch(() => {})
    },
    async saveSettings(settings: AttentionSettings) {
      try {
        this.settings = await call(bridge().attention.saveSettings({ settings: structuredClone(toRaw(settings)) }))
        await this.load()
      } catch (e) {
        this.error = errorOf(e)
      }
    },
    async markReviewed(item: ReviewItem): Promise<boolean> {
      this.reviewing = item.activityId
      try {
        const r = await call(bridge().attention.markReviewed({ athleteId: item.athleteId, activityId: item.activityId }))
        this.reviewedVia = { ...this.reviewedVia, [item.activityId]: r.via }
        this.queue = this.queue.filter((q) => q.activityId !== item.activityId)
        return true
      } catch (e) {
        useNoticesStore().push(errorOf(e).message, 'error')
        return false
      } finally {
        this.reviewing = null
      }
    },
    async loadComments(activityId: string) {
      this.commentsError = { ...this.commentsError, [activityId]: null }
      try {
        this.comments = { ...this.comments, [activityId]: await call(bridge().attention.comments({ activityId })) }
        // Reading them marked the athlete's comments seen on intervals.icu.
        this.queue = this.queue.map((q) => (q.activityId === activityId ? { ...q, unread: 0 } : q))
        this.rows = this.rows.map((r) => ({ ...r, flags: r.flags.filter((f) => f.rule !== 'unreadComment' || this.queue.some((q) => q.athleteId === r.athleteId && q.unread > 0)) }))
      } catch (e) {
        this.commentsError = { ...this.commentsError, [activityId]: errorOf(e) }
      }
    },
    async addComment(activityId: string, content: string): Promise<boolean> {
      this.sending = true
      try {
        const added = await call(bridge().attention.addComment({ activityId, content }))
        this.comments = { ...this.comments, [activityId]: [...(this.comments[activityId] ?? []), added] }
        return true
      } catch (e) {
        this.commentsError = { ...this.commentsError, [activityId]: errorOf(e) }
        return false
      } finally {
        this.sending = false
      }
    },
  },
})
