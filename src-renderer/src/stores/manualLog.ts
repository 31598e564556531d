import { defineStore } from 'pinia'
import { ManualActivity } from '@contract'
import { bridge, call } from '../api'
import { errorOf, type StoreError } from './errorOf'

export interface ManualDraft {
  /** Made once per row: sending the row again (after a failure) updates it instead of duplicating. */
  externalId: string
  date: string
  startTime: string
  type: string
  name: string
  minutes: string
  distanceKm: string
  load: string
  rpe: string
}

function draft(date: string): ManualDraft {
  return { externalId: crypto.randomUUID(), date, startTime: '09:00', type: 'WeightTraining', name: 'Strength session', minutes: '45', distanceKm: '', load: '', rpe: '' }
}

const n = (t: string) => (t.trim() === '' ? undefined : Number(t.trim().replace(',', '.')))

/** A draft row as the contract wants it; undefined fields are left out. */
export function toManual(d: ManualDraft): ManualActivity {
  const minutes = n(d.minutes)
  const km = n(d.distanceKm)
  const out = {
    externalId: d.externalId,
    date: d.date,
    startTime: d.startTime || undefined,
    type: d.type,
    name: d.name.trim(),
    movingSecs: minutes === undefined ? Number.NaN : Math.round(minutes * 60),
    distanceM: km === undefined ? undefined : Math.round(km * 1000),
    load: n(d.load),
    rpe: n(d.rpe),
  }
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as ManualActivity
}

/** The first problem in the drafts, in the contract's words, with the row it is on. */
export function draftProblem(drafts: ManualDraft[]): string | null {
  for (let i = 0; i < drafts.length; i++) {
    const r = ManualActivity.safeParse(toManual(drafts[i]))
    if (!r.success) return `${drafts.length > 1 ? `Row ${i + 1}: ` : ''}${r.error.issues[0]?.message ?? 'check the values.'}`
  }
  return null
}

export const useManualLogStore = defineStore('manualLog', {
  state: () => ({
    open: false,
    drafts: [] as ManualDraft[],
    sending: false,
    error: null as StoreError | null,
    lastLogged: 0,
  }),
  actions: {
    start(today: string) {
      if (!this.drafts.length) this.drafts = [draft(today)]
      this.error = null
      this.open = true
    },
    addRow(today: string) {
      const last = this.drafts[this.drafts.length - 1]
      this.drafts = [...this.drafts, { ...draft(last?.date ?? today), type: last?.type ?? 'WeightTraining' }]
    },
    removeRow(i: number) {
      this.drafts = this.drafts.filter((_, j) => j !== i)
    },
    /** One request for all rows. On failure the rows stay, with the same references, ready to send again. */
    async send(athleteId: string): Promise<boolean> {
      if (draftProblem(this.drafts)) return false
      this.sending = true
      this.error = null
      try {
        const logged = await call(bridge().athlete.logManual({ athleteId, activities: this.drafts.map(toManual) }))
        this.lastLogged = logged.length
        this.drafts = []
        this.open = false
        return true
      } catch (e) {
        this.error = errorOf(e)
        return false
      } finally {
        this.sending = false
      }
    },
  },
})
