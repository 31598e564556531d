import { defineStore } from 'pinia'
import { bridge, call } from '../api'

export interface Notice {
  id: number
  text: string
  tone: 'info' | 'warn' | 'error'
}

/** Requests waiting for intervals.icu: one line, whatever the number of requests that wait. */
export interface Waiting {
  reason: string
  /** Epoch ms when the longest wait announced so far ends. */
  until: number
}

let nextId = 1
let ticker: ReturnType<typeof setInterval> | null = null
/** How long "retrying now" stays up after the countdown ends, unless another wait is announced. */
const LINGER_MS = 1500

/**
 * Short messages as toasts, and one notice with a countdown while requests wait for intervals.icu
 * (a 429 or a failed attempt), with a way to stop waiting.
 */
export const useNoticesStore = defineStore('notices', {
  state: () => ({ items: [] as Notice[], waiting: null as Waiting | null, clock: Date.now() }),
  getters: {
    waitingSecs(state): number {
      return state.waiting ? Math.max(0, Math.ceil((state.waiting.until - state.clock) / 1000)) : 0
    },
    waitingText(): string {
      if (!this.waiting) return ''
      const what = this.waiting.reason === 'RATE_LIMITED' ? 'intervals.icu is busy' : 'intervals.icu did not answer'
      return this.waitingSecs > 0 ? `${what}: retrying in ${this.waitingSecs} s` : `${what}: retrying now…`
    },
  },
  actions: {
    listen() {
      bridge().events['icu:retrying'](({ delaySecs, reason }) => this.wait(delaySecs, reason))
    },
    /** Folds every retry announced into the one notice: the countdown runs to the latest end. */
    wait(delaySecs: number, reason: string) {
      const now = Date.now()
      const until = now + delaySecs * 1000
      this.clock = now
      this.waiting = { reason, until: Math.max(until, this.waiting?.until ?? 0) }
      if (!ticker) ticker = setInterval(() => this.tick(), 250)
    },
    tick() {
      this.clock = Date.now()
      if (this.waiting && this.clock >= this.waiting.until + LINGER_MS) this.endWaiting()
    },
    endWaiting() {
      this.waiting = null
      if (ticker) clearInterval(ticker)
      ticker = null
    },
    /** Cancels every request still waiting (none of them is sent) and says how many. */
    async stopWaiting() {
      this.endWaiting()
      try {
        const { cancelled } = await call(bridge().session.stopWaiting({}))
        this.push(
          cancelled > 0
            ? `Stopped waiting for intervals.icu: ${cancelled} ${cancelled === 1 ? 'request' : 'requests'} cancelled, none sent.`
            : 'Stopped waiting for intervals.icu.',
          'info',
        )
      } catch (e) {
        this.push(e instanceof Error ? e.message : String(e), 'error')
      }
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
