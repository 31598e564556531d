import { defineStore } from 'pinia'
import { errorOf } from './errorOf'
import type { SessionStatus } from '@contract'
import { bridge, call } from '../api'

export const useSessionStore = defineStore('session', {
  state: () => ({
    status: null as SessionStatus | null,
    busy: false,
    error: null as { code: string; message: string } | null,
    tested: null as { athleteId: string; name: string } | null,
  }),
  getters: {
    active: (s) => s.status?.state === 'connected' || s.status?.state === 'demo',
    isDemo: (s) => s.status?.state === 'demo',
  },
  actions: {
    async load() {
      this.status = await call(bridge().session.status({}))
      bridge().events['session:changed']((status) => (this.status = status))
    },
    async run<T>(fn: () => Promise<T>): Promise<T | null> {
      this.busy = true
      this.error = null
      try {
        return await fn()
      } catch (e) {
        this.error = errorOf(e)
        return null
      } finally {
        this.busy = false
      }
    },
    async testConnection(athleteId: string, apiKey: string) {
      this.tested = await this.run(() => call(bridge().session.testConnection({ athleteId, apiKey })))
      return this.tested
    },
    async connect(athleteId: string, apiKey: string, storage: 'keychain' | 'memory' = 'keychain') {
      const status = await this.run(() => call(bridge().session.connect({ athleteId, apiKey, storage })))
      if (status) this.status = status
      return status
    },
    async openDemo() {
      const status = await this.run(() => call(bridge().session.openDemo({})))
      if (status) this.status = status
      return status
    },
    /** intervals.icu's settings page, where the athlete id and API key are, in the system browser. */
    async openSettingsPage() {
      const r = await bridge().app.openExternal({ url: 'https://intervals.icu/settings' })
      return r.ok && r.value.opened
    },
    async disconnect() {
      const status = await this.run(() => call(bridge().session.disconnect({})))
      if (status) this.status = status
      this.tested = null
      return status
    },
  },
})
