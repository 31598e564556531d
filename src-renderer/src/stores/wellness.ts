import { defineStore } from 'pinia'
import type { WellnessDay, WellnessValues } from '@contract'
import { bridge, call } from '../api'
import { saveTextFile } from '../download'
import { daysBefore } from './athleteView'
import { errorOf, type StoreError } from './errorOf'
import { plain } from './plain'

/** Wellness over a range: table, charts, one-day and several-day edits, CSV. */
export const useWellnessStore = defineStore('wellness', {
  state: () => ({
    days: {} as Record<string, WellnessDay[]>,
    range: { oldest: '', newest: '' },
    rangeDays: 42,
    selected: [] as string[],
    loading: false,
    error: null as StoreError | null,
    saving: false,
    saveError: null as StoreError | null,
  }),
  actions: {
    async load(athleteId: string, today: string, days?: number) {
      const rangeDays = days ?? this.rangeDays
      this.rangeDays = rangeDays
      this.range = { oldest: daysBefore(today, rangeDays - 1), newest: today }
      this.loading = true
      this.error = null
      try {
        const rows = await call(bridge().athlete.wellness({ athleteId, ...this.range }))
        this.days = { ...this.days, [athleteId]: rows }
        this.selected = this.selected.filter((d) => rows.some((r) => r.date === d))
      } catch (e) {
        this.error = errorOf(e)
      } finally {
        this.loading = false
      }
    },
    toggle(date: string) {
      this.selected = this.selected.includes(date) ? this.selected.filter((d) => d !== date) : [...this.selected, date].sort()
    },
    clearSelection() {
      this.selected = []
    },
    /** One day: PUT wellness/{date}; several: one wellness-bulk request for all of them. */
    async save(athleteId: string, dates: string[], values: WellnessValues): Promise<boolean> {
      this.saving = true
      this.saveError = null
      try {
        const v = plain(values)
        if (dates.length === 1) {
          const day = await call(bridge().athlete.updateWellness({ athleteId, date: dates[0], values: v }))
          this.merge(athleteId, [day.date], day)
        } else {
          const { updated } = await call(bridge().athlete.updateWellnessBulk({ athleteId, days: dates.map((date) => ({ date, values: v })) }))
          this.merge(athleteId, updated, v)
        }
        return true
      } catch (e) {
        this.saveError = errorOf(e)
        return false
      } finally {
        this.saving = false
      }
    },
    merge(athleteId: string, dates: string[], values: Partial<WellnessDay>) {
      const rows = this.days[athleteId] ?? []
      const patch = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined))
      this.days = { ...this.days, [athleteId]: rows.map((r) => (dates.includes(r.date) ? { ...r, ...patch, date: r.date } : r)) }
    },
    async exportCsv(athleteId: string) {
      try {
        const { fileName, csv } = await call(bridge().athlete.wellnessCsv({ athleteId, ...this.range }))
        saveTextFile(fileName, csv)
      } catch (e) {
        this.error = errorOf(e)
      }
    },
  },
})
