import { defineStore } from 'pinia'
import { bridge } from '../api'

export interface Notice {
  id: number
  text: string
  tone: 'info' | 'warn' | 'error'
}

let nextId = 1

/** Short messages from main ("intervals.icu is busy, retrying in 4 s"), shown as toasts. */
export const useNoticesStore = defineStore('notices', {
  state: () => ({ items: [] as Notice[] }),
  actions: {
    listen() {
      bridge().events['icu:retrying'](({ delaySecs, reason }) => {
        const text =
          reason === 'RATE_LIMITED'
            ? `intervals.icu is busy, retrying in ${delaySecs} s`
            : `intervals.icu did not answer, retrying in ${delaySecs} s`
        this.push(text, 'warn')
      })
    },
    push(text: string, tone: Notice['tone'] = 'info', ms = 5000) {
      const id = nextId++
      this.items.push({ id, text, tone })
      setTimeout(() => this.dismiss(id), ms)
    },
    dismiss(id: number) {
      this.items = this.items.filter((n) => n.id !== id)
    },
  },
})
