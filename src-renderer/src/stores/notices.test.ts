import { afterEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useNoticesStore } from './notices'

type Emit = (p: { delaySecs: number; reason: string }) => void

function setup(stopWaiting = vi.fn(async () => ({ ok: true, value: { cancelled: 3 } }))) {
  vi.useFakeTimers()
  setActivePinia(createPinia())
  let emit: Emit | null = null
  window.coachDesk = {
    events: { 'icu:retrying': (fn: Emit) => ((emit = fn), () => {}) },
    session: { stopWaiting },
  } as never
  const notices = useNoticesStore()
  notices.listen()
  return { notices, emit: (p: Parameters<Emit>[0]) => emit!(p), stopWaiting }
}

describe('notices', () => {
  afterEach(() => {
    useNoticesStore().endWaiting()
    vi.useRealTimers()
  })

  it('folds every retry into one line with a countdown to the latest, which goes away after it', () => {
    const { notices, emit } = setup()
    emit({ delaySecs: 4, reason: 'RATE_LIMITED' })
    emit({ delaySecs: 2, reason: 'RATE_LIMITED' })
    emit({ delaySecs: 60, reason: 'RATE_LIMITED' })
    expect(notices.items).toEqual([])
    expect(notices.waitingText).toBe('intervals.icu is busy: retrying in 60 s')
    vi.advanceTimersByTime(15_000)
    expect(notices.waitingText).toBe('intervals.icu is busy: retrying in 45 s')
    emit({ delaySecs: 2, reason: 'TIMEOUT' })
    expect(notices.waitingText).toBe('intervals.icu did not answer: retrying in 45 s')
    vi.advanceTimersByTime(45_000)
    expect(notices.waitingText).toBe('intervals.icu did not answer: retrying now…')
    vi.advanceTimersByTime(2_000)
    expect(notices.waiting).toBeNull()
  })

  it('stop waiting asks main to cancel, hides the line and says how many were cancelled', async () => {
    const { notices, emit, stopWaiting } = setup()
    emit({ delaySecs: 60, reason: 'RATE_LIMITED' })
    await notices.stopWaiting()
    expect(stopWaiting).toHaveBeenCalledOnce()
    expect(notices.waiting).toBeNull()
    expect(notices.items.map((n) => n.text)).toEqual(['Stopped waiting for intervals.icu: 3 requests cancelled, none sent.'])
  })
})
