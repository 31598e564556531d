import { defineStore } from 'pinia'
import { errorOf } from './errorOf'
import type { WeekTemplate } from '@contract'
import { bridge, call } from '../api'
import { useWorkoutsStore } from './workouts'

type Start = { kind: 'date'; date: string } | { kind: 'week'; weekOffset: number }

/** Week templates: one athlete's week saved in Coach Desk, applied to other athletes through the bulk preview. */
export const useTemplatesStore = defineStore('templates', {
  state: () => ({
    list: [] as WeekTemplate[],
    loading: false,
    saving: false,
    error: null as { code: string; message: string } | null,
  }),
  actions: {
    async load() {
      this.loading = true
      try {
        this.list = await call(bridge().workouts.templates({}))
      } catch (e) {
        this.fail(e)
      } finally {
        this.loading = false
      }
    },
    async save(athleteId: string, weekStart: string, name: string) {
      this.saving = true
      this.error = null
      try {
        const t = await call(bridge().workouts.saveWeekTemplate({ athleteId, weekStart, name }))
        this.list = [t, ...this.list.filter((x) => x.id !== t.id)]
        return t
      } catch (e) {
        this.fail(e)
        return null
      } finally {
        this.saving = false
      }
    },
    async remove(templateId: string) {
      try {
        await call(bridge().workouts.deleteTemplate({ templateId }))
        this.list = this.list.filter((t) => t.id !== templateId)
      } catch (e) {
        this.fail(e)
      }
    },
    /** The calendar's preview dialog shows what the template will create; apply and undo work from there. */
    async plan(templateId: string, athleteIds: string[], start: Start) {
      this.error = null
      return useWorkoutsStore().planned((placement) => call(bridge().workouts.planTemplate({ templateId, athleteIds: [...athleteIds], start: { ...start }, placement })))
    },
    fail(e: unknown) {
      this.error = errorOf(e)
    },
  },
})
