import { defineStore } from 'pinia'
import { errorOf } from './errorOf'
import type { RosterRow, WeekDetail } from '@contract'
import { bridge, call } from '../api'
import { allTags, visibleRoster, type SortKey } from './rosterView'

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
  }),
  getters: {
    tags: (s) => allTags(s.rows),
    /** The coach's today: from their intervals.icu timezone, else this computer's own date (never UTC's). */
    coachToday: (s) => s.rows.find((r) => r.isSelf)?.today ?? new Intl.DateTimeFormat('en-CA').format(new Date()),
    visible: (s) => visibleRoster(s.rows, { sortKey: s.sortKey, sortDir: s.sortDir, tag: s.tag, search: s.search, includeSelf: s.includeSelf }, s.details),
  },
  actions: {
    async load(refresh = false) {
      if (!this.listening) {
        bridge().events['roster:detail']((d) => {
          this.details = { ...this.details, [d.athleteId]: d }
          // The athlete's today's numbers, as their page shows them, replace the weekly summary's.
          if (d.fitnessDate) {
            this.rows = this.rows.map((r) =>
              r.id === d.athleteId ? { ...r, fitness: d.fitness ?? null, fatigue: d.fatigue ?? null, form: d.form ?? null, fitnessDate: d.fitnessDate } : r,
            )
          }
        })
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
      const missing = this.rows.map((r) => r.id).filter((id) => !this.details[id])
      // The week's plan fills in row by row through roster:detail events as answers arrive.
      if (missing.length) void call(bridge().roster.weekDetails({ athleteIds: missing })).catch(() => {})
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
    },
  },
})
