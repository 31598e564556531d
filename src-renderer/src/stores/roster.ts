import { defineStore } from 'pinia'
import { errorOf } from './errorOf'
import { chunksOf, MAX_DETAIL_ATHLETES, type RosterRow, type WeekDetail } from '@contract'
import { bridge, call } from '../api'
import { localIsoDate } from '../components/dateLabels'
import { allTags, visibleRoster, type SortKey } from './rosterView'
import { useAttentionStore } from './attention'

/** loadDetails() was called while details were loading. */
let detailsAgain = false

export const useRosterStore = defineStore('roster', {
  state: () => ({
    rows: [] as RosterRow[],
    details: {} as Record<string, WeekDetail>,
    fetchedAt: null as string | null,
    loading: false,
    error: null as { code: string; message: string } | null,
    sortKey: 'name' as SortKey,
    sortDir: 'asc' as 'asc' | 'desc',
    tag: null as string | null,
    search: '',
    includeSelf: false,
    listening: false,
    /** Week details asked and not all answered yet (the roster view cancels them when it closes). */
    detailsLoading: false,
    /** Why the week details could not be loaded (not per athlete: those carry their own error). */
    detailsError: null as { code: string; message: string } | null,
  }),
  getters: {
    tags: (s) => allTags(s.rows),
    /** The coach's today: from their intervals.icu timezone, else this computer's own date (never UTC's). */
    coachToday: (s) => s.rows.find((r) => r.isSelf)?.today ?? localIsoDate(new Date()),
    visible: (s) =>
      visibleRoster(s.rows, { sortKey: s.sortKey, sortDir: s.sortDir, tag: s.tag, search: s.search, includeSelf: s.includeSelf }, s.details, useAttentionStore().scores),
  },
  actions: {
    async load(refresh = false) {
      if (!this.listening) {
        bridge().events['roster:detail']((d) => this.takeDetails([d]))
        this.listening = true
      }
      this.loading = true
      this.error = null
      try {
        const list = await call(bridge().roster.list({ refresh }))
        this.rows = list.athletes
        this.fetchedAt = list.fetchedAt
        if (refresh) this.details = {}
      } catch (e) {
        this.error = errorOf(e)
        return
      } finally {
        this.loading = false
      }
    },
    /**
     * This week's plan and last activity for the rows the roster shows (the coach's own only when
     * shown), in chunks the contract takes, filling in row by row through roster:detail events.
     * Main sends them as background work; leaveRoster() cancels what is not sent.
     */
    async loadDetails() {
      if (this.detailsLoading) {
        // Asked again meanwhile (the coach's own row shown): once these are in, the rest is asked.
        detailsAgain = true
        return
      }
      const missing = this.rows.filter((r) => (this.includeSelf || !r.isSelf) && !this.details[r.id]).map((r) => r.id)
      if (!missing.length) return
      this.detailsLoading = true
      this.detailsError = null
      detailsAgain = false
      let cancelled = false
      try {
        await Promise.all(
          chunksOf(missing, MAX_DETAIL_ATHLETES).map(async (athleteIds) => {
            const list = await call(bridge().roster.weekDetails({ athleteIds }))
            // The answer settles any row whose event was missed.
            this.takeDetails(list)
          }),
        )
      } catch (e) {
        const error = errorOf(e)
        // Cancelled because the coach left the roster: the rest is asked when it opens again.
        cancelled = error.code === 'CANCELLED'
        if (!cancelled) this.detailsError = error
      } finally {
        this.detailsLoading = false
      }
      if (detailsAgain && !cancelled && !this.detailsError) await this.loadDetails()
    },
    takeDetails(list: WeekDetail[]) {
      this.details = { ...this.details, ...Object.fromEntries(list.map((d) => [d.athleteId, d])) }
      // The athlete's today's numbers, as their page shows them, replace the weekly summary's.
      const today = new Map(list.filter((d) => d.fitnessDate).map((d) => [d.athleteId, d]))
      if (today.size) {
        this.rows = this.rows.map((r) => {
          const d = today.get(r.id)
          return d ? { ...r, fitness: d.fitness ?? null, fatigue: d.fatigue ?? null, form: d.form ?? null, fitnessDate: d.fitnessDate } : r
        })
      }
    },
    /** Refresh: what is still queued for the old list is cancelled, then the list and its details load again. */
    async reload() {
      await this.leaveRoster()
      await this.load(true)
      await this.loadDetails()
    },
    /** The coach left the roster: week details still queued in main are not sent. */
    async leaveRoster() {
      if (!this.detailsLoading) return
      try {
        await call(bridge().roster.cancelDetails({}))
      } catch (e) {
        this.detailsError = errorOf(e)
      }
    },
    sortBy(key: SortKey) {
      if (this.sortKey === key) this.sortDir = this.sortDir === 'asc' ? 'desc' : 'asc'
      else {
        this.sortKey = key
        this.sortDir = key === 'name' || key === 'sports' ? 'asc' : 'desc'
      }
    },
    clear() {
      this.rows = []
      this.details = {}
      this.fetchedAt = null
      this.detailsError = null
    },
  },
})
