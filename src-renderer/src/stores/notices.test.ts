import { describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useNoticesStore } from './notices'

describe('notices', () => {
  it('turns a retry event from main into a toast that goes away by itself', () => {
    vi.useFakeTimers()
    setActivePinia(createPinia())
    let emit: ((p: { delaySecs: number; reason: string }) => void) | null = null
    window.coachDesk = { events: { 'icu:retrying': (fn: typeof emit) => ((emit = fn), () => {}) } } as never
    const notices = useNoticesStore()
    notices.listen()
    emit!({ delaySecs: 4, reason: 'RATE_LIMITED' })
    emit!({ delaySecs: 2, reason: 'TIMEOUT' })
    expect(notices.items.map((n) => n.text)).toEqual([
      'intervals.icu is busy, retrying in 4 s',
      'intervals.icu did not answer, retrying in 2 s',
    ])
    vi.advanceTimersByTime(6000)
    expect(notices.items).toEqual([])
    vi.useRealTimers()
  })
})
