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

  it('says nothing while nothing waits', () => {
    const { notices } = setup()
    expect(notices.waitingSecs).toBe(0)
    expect(notices.waitingText).toBe('')
  })

  it('counts the seconds up, and says "retrying now" for a second and a half after the countdown ends', () => {
    const { notices, emit } = setup()
    emit({ delaySecs: 2, reason: 'RATE_LIMITED' })
    vi.advanceTimersByTime(1_000)
    expect(notices.waitingSecs).toBe(1)
    vi.advanceTimersByTime(1)
    expect(notices.waitingSecs).toBe(1)
    vi.advanceTimersByTime(999)
    expect(notices.waitingSecs).toBe(0)
    vi.advanceTimersByTime(1_250)
    expect(notices.waitingText).toBe('intervals.icu is busy: retrying now…')
    vi.advanceTimersByTime(250)
    expect(notices.waiting).toBeNull()
    // The ticker stopped with it: a new wait starts one again.
    emit({ delaySecs: 1, reason: 'TIMEOUT' })
    vi.advanceTimersByTime(1_000)
    expect(notices.waitingText).toBe('intervals.icu did not answer: retrying now…')
  })

  it('names one request in the singular, none without a count, and a failure as an error', async () => {
    const stop = vi.fn(async () => ({ ok: true, value: { cancelled: 1 } }))
    const { notices } = setup(stop)
    await notices.stopWaiting()
    stop.mockResolvedValueOnce({ ok: true, value: { cancelled: 0 } })
    await notices.stopWaiting()
    stop.mockResolvedValueOnce({ ok: false, error: { code: 'NETWORK', message: 'Main did not answer.' } } as never)
    await notices.stopWaiting()
    expect(notices.items.map((n) => [n.text, n.tone])).toEqual([
      ['Stopped waiting for intervals.icu: 1 request cancelled, none sent.', 'info'],
      ['Stopped waiting for intervals.icu.', 'info'],
      ['Main did not answer.', 'error'],
    ])
  })

  it('shows a toast for five seconds, or as long as asked, each with its own id', () => {
    const { notices } = setup()
    notices.push('Saved.')
    notices.push('Could not save.', 'error', 10_000)
    expect(notices.items.map((n) => [n.text, n.tone])).toEqual([['Saved.', 'info'], ['Could not save.', 'error']])
    expect(notices.items[0]!.id).not.toBe(notices.items[1]!.id)
    vi.advanceTimersByTime(4_999)
    expect(notices.items).toHaveLength(2)
    vi.advanceTimersByTime(1)
    expect(notices.items.map((n) => n.text)).toEqual(['Could not save.'])
    vi.advanceTimersByTime(5_000)
    expect(notices.items).toEqual([])
  })
})
