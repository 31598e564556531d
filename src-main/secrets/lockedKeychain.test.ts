import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { coreHarness, type CoreHarness } from '../testing/core'
import { startPrivateKeyring, type PrivateKeyring } from '../testing/privateKeyring'
import { IsolatedKeychainStore } from './isolatedKeychain'
import { KEYCHAIN_WORKER_SOURCE, nodeKeychainWorker } from './nodeKeychainWorker'

// The real GNOME Keyring, in a D-Bus session of this test's own, holding the coach's key in a
// collection that is then locked. keytar crashes natively (SIGSEGV, `secret_value_get_text:
// assertion 'value' failed`) when it lists a locked collection; the app must live on and offer to
// keep the key for this session only.
// GNOME Keyring is Linux's; macOS and Windows keychains have no such locked, crashing state.
describe.skipIf(process.platform !== 'linux')('a locked keychain holding the key', () => {
  let keyring: PrivateKeyring
  let store: IsolatedKeychainStore
  let h: CoreHarness

  beforeAll(async () => {
    keyring = await startPrivateKeyring()
    store = new IsolatedKeychainStore(nodeKeychainWorker(KEYCHAIN_WORKER_SOURCE, { env: keyring.env }), {
      service: `Coach Desk locked test ${process.pid}`,
    })
    h = await coreHarness({ secrets: store })
    // Stored while the keyring was open, as on the day the coach connected.
    await store.set(h.sim.coachId, h.sim.apiKey)
    expect(await store.get(h.sim.coachId)).toBe(h.sim.apiKey)
    keyring.lock()
  }, 30_000)

  afterAll(async () => {
    store?.close()
    await h?.close()
    await keyring?.close()
  })

  it('crashes the keychain process, not this one', async () => {
    await expect(store.accounts()).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', detail: expect.stringMatching(/SIGSEGV/) })
    expect(process.exitCode ?? 0).toBe(0)
  })

  it('starts disconnected with the keychain reported unavailable', async () => {
    await h.core.start()
    const status = await h.core.invoke('session:status', {})
    expect(status).toMatchObject({
      ok: true,
      value: { state: 'disconnected', keychain: { available: false, problem: expect.stringMatching(/locked/) } },
    })
  })

  it('refuses to store the key there with KEYCHAIN_UNAVAILABLE, then keeps it for this session only', async () => {
    const refused = await h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey, storage: 'keychain' })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/keep the key for this session only/) },
    })
    const kept = await h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey, storage: 'memory' })
    expect(kept).toMatchObject({ ok: true, value: { state: 'connected', keyStorage: 'memory' } })
    expect(await h.core.invoke('roster:list', {})).toMatchObject({ ok: true })
    expect(readFileSync(h.logFile, 'utf8')).not.toContain(h.sim.apiKey)
  })
})
