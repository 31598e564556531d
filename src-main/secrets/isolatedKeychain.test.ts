import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { IsolatedKeychainStore } from './isolatedKeychain'
import { nodeKeychainWorker } from './nodeKeychainWorker'

// A stand-in worker process that misbehaves on request: the account name says how. Every answer
// carries the worker's pid, so a test can tell a restarted worker from the first one.
const FAKE_WORKER = `
const keys = new Map()
process.on('message', (req) => {
  const reply = (value) => process.send({ id: req.id, ok: true, value })
  if (req.op === 'set') { keys.set(req.account, req.secret); return reply(null) }
  if (req.op === 'accounts') return reply([...keys.keys()])
  if (req.op === 'delete') return reply(keys.delete(req.account))
  switch (req.account) {
    case 'segfault': return process.kill(process.pid, 'SIGSEGV')
    case 'abort': return process.abort()
    case 'exit': return process.exit(3)
    case 'hang': return
    case 'refuse': return process.send({ id: req.id, ok: false, message: 'Unlock your keychain.', detail: 'org.freedesktop.DBus.Error' })
    case 'garbage': return reply(42)
    case 'whereabouts': return reply(JSON.stringify({ argv: process.argv, execArgv: process.execArgv, env: process.env }))
    default: return reply(keys.get(req.account) ?? 'pid:' + process.pid)
  }
})
process.on('disconnect', () => process.exit(0))
`

const dir = mkdtempSync(join(tmpdir(), 'coach-desk-fake-keychain-'))
const entry = join(dir, 'fake-worker.mjs')
writeFileSync(entry, FAKE_WORKER)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('IsolatedKeychainStore', () => {
  let store: IsolatedKeychainStore
  afterEach(() => store?.close())

  it('carries requests to the worker and back', async () => {
    store = new IsolatedKeychainStore(nodeKeychainWorker(entry))
    await store.set('i1', 'secret-key-1')
    expect(await store.get('i1')).toBe('secret-key-1')
    expect(await store.accounts()).toEqual(['i1'])
    expect(await store.delete('i1')).toBe(true)
    expect(await store.problem()).toBeNull()
  })

  it.each(['segfault', 'abort', 'exit'])('turns a worker that ends (%s) into KEYCHAIN_UNAVAILABLE and starts a new one next time', async (how) => {
    store = new IsolatedKeychainStore(nodeKeychainWorker(entry))
    const before = await store.get('who')
    await expect(store.get(how)).rejects.toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
      message: expect.stringMatching(/keep the key for this session only/),
      detail: how === 'exit' ? expect.stringMatching(/code 3/) : expect.stringMatching(how === 'segfault' ? /SIGSEGV/ : /SIGABRT/),
    })
    const after = await store.get('who')
    expect(after).toMatch(/^pid:\d+$/)
    expect(after).not.toBe(before)
  })

  it('gives up on a worker that hangs after its timeout, kills it, and answers again from a new one', async () => {
    store = new IsolatedKeychainStore(nodeKeychainWorker(entry), { timeoutMs: 300 })
    const before = await store.get('who')
    const started = Date.now()
    // Every call still waiting on the hung worker fails with it rather than waiting on a killed process.
    const [hung, behind] = await Promise.allSettled([store.get('hang'), store.get('hang')])
    expect(Date.now() - started).toBeLessThan(5_000)
    for (const r of [hung, behind]) {
      expect(r).toMatchObject({ status: 'rejected', reason: { code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/did not answer within/) } })
    }
    const pid = Number(before!.slice(4))
    await expect.poll(() => isAlive(pid), { timeout: 3_000 }).toBe(false)
    expect(await store.get('who')).not.toBe(before)
  })

  it('reports a problem instead of throwing when the worker crashes on the probe', async () => {
    store = new IsolatedKeychainStore(nodeKeychainWorker(join(dir, 'missing.mjs')))
    expect(await store.problem()).toMatch(/keychain could not be read/)
  })

  it("passes on the keychain's own refusal and rejects malformed answers", async () => {
    store = new IsolatedKeychainStore(nodeKeychainWorker(entry))
    await expect(store.get('refuse')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: 'Unlock your keychain.' })
    await expect(store.get('garbage')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' })
  })

  it("never puts the key in the worker's argv or environment", async () => {
    store = new IsolatedKeychainStore(nodeKeychainWorker(entry))
    await store.set('i1', 'secret-key-in-transit')
    const seen = await store.get('whereabouts')
    expect(seen).toContain('"argv"')
    expect(seen).not.toContain('secret-key-in-transit')
  })
})

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
