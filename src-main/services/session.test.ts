import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SessionStatus } from '../contract/schemas'
import { AppError } from '../contract/errors'
import { getAthlete } from '../icu/api'
import type { RetryNotice } from '../icu/http'
import type { Logger } from '../log'
import { MemorySecretStore } from '../secrets/memory'
import { startSim, UNCOACHED_ATHLETE_ID, type SimHandle } from '../sim'
import { coreHarness, ok, type CoreHarness } from '../testing/core'
import { notTheOwner, sameAthlete, SessionService } from './session'

describe('connecting as yourself', () => {
  let h: CoreHarness
  beforeEach(async () => {
    h = await coreHarness()
  })
  afterEach(() => h.close())

  it('refuses a coached athlete’s id with the coach’s key, naming both, and stores nothing', async () => {
    const lena = h.sim.state.coached[2]!
    const coach = h.sim.state.coach
    const r = await h.core.invoke('session:connect', { athleteId: lena.id, apiKey: h.sim.apiKey })
    const coachName = `${coach.athlete.firstname} ${coach.athlete.lastname}`
    const lenaName = `${lena.athlete.firstname} ${lena.athlete.lastname}`
    expect(r).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: `This key belongs to ${coachName} (${coach.id}); you entered ${lenaName}'s id (${lena.id}). Enter ${coach.id} to connect as yourself.` },
    })
    expect(await h.secrets.accounts()).toEqual([])
    expect(await ok<SessionStatus>(h.core.invoke('session:status', {}))).toMatchObject({ state: 'disconnected' })
  })

  it('accepts I12345 and the plain number, and stores the owner’s id as intervals.icu spells it', async () => {
    const bare = h.sim.coachId.replace(/^i/, '')
    const tested = await ok<{ athleteId: string }>(h.core.invoke('session:testConnection', { athleteId: ` I${bare} `, apiKey: h.sim.apiKey }))
    expect(tested.athleteId).toBe(h.sim.coachId)
    const status = await ok<SessionStatus>(h.core.invoke('session:connect', { athleteId: bare, apiKey: h.sim.apiKey }))
    expect(status).toMatchObject({ state: 'connected', athleteId: h.sim.coachId })
    expect(await h.secrets.accounts()).toEqual([h.sim.coachId])
  })

  it('still says a wrong key is refused', async () => {
    const r = await h.core.invoke('session:testConnection', { athleteId: h.sim.coachId, apiKey: 'not-the-key-123' })
    expect(r).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID', message: expect.stringMatching(/refused this API key/) } })
  })
})

describe('the rules', () => {
  it('takes i12345 and 12345 for the same athlete', () => {
    expect(sameAthlete('i12345', '12345')).toBe(true)
    expect(sameAthlete('i12345', 'I12345')).toBe(true)
    expect(sameAthlete('i12345', 'i123456')).toBe(false)
  })

  it('says whose key it is and whose id was typed, or that the id is not the owner’s', () => {
    expect(notTheOwner({ id: 'i1', name: 'Dana Reyes' }, { id: 'i9', name: null })).toBe(
      'This key belongs to Dana Reyes (i1); you entered i9, which is not this key\'s owner. Enter i1 to connect as yourself.',
    )
  })
})

// The service itself over loopback to the simulator, with a keychain the test can break and a log that
// remembers what it was asked to scrub.
describe('the session service', () => {
  const PROBLEM = 'No keychain: install gnome-keyring.'
  let sim: SimHandle
  let keychain: BreakableKeychain
  let log: RecordingLog
  let changes: SessionStatus[]
  let demos: SimHandle[]
  let session: SessionService

  beforeEach(async () => {
    sim = await startSim({ rateLimit: false })
    // A coach with a first and last name but no display name: the session joins the two.
    Object.assign(sim.state.coach.athlete, { name: null, firstname: 'Dana', lastname: 'Reyes' })
    keychain = new BreakableKeychain()
    log = new RecordingLog()
    changes = []
    demos = []
    session = new SessionService({
      keychain,
      baseUrl: sim.url,
      log,
      limiter: { perSecond: 100, burst: 100, maxInFlight: 8 },
      startDemo: async () => {
        const demo = await startSim({ rateLimit: false })
        demos.push(demo)
        return demo
      },
      onChange: (s) => changes.push(s),
    })
  })
  afterEach(async () => {
    await session.dispose()
    await sim.close()
    for (const d of demos) await d.close().catch(() => {})
  })

  it('starts disconnected: no client, no coach, no server, and asks for a connection before any request', () => {
    expect(session.status()).toEqual({
      state: 'disconnected',
      athleteId: null,
      name: null,
      keyStorage: null,
      keychain: { available: true, problem: null },
      server: null,
    })
    expect(() => session.http()).toThrow(expect.objectContaining({ code: 'AUTH_MISSING', message: 'Connect your intervals.icu account or open the demo first.' }))
    expect(() => session.coachId()).toThrow(expect.objectContaining({ code: 'AUTH_MISSING', message: 'Connect your intervals.icu account or open the demo first.' }))
  })

  it('at start reconnects with the key kept in the keychain, and names the coach from intervals.icu', async () => {
    await keychain.set(sim.coachId, sim.apiKey)
    const status = await session.restore()
    expect(status).toEqual({
      state: 'connected',
      athleteId: sim.coachId,
      name: 'Dana Reyes',
      keyStorage: 'keychain',
      keychain: { available: true, problem: null },
      server: sim.url,
    })
    expect(changes).toEqual([status])
    expect(session.coachId()).toBe(sim.coachId)
    expect(session.generation).toBe(1)
    expect(sim.requests.map((r) => r.path)).toEqual([`/api/v1/athlete/${sim.coachId}`])
  })

  it('at start stays disconnected, sending nothing, with no key kept or a key for no account', async () => {
    expect(await session.restore()).toMatchObject({ state: 'disconnected', athleteId: null })
    await keychain.set(sim.coachId, '')
    expect(await session.restore()).toMatchObject({ state: 'disconnected', athleteId: null })
    expect(changes).toEqual([])
    expect(sim.requests).toEqual([])
  })

  it('at start stays connected when intervals.icu cannot be reached for the name, and logs why', async () => {
    await keychain.set(sim.coachId, sim.apiKey)
    sim.addFault({ path: `/api/v1/athlete/${sim.coachId}`, status: 500 })
    const status = await session.restore()
    expect(status).toMatchObject({ state: 'connected', athleteId: sim.coachId, name: null, keyStorage: 'keychain' })
    expect(changes).toEqual([status])
    expect(log.lines).toContainEqual({ level: 'warn', event: 'session.restore.name_failed', fields: { code: 'SERVER' } })
  })

  it('at start says the keychain is unavailable, with its reason, and reads no key', async () => {
    keychain.problemText = PROBLEM
    await keychain.set(sim.coachId, sim.apiKey)
    expect(await session.restore()).toMatchObject({ state: 'disconnected', keychain: { available: false, problem: PROBLEM } })
    expect(keychain.reads).toBe(0)
    expect(log.lines).toContainEqual({ level: 'warn', event: 'keychain.unavailable', fields: undefined })
  })

  it('at start takes a keychain that fails after answering the probe for an unavailable one; other failures are not hidden', async () => {
    keychain.failReads = new AppError('KEYCHAIN_UNAVAILABLE', 'The keychain is locked.', 'dbus: locked')
    expect(await session.restore()).toMatchObject({ state: 'disconnected', keychain: { available: false, problem: 'The keychain is locked.' } })
    expect(log.lines).toContainEqual({ level: 'warn', event: 'keychain.unavailable', fields: { detail: 'dbus: locked' } })

    keychain.failReads = new AppError('INTERNAL', 'Something else.')
    await expect(session.restore()).rejects.toMatchObject({ code: 'INTERNAL' })
    keychain.failReads = new Error('not an app error')
    await expect(session.restore()).rejects.toThrow('not an app error')
  })

  it('connects: keeps only this account’s key in the keychain, scrubs the key from the log, and says so', async () => {
    await keychain.set('i999', 'someone-elses-key')
    const status = await session.connect(sim.coachId, sim.apiKey, 'keychain')
    expect(status).toEqual({
      state: 'connected',
      athleteId: sim.coachId,
      name: 'Dana Reyes',
      keyStorage: 'keychain',
      keychain: { available: true, problem: null },
      server: sim.url,
    })
    expect(await keychain.accounts()).toEqual([sim.coachId])
    expect(await keychain.get(sim.coachId)).toBe(sim.apiKey)
    expect(changes).toEqual([status])
    expect(log.redacted).toContain(sim.apiKey)
    expect(log.redacted).toContain(Buffer.from(`API_KEY:${sim.apiKey}`).toString('base64'))
    expect(log.lines).toContainEqual({ level: 'info', event: 'session.connected', fields: { athleteId: sim.coachId, storage: 'keychain' } })
  })

  it('connects with the key kept in memory only: the keychain is neither asked nor written', async () => {
    keychain.problemText = PROBLEM
    const status = await session.connect(sim.coachId, sim.apiKey, 'memory')
    expect(status).toMatchObject({ state: 'connected', keyStorage: 'memory', keychain: { available: true, problem: null } })
    expect(keychain.writes).toBe(0)
    // The memory key is forgotten on disconnect, and the keychain still is not touched.
    expect(await session.disconnect()).toMatchObject({ state: 'disconnected', keyStorage: null })
    expect(keychain.writes).toBe(0)
  })

  it('refuses to keep a key in a keychain that is unavailable, and stays disconnected', async () => {
    keychain.problemText = PROBLEM
    await expect(session.connect(sim.coachId, sim.apiKey, 'keychain')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: PROBLEM })
    expect(keychain.writes).toBe(0)
    expect(session.status()).toMatchObject({ state: 'disconnected', keychain: { available: false, problem: PROBLEM } })
  })

  it('disconnects: deletes the kept key, forgets the coach, and tells caches the account changed', async () => {
    await session.connect(sim.coachId, sim.apiKey, 'keychain')
    const before = session.generation
    const status = await session.disconnect()
    expect(status).toEqual({ state: 'disconnected', athleteId: null, name: null, keyStorage: null, keychain: { available: true, problem: null }, server: null })
    expect(await keychain.accounts()).toEqual([])
    expect(session.generation).toBe(before + 1)
    expect(changes.at(-1)).toEqual(status)
    expect(() => session.http()).toThrow(expect.objectContaining({ code: 'AUTH_MISSING' }))
    expect(log.lines).toContainEqual({ level: 'info', event: 'session.disconnected', fields: undefined })
  })

  it('opens the demo once, as the demo coach, and closes it when the coach connects for real', async () => {
    const status = await session.openDemo()
    expect(demos).toHaveLength(1)
    const demo = demos[0]!
    expect(status).toMatchObject({ state: 'demo', athleteId: demo.coachId, keyStorage: null, server: 'demo' })
    expect(status.name).toBe(`${demo.state.coach.athlete.firstname} ${demo.state.coach.athlete.lastname}`)
    expect(await session.openDemo()).toEqual(status)
    expect(demos).toHaveLength(1)
    expect(log.redacted).toContain(demo.apiKey)

    await session.connect(sim.coachId, sim.apiKey, 'memory')
    // The demo's server is closed: it no longer answers.
    await expect(fetch(`${demo.url}/api/v1/athlete/0`)).rejects.toThrow()
    expect(session.status()).toMatchObject({ state: 'connected', server: sim.url })
  })

  it('names the demo coach "Demo coach" when the demo has no name for them', async () => {
    session = new SessionService({
      keychain,
      baseUrl: sim.url,
      log,
      limiter: { perSecond: 100, burst: 100, maxInFlight: 8 },
      startDemo: async () => {
        const demo = await startSim({ rateLimit: false })
        Object.assign(demo.state.coach.athlete, { name: null, firstname: null, lastname: null })
        demos.push(demo)
        return demo
      },
      onChange: () => {},
    })
    expect(await session.openDemo()).toMatchObject({ state: 'demo', name: 'Demo coach' })
  })

  it('tests a key with the id alone when intervals.icu does not say who owns it', async () => {
    sim.addFault({ path: '/api/v1/athlete/0', status: 500 })
    expect(await session.test(sim.coachId, sim.apiKey)).toEqual({ athleteId: sim.coachId, name: 'Dana Reyes' })
    expect(await keychain.accounts()).toEqual([])
  })

  it('passes on a failure that is not about the key (a server error) as it is', async () => {
    sim.addFault({ path: /^\/api\/v1\/athlete\//, status: 500 })
    await expect(session.test(sim.coachId, sim.apiKey)).rejects.toMatchObject({ code: 'SERVER' })
  })

  it('says a refused key is refused, whichever of the id or the key intervals.icu turned down', async () => {
    for (const status of [401, 403, 404]) {
      sim.clearFaults()
      sim.addFault({ path: /^\/api\/v1\/athlete\//, status })
      await expect(session.test(sim.coachId, sim.apiKey)).rejects.toMatchObject({
        code: 'AUTH_INVALID',
        message: `intervals.icu refused this API key for athlete ${sim.coachId}. Check both in intervals.icu under Settings → Developer Settings.`,
      })
    }
  })

  it('names the account by its id when intervals.icu gives no name, and by a last name alone when that is all', async () => {
    Object.assign(sim.state.coach.athlete, { firstname: null, lastname: null })
    expect(await session.test(sim.coachId, sim.apiKey)).toEqual({ athleteId: sim.coachId, name: sim.coachId })
    sim.addFault({ path: '/api/v1/athlete/0', status: 500 })
    expect(await session.test(sim.coachId, sim.apiKey)).toEqual({ athleteId: sim.coachId, name: sim.coachId })
    sim.clearFaults()
    Object.assign(sim.state.coach.athlete, { lastname: 'Reyes' })
    expect(await session.test(sim.coachId, sim.apiKey)).toEqual({ athleteId: sim.coachId, name: 'Reyes' })
  })

  it('scrubs a key from the log as soon as it is tested, before anything is kept', async () => {
    await expect(session.test(sim.coachId, 'wrong-key-for-this-test')).rejects.toMatchObject({ code: 'AUTH_INVALID', detail: `HTTP 403 /athlete/${sim.coachId}: Access denied` })
    expect(log.redacted).toContain('wrong-key-for-this-test')
    expect(log.redacted).toContain(Buffer.from('API_KEY:wrong-key-for-this-test').toString('base64'))
  })

  it('refuses the coach’s key for someone they do not coach, saying the id typed is not the key’s owner', async () => {
    await expect(session.test(UNCOACHED_ATHLETE_ID, sim.apiKey)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `This key belongs to Dana Reyes (${sim.coachId}); you entered ${UNCOACHED_ATHLETE_ID}, which is not this key's owner. Enter ${sim.coachId} to connect as yourself.`,
    })
  })

  it('at start reads no key when none is kept', async () => {
    await session.restore()
    expect(keychain.gets).toBe(0)
  })

  it('retries a request that took longer than the time allowed, and tells the window it is retrying', async () => {
    const notices: RetryNotice[] = []
    const patient = new SessionService({
      keychain,
      baseUrl: sim.url,
      log,
      limiter: { perSecond: 100, burst: 100, maxInFlight: 8 },
      timeoutMs: 300,
      startDemo: () => Promise.reject(new Error('no demo')),
      onChange: () => {},
      onRetry: (n) => notices.push(n),
    })
    await keychain.set(sim.coachId, sim.apiKey)
    sim.addFault({ path: `/api/v1/athlete/${sim.coachId}`, delayMs: 1500, times: 1 })
    expect(await patient.restore()).toMatchObject({ state: 'connected', name: 'Dana Reyes' })
    expect(notices).toEqual([expect.objectContaining({ attempt: 1, reason: 'TIMEOUT' })])
  })

  it('closes the demo when the app closes', async () => {
    await session.openDemo()
    expect(log.lines).toContainEqual({ level: 'info', event: 'session.demo', fields: { url: demos[0]!.url } })
    await session.dispose()
    await expect(fetch(`${demos[0]!.url}/api/v1/athlete/0`)).rejects.toThrow()
  })

  it('stops waiting for the previous account when the coach connects, disconnects or opens the demo', async () => {
    const slow = new SessionService({
      keychain,
      baseUrl: sim.url,
      log,
      // Two tokens at once, then one a second: connecting takes the two, what is queued after waits.
      limiter: { perSecond: 1, burst: 2, maxInFlight: 1 },
      startDemo: async () => {
        const demo = await startSim({ rateLimit: false })
        demos.push(demo)
        return demo
      },
      onChange: () => {},
    })
    for (const next of [() => slow.connect(sim.coachId, sim.apiKey, 'memory'), () => slow.disconnect(), () => slow.openDemo()]) {
      await slow.connect(sim.coachId, sim.apiKey, 'memory')
      const queued = [0, 1, 2].map(() => getAthlete(slow.http(), sim.coachId).then(() => 'sent', (e: AppError) => e.code))
      await new Promise((r) => setTimeout(r, 20))
      await next()
      // The first may have had the refilled token; the last two were still waiting.
      expect((await Promise.all(queued)).slice(1)).toEqual(['CANCELLED', 'CANCELLED'])
    }
    await slow.dispose()
  })

  it('stops waiting: requests queued behind the rate limit fail as cancelled, unsent, and the count is logged', async () => {
    const slow = new SessionService({
      keychain,
      baseUrl: sim.url,
      log,
      // Two tokens for the two requests of connecting; the next waits minutes for a token.
      limiter: { perSecond: 0.01, burst: 2, maxInFlight: 1 },
      startDemo: async () => {
        throw new Error('no demo here')
      },
      onChange: () => {},
    })
    await slow.connect(sim.coachId, sim.apiKey, 'memory')
    const sent = sim.requests.length
    const queued = [getAthlete(slow.http(), sim.coachId), getAthlete(slow.http(), sim.coachId)]
    await new Promise((r) => setTimeout(r, 50))
    expect(slow.stopWaiting()).toEqual({ cancelled: 2 })
    for (const q of queued) await expect(q).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(sim.requests.length).toBe(sent)
    expect(log.lines).toContainEqual({ level: 'info', event: 'session.stopWaiting', fields: { cancelled: 2 } })
    expect(slow.stopWaiting()).toEqual({ cancelled: 0 })
    expect(log.lines.filter((l) => l.event === 'session.stopWaiting')).toHaveLength(1)
  })
})

/** A keychain that can be unavailable, or fail after answering the probe. */
class BreakableKeychain extends MemorySecretStore {
  problemText: string | null = null
  failReads: Error | null = null
  reads = 0
  gets = 0
  writes = 0
  override async get(account: string): Promise<string | null> {
    this.gets++
    return super.get(account)
  }
  override async problem(): Promise<string | null> {
    return this.problemText
  }
  override async accounts(): Promise<string[]> {
    this.reads++
    if (this.failReads) throw this.failReads
    return super.accounts()
  }
  override async set(account: string, secret: string): Promise<void> {
    this.writes++
    return super.set(account, secret)
  }
  override async delete(account: string): Promise<boolean> {
    this.writes++
    return super.delete(account)
  }
}

/** Remembers every line and every secret it was told to scrub. */
class RecordingLog implements Logger {
  lines: { level: string; event: string; fields: Record<string, unknown> | undefined }[] = []
  redacted: string[] = []
  debug(event: string, fields?: Record<string, unknown>) { this.lines.push({ level: 'debug', event, fields }) }
  info(event: string, fields?: Record<string, unknown>) { this.lines.push({ level: 'info', event, fields }) }
  warn(event: string, fields?: Record<string, unknown>) { this.lines.push({ level: 'warn', event, fields }) }
  error(event: string, fields?: Record<string, unknown>) { this.lines.push({ level: 'error', event, fields }) }
  redact(secret: string) { this.redacted.push(secret) }
}
