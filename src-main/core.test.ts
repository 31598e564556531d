import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHANNELS, type Channel } from './contract/channels'
import { coreHarness, type CoreHarness } from './testing/core'

let h: CoreHarness
beforeAll(async () => {
  h = await coreHarness()
})
afterAll(() => h.close())

const huge = 'x'.repeat(100_000)
const proto = JSON.parse('{"__proto__": {"polluted": true}}')

// Bad arguments for every channel: each must answer INVALID_INPUT before any service runs.
const BAD: Record<Channel, unknown[]> = {
  'session:status': [{ extra: 1 }, proto, 'string', [1]],
  'session:testConnection': [
    {},
    { athleteId: 12345, apiKey: 'abcdefgh1234' },
    { athleteId: 'i1', apiKey: huge },
    { athleteId: '../../etc', apiKey: 'abcdefgh1234' },
    { athleteId: 'i1', apiKey: 'abcdefgh1234', extra: true },
    { athleteId: 'i1', apiKey: 'has spaces in it' },
    { ...proto, athleteId: 'i1', apiKey: 'abcdefgh1234' },
  ],
  'session:connect': [
    { athleteId: 'i1', apiKey: 'abcdefgh1234', storage: 'disk' },
    { athleteId: 'me', apiKey: 'abcdefgh1234' },
    { athleteId: 'i1', apiKey: 'short' },
    null,
    { athleteId: 'i1'.repeat(20), apiKey: 'abcdefgh1234' },
  ],
  'session:disconnect': [{ now: true }, 42],
  'session:openDemo': [{ port: 80 }, proto],
  'roster:list': [{ refresh: 'yes' }, { refresh: true, tag: 'x' }],
  'roster:weekDetails': [{ athleteIds: [] }, { athleteIds: 'i1' }, { athleteIds: Array(501).fill('i1') }, { athleteIds: ['i1', 7] }],
  'athlete:get': [{ athleteId: '' }, { athleteId: 'i1/../../x' }, { athleteId: huge }, {}],
  'athlete:activities': [
    { athleteId: 'i1', oldest: '2026-13-45' },
    { athleteId: 'i1', oldest: 'yesterday' },
    { athleteId: 'i1', oldest: '2026-01-01', limit: -1 },
    { athleteId: 'i1', oldest: '2026-01-01', limit: 1e9 },
    { athleteId: 'i1', oldest: '2026-01-01', fields: ['x'] },
  ],
  'app:openExternal': [{ url: huge }, { url: 5 }, {}],
  'calendar:range': [
    { athleteIds: [], oldest: '2026-11-01', newest: '2026-11-14' },
    { athleteIds: ['i1'], oldest: '2026-11-01' },
    { athleteIds: Array(201).fill('i1'), oldest: '2026-11-01', newest: '2026-11-14' },
    { athleteIds: ['i1'], oldest: '2026-11-01', newest: '2026-11-14', path: '/etc' },
  ],
  'calendar:planBulk': [
    { selection: { events: [] }, action: { kind: 'hide' } },
    { selection: { events: [{ athleteId: 'i1', eventId: 1 }] }, action: { kind: 'shift', days: 400 } },
    { selection: { events: [{ athleteId: 'i1', eventId: 1 }] }, action: { kind: 'shift', days: 0 } },
    { selection: { events: Array(5001).fill({ athleteId: 'i1', eventId: 1 }) }, action: { kind: 'delete' } },
    { selection: { events: [{ athleteId: 'i1', eventId: -4 }] }, action: { kind: 'delete' } },
    { selection: { events: [{ athleteId: 'i1', eventId: 1 }] }, action: { kind: 'explode' } },
    { selection: { events: [{ athleteId: 'i1', eventId: 1 }] }, action: { kind: 'rename', name: '  ' } },
    { selection: { events: [{ athleteId: 'i1', eventId: 1 }] }, action: { kind: 'copy', toAthletes: [], offsetDays: 0 } },
    { selection: { events: [{ athleteId: 'i1', eventId: 1, path: '/x' }] }, action: { kind: 'hide' } },
  ],
  'calendar:applyBulk': [{ planId: 'not-a-uuid' }, { planId: 7 }, {}],
  'calendar:cancelBulk': [{ planId: '../../x' }],
  'calendar:planRetry': [{ planId: '' }],
  'calendar:planUndo': [{ all: true }],
  'calendar:createEvent': [
    { athleteId: 'i1', fields: { name: 'x', category: 'PARTY', date: '2026-11-30' } },
    { athleteId: 'i1', fields: { name: 'x', category: 'NOTE', date: '30/11/2026' } },
    { athleteId: 'i1', fields: { name: 'x'.repeat(300), category: 'NOTE', date: '2026-11-30' } },
    { athleteId: 'i1', fields: { name: 'x', category: 'NOTE', date: '2026-11-30', description: huge } },
  ],
  'calendar:dayWellness': [{ athleteIds: ['i1'], date: 'today' }, { athleteIds: [], date: '2026-11-26' }],
  'calendar:updateEvent': [
    { athleteId: 'i1', eventId: 1, fields: { hidden: 'yes' } },
    { athleteId: 'i1', eventId: 1.5, fields: {} },
    { athleteId: 'i1', eventId: 1, fields: { color: 'red' } },
  ],
}

describe('every IPC channel validates its arguments strictly', () => {
  it('covers every channel in the contract', () => {
    expect(Object.keys(BAD).sort()).toEqual([...CHANNELS].sort())
  })

  for (const channel of CHANNELS) {
    it(`${channel} answers INVALID_INPUT with no side effect`, async () => {
      h.sim.resetRequests()
      const before = await h.secrets.accounts()
      for (const args of BAD[channel]) {
        const r = await h.core.invoke(channel, args)
        expect(r, JSON.stringify(args)?.slice(0, 80)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      }
      expect(h.sim.requests).toHaveLength(0)
      expect(await h.secrets.accounts()).toEqual(before)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    })
  }

  it('answers an unknown channel with INVALID_INPUT', async () => {
    expect(await h.core.invoke('shell:exec', { cmd: 'rm -rf /' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})

describe('session through the core', () => {
  it('needs a connection before the roster', async () => {
    expect(await h.core.invoke('roster:list', {})).toMatchObject({ ok: false, error: { code: 'AUTH_MISSING' } })
  })

  it('tests without storing, connects and stores only an accepted key, disconnects and deletes it', async () => {
    const bad = await h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: 'wrong-key-0000' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID' } })
    expect(await h.secrets.accounts()).toEqual([])

    const tested = await h.core.invoke('session:testConnection', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey })
    expect(tested).toMatchObject({ ok: true, value: { athleteId: h.sim.coachId } })
    expect(await h.secrets.accounts()).toEqual([])

    const ok = await h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey })
    expect(ok).toMatchObject({ ok: true, value: { state: 'connected', keyStorage: 'keychain', athleteId: h.sim.coachId } })
    expect(await h.secrets.get(h.sim.coachId)).toBe(h.sim.apiKey)
    expect(h.events.some((e) => e.event === 'session:changed')).toBe(true)

    const off = await h.core.invoke('session:disconnect', {})
    expect(off).toMatchObject({ ok: true, value: { state: 'disconnected' } })
    expect(await h.secrets.accounts()).toEqual([])
  })
})
