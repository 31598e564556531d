import { defineStore } from 'pinia'
import type { FitnessSeries } from '@contract'
import { bridge, call } from '../api'
import { daysBefore } from './athleteView'
import { errorOf, type StoreError } from './errorOf'

/** Weeks shown ahead of today, so the planned load of the coming weeks is on the chart. */
export const WEEKS_AHEAD = 3

export const useFitnessStore = defineStore('fitness', {
  state: () => ({
    series: {} as Record<string, FitnessSeries>,
    days: 91,
    loading: false,
    error: null as StoreError | null,
  }),
  actions: {
    async load(athleteId: string, today: string, rangeDays?: number) {
      const days = rangeDays ?? this.days
      this.days = days
      this.loading = true
      this.error = null
      try {
        const newest = daysBefore(today, -7 * WEEKS_AHEAD)
        const s = await call(bridge().athlete.fitness({ athleteId, oldest: daysBefore(today, days - 1), newest }))
        this.series = { ...this.series, [athleteId]: s }
      } catch (e) {
        this.error = errorOf(e)
      } finally {
        this.loading = false
      }
    },
  },
})
