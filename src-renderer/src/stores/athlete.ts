import { defineStore } from 'pinia'
import type { ActivityRow, AthleteProfile, SportSettingsChanges, SportSettingsView } from '@contract'
import { bridge, call } from '../api'
import { daysBefore, filterActivities, sportsOf, totals } from './athleteView'
import { errorOf, type StoreError } from './errorOf'
import { plain } from './plain'

interface ActivityList {
  oldest: string
  newest: string
  rows: ActivityRow[]
}

/** The athlete's page: the profile (header and sport settings) and the activity list over a range. */
export const useAthleteStore = defineStore('athlete', {
  state: () => ({
    profiles: {} as Record<string, AthleteProfile>,
    lists: {} as Record<string, ActivityList>,
    rangeDays: 91,
    sport: null as string | null,
    loading: false,
    listLoading: false,
    error: null as StoreError | null,
    listError: null as StoreError | null,
  }),
  getters: {
    activities: (s) => (id: string) => s.lists[id]?.rows ?? [],
    visible(): (id: string) => ActivityRow[] {
      return (id) => filterActivities(this.activities(id), this.sport)
    },
    sports(): (id: string) => string[] {
      return (id) => sportsOf(this.activities(id))
    },
    totals(): (id: string) => ReturnType<typeof totals> {
      return (id) => totals(this.visible(id))
    },
  },
  actions: {
    async open(athleteId: string) {
      this.loading = true
      this.error = null
      try {
        const profile = await call(bridge().athlete.get({ athleteId }))
        this.profiles = { ...this.profiles, [athleteId]: profile }
        const list = this.lists[athleteId]
        if (!list || list.newest !== profile.today) await this.loadActivities(athleteId)
      } catch (e) {
        this.error = errorOf(e)
      } finally {
        this.loading = false
      }
    },
    async loadActivities(athleteId: string, rangeDays?: number) {
      const days = rangeDays ?? this.rangeDays
      const today = this.profiles[athleteId]?.today
      if (!today) return
      this.rangeDays = days
      this.listLoading = true
      this.listError = null
      try {
        const oldest = daysBefore(today, days - 1)
        const rows = await call(bridge().athlete.activities({ athleteId, oldest, newest: today }))
        this.lists = { ...this.lists, [athleteId]: { oldest, newest: today, rows } }
        if (this.sport && !sportsOf(rows).includes(this.sport)) this.sport = null
      } catch (e) {
        this.listError = errorOf(e)
      } finally {
        this.listLoading = false
      }
    },
    /** Saved settings replace the sport's card; the answer is what intervals.icu stored. */
    async saveSportSettings(athleteId: string, settingsId: number, recalcHrZones: boolean, changes: SportSettingsChanges): Promise<SportSettingsView> {
      const saved = await call(bridge().athlete.updateSportSettings({ athleteId, settingsId, recalcHrZones, changes: plain(changes) }))
      const p = this.profiles[athleteId]
      if (p) this.profiles = { ...this.profiles, [athleteId]: { ...p, sports: p.sports.map((s) => (s.id === saved.id ? saved : s)) } }
      return saved
    },
    /** New manual activities show in the list at once: the list is reloaded for the same range. */
    async afterManualLog(athleteId: string) {
      await this.loadActivities(athleteId)
    },
  },
})
