import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useSessionStore } from './session'
import { fail, ok } from '../testing/bridge'

// The session store against a stand-in bridge: what the coach sees while connecting, and after.

const connected = { state: 'connected', athleteId: 'i1' }

function bridge(over: Record<string, unknown> = {}) {
  let changed: ((s: unknown) => void) | null = null
  const session = {
    status: vi.fn(() => ok({ state: 'disconnected', athleteId: null })),
    testConnection: vi.fn(() => ok({ athleteId: 'i1', name: 'Maya Chen' })),
    connect: vi.fn((args: { athleteId: string; apiKey: string; storage: string }) => ok({ ...connected, athleteId: args.athleteId })),
    openDemo: vi.fn(() => ok({ state: 'demo', athleteId: 'i0' })),
    disconnect: vi.fn(() => ok({ state: 'disconnected', athleteId: null })),
    ...over,
  }
  const app = { openExternal: vi.fn(() => ok({ opened: true })) }
  window.coachDesk = { session, app, events: { 'session:changed': (fn: (s: unknown) => void) => ((changed = fn), () => {}) } } as never
  return { session, app, change: (s: unknown) => changed!(s) }
}

beforeEach(() => setActivePinia(createPinia()))

describe('the session store', () => {
  it('reads the status, then follows every change main announces', async () => {
    const b = bridge()
    const s = useSessionStore()
    expect(s.active).toBe(false)
    await s.load()
    expect(s.status).toEqual({ state: 'disconnected', athleteId: null })
    expect(s.active).toBe(false)
    b.change(connected)
    expect(s.status).toEqual(connected)
    expect(s.active).toBe(true)
    expect(s.isDemo).toBe(false)
    b.change({ state: 'demo', athleteId: 'i0' })
    expect(s.active).toBe(true)
    expect(s.isDemo).toBe(true)
  })

  it('tests a key and names the athlete it belongs to, busy only meanwhile', async () => {
    const b = bridge()
    const s = useSessionStore()
    const testing = s.testConnection('i1', 'key')
    expect(s.busy).toBe(true)
    expect(await testing).toEqual({ athleteId: 'i1', name: 'Maya Chen' })
    expect(b.session.testConnection).toHaveBeenCalledWith({ athleteId: 'i1', apiKey: 'key' })
    expect(s.tested).toEqual({ athleteId: 'i1', name: 'Maya Chen' })
    expect(s.busy).toBe(false)
    expect(s.error).toBeNull()
  })

  it('says why a key was refused, clears the reason on the next try, and keeps the status it had', async () => {
    bridge({ connect: vi.fn(() => fail('AUTH_FAILED', 'intervals.icu did not accept that API key.')) })
    const s = useSessionStore()
    s.status = connected as never
    expect(await s.connect('i1', 'bad')).toBeNull()
    expect(s.error).toEqual({ code: 'AUTH_FAILED', message: 'intervals.icu did not accept that API key.' })
    expect(s.busy).toBe(false)
    expect(s.status).toEqual(connected)
    bridge()
    await s.testConnection('i1', 'good')
    expect(s.error).toBeNull()
  })

  it('connects with the keychain unless told to keep the key in memory only', async () => {
    const b = bridge()
    const s = useSessionStore()
    expect(await s.connect('i1', 'key')).toEqual(connected)
    expect(s.status).toEqual(connected)
    await s.connect('i1', 'key', 'memory')
    expect(b.session.connect.mock.calls.map(([a]) => a.storage)).toEqual(['keychain', 'memory'])
  })

  it('opens the demo, and disconnects forgetting the athlete a key was tested for', async () => {
    bridge()
    const s = useSessionStore()
    await s.openDemo()
    expect(s.isDemo).toBe(true)
    await s.testConnection('i1', 'key')
    expect(await s.disconnect()).toEqual({ state: 'disconnected', athleteId: null })
    expect(s.status).toEqual({ state: 'disconnected', athleteId: null })
    expect(s.tested).toBeNull()
  })

  it('keeps the status when the demo or a disconnect fails', async () => {
    bridge({ openDemo: vi.fn(() => fail('NETWORK', 'offline')), disconnect: vi.fn(() => fail('NETWORK', 'offline')) })
    const s = useSessionStore()
    s.status = connected as never
    await s.openDemo()
    expect(s.status).toEqual(connected)
    await s.disconnect()
    expect(s.status).toEqual(connected)
    expect(s.error?.code).toBe('NETWORK')
  })

  it("opens intervals.icu's settings page in the system browser, and says whether it opened", async () => {
    const b = bridge()
    const s = useSessionStore()
    expect(await s.openSettingsPage()).toBe(true)
    expect(b.app.openExternal).toHaveBeenCalledWith({ url: 'https://intervals.icu/settings' })
    b.app.openExternal.mockReturnValueOnce(ok({ opened: false }))
    expect(await s.openSettingsPage()).toBe(false)
    b.app.openExternal.mockReturnValueOnce(fail('INVALID_INPUT', 'no') as never)
    expect(await s.openSettingsPage()).toBe(false)
  })
})
