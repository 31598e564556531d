import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { coreHarness, type CoreHarness } from './testing/core'
import { MemorySecretStore } from './secrets/memory'

// A distinctive key: if any byte path carries it somewhere it should not go, this finds it.
let h: CoreHarness
const results: unknown[] = []

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? filesUnder(p) : [p]
  })
}

beforeAll(async () => {
  h = await coreHarness({ secrets: new MemorySecretStore() })
})
afterAll(() => h.close())

describe('the API key stays in main', () => {
  it('appears in no IPC result, renderer event, log line or file after a session of use', async () => {
    const key = h.sim.apiKey
    const call = async (channel: string, args: unknown) => {
      const r = await h.core.invoke(channel, args)
      results.push(r)
      return r
    }
    await call('session:testConnection', { athleteId: h.sim.coachId, apiKey: key })
    await call('session:connect', { athleteId: h.sim.coachId, apiKey: key })
    await call('session:status', {})
    const roster = (await call('roster:list', {})) as { ok: true; value: { athletes: { id: string }[] } }
    const ids = roster.value.athletes.map((a) => a.id)
    await call('roster:weekDetails', { athleteIds: ids.slice(0, 3) })
    await call('athlete:get', { athleteId: ids[1] })
    await call('athlete:activities', { athleteId: ids[1], oldest: '2026-01-01' })
    // Failures log details; make some happen.
    h.sim.addFault({ status: 500, times: 8 })
    await call('athlete:get', { athleteId: ids[2] })
    h.sim.clearFaults()
    await call('athlete:get', { athleteId: 'i999999' })
    await call('session:connect', { athleteId: h.sim.coachId, apiKey: `${key}-wrong` })

    expect(results.length).toBeGreaterThan(8)
    expect((roster as { ok: boolean }).ok).toBe(true)
    for (const r of results) expect(JSON.stringify(r)).not.toContain(key)
    expect(h.events.length).toBeGreaterThan(0)
    for (const e of h.events) expect(JSON.stringify(e)).not.toContain(key)
    const log = readFileSync(h.logFile, 'utf8')
    expect(log.split('\n').length).toBeGreaterThan(10)
    expect(log).not.toContain(key)
    expect(log).not.toContain(Buffer.from(`API_KEY:${key}`).toString('base64'))
    for (const file of filesUnder(h.dataDir)) expect(readFileSync(file, 'utf8'), file).not.toContain(key)
  })
})
