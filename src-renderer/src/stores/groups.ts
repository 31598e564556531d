import { defineStore } from 'pinia'
import type { AthleteGroup } from '@contract'
import { bridge, call } from '../api'
import { errorOf } from './errorOf'

/** The coach's saved athlete groups: kept by main per account, asked again whenever the account changes. */
export const useGroupsStore = defineStore('groups', {
  state: () => ({
    groups: [] as AthleteGroup[],
    loaded: false,
    error: null as { code: string; message: string } | null,
  }),
  actions: {
    async load() {
      try {
        this.groups = await call(bridge().groups.list({}))
        this.loaded = true
        this.error = null
      } catch (e) {
        this.error = errorOf(e)
      }
    },
    /** Saves the pick under a name; the same name again replaces that group. */
    async save(name: string, athleteIds: string[]): Promise<AthleteGroup | null> {
      try {
        const saved = await call(bridge().groups.save({ name, athleteIds: [...athleteIds] }))
        this.groups = [...this.groups.filter((g) => g.id !== saved.id), saved].sort((a, b) => a.name.localeCompare(b.name))
        this.error = null
        return saved
      } catch (e) {
        this.error = errorOf(e)
        return null
      }
    },
    async remove(groupId: string) {
      try {
        await call(bridge().groups.delete({ groupId }))
        this.groups = this.groups.filter((g) => g.id !== groupId)
        this.error = null
      } catch (e) {
        this.error = errorOf(e)
      }
    },
    clear() {
      this.groups = []
      this.loaded = false
      this.error = null
    },
  },
})
