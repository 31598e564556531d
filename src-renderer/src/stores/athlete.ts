import { defineStore } from 'pinia'
import type { ActivityRow, AthleteProfile } from '@contract'
import { bridge, call, BridgeError } from '../api'

function isoDaysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - days)
  return d.toISOString().slice(0, 10)
}

export const useAthleteStore = defineStore('athlete', {
  state: () => ({
    profiles: {} as Record<string, AthleteProfile>,
    activities: {} as Record<string, ActivityRow[]>,
    loading: false,
    error: null as { code: string; message: string } | null,
  }),
  actions: {
    async open(athleteId: string) {
      this.loading = true
      this.error = null
      try {
        const profile = await call(bridge().athlete.get({ athleteId }))
        this.profiles = { ...this.profiles, [athleteId]: profile }
        const list = await call(
          bridge().athlete.activities({ athleteId, oldest: isoDaysBefore(profile.today, 28), newest: profile.today }),
        )
        this.activities = { ...this.activities, [athleteId]: list }
      } catch (e) {
        this.error = e instanceof BridgeError ? { code: e.code, message: e.message } : { code: 'INTERNAL', message: String(e) }
      } finally {
        this.loading = false
      }
    },
  },
})
