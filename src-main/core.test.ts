import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHANNELS, type Channel } from './contract/channels'
import { createCore } from './core'
import { DEFAULT_SETTINGS as ATTENTION_SETTINGS } from './services/attention/rules'
import { silentLogger } from './log'
import { MemorySecretStore } from './secrets/memory'
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
  'session:stopWaiting': [{ extra: 1 }, proto, 'string'],
  'roster:list': [{ refresh: 'yes' }, { refresh: true, tag: 'x' }],
  'roster:weekDetails': [{ athleteIds: [] }, { athleteIds: 'i1' }, { athleteIds: Array(501).fill('i1') }, { athleteIds: ['i1', 7] }],
  'roster:cancelDetails': [{ all: true }, proto, 'string'],
  'athlete:get': [{ athleteId: '' }, { athleteId: 'i1/../../x' }, { athleteId: huge }, {}],
  'athlete:activities': [
    { athleteId: 'i1', oldest: '2026-13-45' },
    { athleteId: 'i1', oldest: 'yesterday' },
    { athleteId: 'i1', oldest: '2026-01-01', limit: -1 },
    { athleteId: 'i1', oldest: '2026-01-01', limit: 1e9 },
    { athleteId: 'i1', oldest: '2026-01-01', fields: ['x'] },
  ],
  'athlete:activity': [{ activityId: '../x' }, { activityId: 47 }, { activityId: 'i1', intervals: true }, {}],
  'athlete:streams': [
    { activityId: 'i1', maxPoints: 10 },
    { activityId: 'i1', maxPoints: 1e7 },
    { activityId: 'i1', fromSecs: -5 },
    { activityId: 'i1', types: ['watts'] },
  ],
  'athlete:streamsCsv': [{ activityId: 'i1', path: '/tmp/x.csv' }, { activityId: '' }],
  'athlete:updateActivity': [
    { activityId: 'i1', changes: {} },
    { activityId: 'i1', changes: { rpe: 11 } },
    { activityId: 'i1', changes: { feel: 0 } },
    { activityId: 'i1', changes: { name: '   ' } },
    { activityId: 'i1', changes: { tags: Array(21).fill('t') } },
    { activityId: 'i1', changes: { source: 'MANUAL' } },
  ],
  'athlete:logManual': [
    { athleteId: 'i1', activities: [] },
    { athleteId: 'i1', activities: [{ externalId: 'x', date: '2026-01-01', type: 'Run', name: 'Run', movingSecs: 600 }] },
    { athleteId: 'i1', activities: [{ externalId: 'abcdefgh1', date: '2999-01-01', type: 'Run', name: 'Run', movingSecs: 600 }] },
    { athleteId: 'i1', activities: [{ externalId: 'abcdefgh1', date: '2026-01-01', type: 'Party', name: 'Run', movingSecs: 600 }] },
    { athleteId: 'i1', activities: [{ externalId: 'abcdefgh1', date: '2026-01-01', type: 'Run', name: 'Run', movingSecs: -1 }] },
  ],
  'athlete:fitness': [
    { athleteId: 'i1', oldest: '2026-03-01', newest: '2026-01-01' },
    { athleteId: 'i1', oldest: '2010-01-01', newest: '2026-01-01' },
    { athleteId: 'i1', oldest: '2026-01-01' },
  ],
  'athlete:wellness': [{ athleteId: 'i1', oldest: 'today', newest: '2026-01-01' }, { athleteId: 'i1', oldest: '2026-01-01', newest: '2026-01-02', cols: 'x' }],
  'athlete:updateWellness': [
    { athleteId: 'i1', date: '2026-01-01', values: { restingHr: 400 } },
    { athleteId: 'i1', date: '2026-01-01', values: { weight: -3 } },
    { athleteId: 'i1', date: '2026-01-01', values: { mood: 7 } },
    { athleteId: 'i1', date: '2999-01-01', values: { hrv: 60 } },
    { athleteId: 'i1', date: '2026-01-01', values: {} },
    { athleteId: 'i1', date: '2026-01-01', values: { ctl: 80 } },
  ],
  'athlete:updateWellnessBulk': [
    { athleteId: 'i1', days: [] },
    { athleteId: 'i1', days: [{ date: '2026-01-01', values: { hrv: 60 } }, { date: '2026-01-01', values: { hrv: 61 } }] },
    { athleteId: 'i1', days: [{ date: '2026-01-01', values: { sleepSecs: 100_000 } }] },
  ],
  'athlete:wellnessCsv': [{ athleteId: 'i1', oldest: '2026-01-01', newest: '2026-01-31', file: '/etc/passwd' }],
  'athlete:updateSportSettings': [
    { athleteId: 'i1', settingsId: 1, recalcHrZones: false, changes: { ftp: -250 } },
    { athleteId: 'i1', settingsId: 1, changes: { ftp: 250 } },
    { athleteId: 'i1', settingsId: 1, recalcHrZones: false, changes: { powerZones: [55, 75, 70, 105] } },
    { athleteId: 'i1', settingsId: 1, recalcHrZones: false, changes: { hrZones: [120, 140, 400] } },
    { athleteId: 'i1', settingsId: 1, recalcHrZones: false, changes: { lthr: 190, maxHr: 180 } },
    { athleteId: 'i1', settingsId: 1, recalcHrZones: false, changes: {} },
  ],
  'app:openExternal': [{ url: huge }, { url: 5 }, {}],
  'calendar:range': [
    { athleteIds: [], oldest: '2026-11-01', newest: '2026-11-14' },
    { athleteIds: ['i1'], oldest: '2026-11-01' },
    { athleteIds: Array(201).fill('i1'), oldest: '2026-11-01', newest: '2026-11-14' },
    { athleteIds: ['i1'], oldest: '2026-11-01', newest: '2026-11-14', path: '/etc' },
    { athleteIds: ['i1'], oldest: '2026-11-14', newest: '2026-11-01' },
    { athleteIds: ['i1'], oldest: '2026-02-01', newest: '2026-02-31' },
    { athleteIds: ['i1'], oldest: '1990-01-01', newest: '2026-11-14' },
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
    { selection: { ranges: [{ athleteId: 'i1', oldest: '2026-12-01', newest: '2026-11-01' }] }, action: { kind: 'hide' } },
    { selection: { ranges: [{ athleteId: 'i1', oldest: '1926-12-01', newest: '2026-11-01' }] }, action: { kind: 'hide' } },
  ],
  'calendar:applyBulk': [{ planId: 'not-a-uuid' }, { planId: 7 }, {}],
  'calendar:cancelBulk': [{ planId: '../../x' }],
  'calendar:planRetry': [{ planId: '' }],
  'calendar:planUndo': [{ all: true }],
  'calendar:history': [{ all: true }, 'x'],
  'calendar:resolveJob': [{ jobId: 'not-a-uuid', action: 'finish' }, { jobId: '00000000-0000-4000-8000-000000000000', action: 'redo' }, {}],
  'calendar:createEvent': [
    { athleteId: 'i1', fields: { name: 'x', category: 'PARTY', date: '2026-11-30' } },
    { athleteId: 'i1', fields: { name: 'x', category: 'NOTE', date: '30/11/2026' } },
    { athleteId: 'i1', fields: { name: 'x'.repeat(300), category: 'NOTE', date: '2026-11-30' } },
    { athleteId: 'i1', fields: { name: 'x', category: 'NOTE', date: '2026-11-30', description: huge } },
    { athleteId: 'i1', fields: { name: 'x', category: 'TARGET', date: '2026-11-30', loadTarget: -5 } },
  ],
  'calendar:dayWellness': [{ athleteIds: ['i1'], date: 'today' }, { athleteIds: [], date: '2026-11-26' }, { athleteIds: ['i1'], offsetDays: 400 }],
  'calendar:updateEvent': [
    { athleteId: 'i1', eventId: 1, fields: { hidden: 'yes' } },
    { athleteId: 'i1', eventId: 1.5, fields: {} },
    { athleteId: 'i1', eventId: 1, fields: { color: 'red' } },
  ],
  // Exports take ids and a format: any path, unknown format or oversized request is refused.
  'exports:saveEvent': [
    { athleteId: 'i1', eventId: 1, format: 'exe' },
    { athleteId: 'i1', eventId: 1, format: 'zwo', path: '/tmp/x.zwo' },
    { athleteId: 'i1', eventId: 1, format: 'zwo', fileName: '../../etc/passwd' },
    { athleteId: '../i1', eventId: 1, format: 'zwo' },
  ],
  'exports:saveMany': [
    { exportId: 'not-a-uuid', selection: { events: [{ athleteId: 'i1', eventId: 1 }] }, format: 'fit', layout: 'zip' },
    { exportId: '6f1c2a4e-8b7d-4c3e-9a1f-2b3c4d5e6f70', selection: { events: [] }, format: 'fit', layout: 'zip' },
    { exportId: '6f1c2a4e-8b7d-4c3e-9a1f-2b3c4d5e6f70', selection: { events: [{ athleteId: 'i1', eventId: 1 }] }, format: 'fit', layout: 'desktop' },
    { exportId: '6f1c2a4e-8b7d-4c3e-9a1f-2b3c4d5e6f70', selection: { events: [{ athleteId: 'i1', eventId: 1 }] }, format: 'fit', layout: 'folders', folder: '/etc' },
    { exportId: '6f1c2a4e-8b7d-4c3e-9a1f-2b3c4d5e6f70', selection: { ranges: [{ athleteId: 'i1', oldest: '2026-12-07', newest: '2026-12-01' }] }, format: 'fit', layout: 'zip' },
    { exportId: '6f1c2a4e-8b7d-4c3e-9a1f-2b3c4d5e6f70', selection: { ranges: [{ athleteId: 'i1', oldest: '2020-01-01', newest: '2026-12-01' }] }, format: 'fit', layout: 'zip' },
  ],
  'exports:cancel': [{ exportId: '../../x' }, {}],
  'exports:prepareDrag': [{ events: [], format: 'zwo' }, { events: [{ athleteId: 'i1', eventId: 1 }], format: 'pdf' }],
  'exports:startDrag': [
    { events: [{ athleteId: 'i1', eventId: 1 }], format: 'zwo', file: '/etc/passwd' },
    { events: [{ athleteId: 'i1', eventId: 1 }], format: 'zwo', files: ['/etc/passwd'] },
    { events: [{ athleteId: 'i1', eventId: 1, path: '/etc/passwd' }], format: 'zwo' },
    { events: Array(101).fill({ athleteId: 'i1', eventId: 1 }), format: 'zwo' },
    { events: [], format: 'zwo' },
    { file: '/etc/passwd' },
  ],
  'workouts:parse': [{ text: huge, sport: 'Ride' }, { text: '- 1m 50%', sport: 'Ride/../x' }, { text: '- 1m', sport: 'Ride', thresholds: { ftp: -1 } }, { text: 5, sport: 'Ride' }],
  'workouts:thresholds': [{ athleteId: '../i1' }, {}],
  'workouts:import': [
    { fileName: '/etc/passwd', text: 'x' },
    { fileName: '../../a.zwo', text: 'x' },
    { fileName: 'a.fit', text: 'x' },
    { fileName: 'a.zwo', text: 'x'.repeat(300_000) },
    { fileName: 'a.zwo', text: 'x', path: '/tmp/a.zwo' },
  ],
  'workouts:library': [{ refresh: 'yes' }, { folder: 1 }],
  'workouts:saveToLibrary': [
    { source: { kind: 'text', name: '', sport: 'Ride', description: '' }, folder: { id: 1 } },
    { source: { kind: 'file', path: '/etc/passwd' }, folder: { id: 1 } },
    { source: { kind: 'event', athleteId: 'i1', eventId: 1 }, folder: { id: -1 } },
    { source: { kind: 'text', name: 'x', sport: 'Ride', description: huge }, folder: { newName: 'x' } },
  ],
  'workouts:planAssign': [
    { workout: { kind: 'library', workoutId: 1 }, athleteIds: [], when: { kind: 'date', date: '2026-11-30' } },
    { workout: { kind: 'library', workoutId: 1 }, athleteIds: Array(501).fill('i1'), when: { kind: 'date', date: '2026-11-30' } },
    { workout: { kind: 'library', workoutId: 1 }, athleteIds: ['i1'], when: { kind: 'weekday', weekOffset: 0, weekday: 7 } },
    { workout: { kind: 'library', workoutId: 1 }, athleteIds: ['i1'], when: { kind: 'date', date: 'next tuesday' } },
    { workout: { kind: 'event', athleteId: 'i1', eventId: 1 }, athleteIds: ['i1'], when: { kind: 'fromToday', days: 1 } },
  ],
  'workouts:templates': [{ all: true }],
  'workouts:saveWeekTemplate': [
    { athleteId: 'i1', weekStart: '2026-11-24', name: 'Tuesday is not a week start' },
    { athleteId: 'i1', weekStart: '2026-11-23', name: ' ' },
    { athleteId: 'i1', weekStart: '2026-11-23', name: 'x', file: '/tmp/x.json' },
  ],
  'workouts:deleteTemplate': [{ templateId: '../../etc/passwd' }, { templateId: 7 }],
  'workouts:planTemplate': [
    { templateId: 'not-a-uuid', athleteIds: ['i1'], start: { kind: 'week', weekOffset: 1 } },
    { templateId: '00000000-0000-4000-8000-000000000000', athleteIds: [], start: { kind: 'week', weekOffset: 1 } },
    { templateId: '00000000-0000-4000-8000-000000000000', athleteIds: ['i1'], start: { kind: 'week', weekOffset: 99 } },
  ],
  'app:notify': [{}, { title: '', body: 'x' }, { title: huge, body: '' }, { title: 'Maya', body: huge }, { title: 'Maya', body: 'x', icon: '/etc/passwd' }],
  'attention:list': [{ refresh: 1 }, { background: 'yes' }, { refresh: true, athleteIds: ['i1'] }, proto, 'string'],
  'attention:settings': [{ extra: 1 }, proto, [1]],
  'attention:saveSettings': [
    {},
    { settings: {} },
    { settings: { ...ATTENTION_SETTINGS, notifications: 'yes' } },
    { settings: { ...ATTENTION_SETTINGS, rules: { ...ATTENTION_SETTINGS.rules, inactive: { on: true, days: 0 } } } },
    { settings: { ...ATTENTION_SETTINGS, rules: { ...ATTENTION_SETTINGS.rules, compliance: { on: true, min: 120, max: 80 } } } },
    { settings: { ...ATTENTION_SETTINGS, rules: { ...ATTENTION_SETTINGS.rules, form: { on: true, min: -30, path: '/etc' } } } },
    { settings: { ...ATTENTION_SETTINGS, extra: true } },
  ],
  'attention:markReviewed': [{ athleteId: 'i1' }, { athleteId: 'i1', activityId: '../x' }, { athleteId: 'me', activityId: 'i1' }, { athleteId: 'i1', activityId: 'i1', tick: 2 }],
  'attention:comments': [{}, { activityId: 'i1/../../x' }, { activityId: 47 }],
  'attention:addComment': [
    { activityId: 'i1', content: '' },
    { activityId: 'i1', content: '    ' },
    { activityId: 'i1', content: huge },
    { activityId: 'i1', content: 7 },
    { activityId: 'i1' },
    { activityId: 'x y', content: 'hello' },
  ],
  'groups:list': [{ account: 'i1' }, proto, 'string'],
  'groups:save': [
    {},
    { name: '   ', athleteIds: ['i1'] },
    { name: 'x'.repeat(61), athleteIds: ['i1'] },
    { name: 'Squad', athleteIds: [] },
    { name: 'Squad', athleteIds: ['../i1'] },
    { name: 'Squad', athleteIds: Array.from({ length: 2001 }, (_, i) => `i${i + 1}`) },
    { name: 'Squad', athleteIds: ['i1'], file: '/tmp/groups.json' },
  ],
  'groups:delete': [{}, { groupId: '../../groups.json' }, { groupId: 7 }],
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

describe('app:openExternal', () => {
  it('opens only allowed https pages in the system browser', async () => {
    const opened: string[] = []
    const core = createCore({
      secrets: new MemorySecretStore(),
      log: silentLogger,
      emit: () => {},
      dataDir: h.dataDir,
      startDemo: () => Promise.reject(new Error('unused')),
      openExternal: async (url) => void opened.push(url),
    })
    expect(await core.invoke('app:openExternal', { url: 'https://intervals.icu/settings' })).toEqual({ ok: true, value: { opened: true } })
    expect(await core.invoke('app:openExternal', { url: 'file:///etc/passwd' })).toEqual({ ok: true, value: { opened: false } })
    expect(await core.invoke('app:openExternal', { url: 'https://evil.example/' })).toEqual({ ok: true, value: { opened: false } })
    expect(opened).toEqual(['https://intervals.icu/settings'])
  })
})

describe('app:notify', () => {
  it('shows a desktop notification where the app has one, and says so where it has none', async () => {
    const shown: { title: string; body: string }[] = []
    const base = { secrets: new MemorySecretStore(), log: silentLogger, emit: () => {}, dataDir: h.dataDir, startDemo: () => Promise.reject(new Error('unused')) }
    const desktop = createCore({ ...base, notify: (n) => void shown.push(n) })
    expect(await desktop.invoke('app:notify', { title: 'Lena Fischer', body: '2 unread comments' })).toEqual({ ok: true, value: { shown: true } })
    expect(shown).toEqual([{ title: 'Lena Fischer', body: '2 unread comments' }])
    expect(await createCore(base).invoke('app:notify', { title: 'Lena Fischer', body: 'x' })).toEqual({ ok: true, value: { shown: false } })
  })
})
