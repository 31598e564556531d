import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core, type CoreOptions } from '../src-main/core'
import { silentLogger } from '../src-main/log'
import { MemorySecretStore } from '../src-main/secrets/memory'
import { startSim, type SimHandle, type SimOptions } from '../src-main/sim'

export interface BenchRow {
  scenario: string
  requests: number
  requestTarget: string
  naiveRequests: number | null
  ms: number
  boundMs: number
  ratio: number
  target: string
  pass: boolean
  note?: string
}

export interface Connected {
  core: Core
  sim: SimHandle
  events: { event: string; payload: unknown }[]
  close(): Promise<void>
}

/** The real core, connected to a simulator with injected latency and the real rate limit. */
export async function connectedCore(sim: SimOptions, options: Partial<CoreOptions> = {}): Promise<Connected> {
  const s = await startSim({ rateLimit: { perSecond: 10, burst: 20 }, ...sim })
  const events: { event: string; payload: unknown }[] = []
  const dataDir = mkdtempSync(join(tmpdir(), 'coach-desk-bench-'))
  const core = createCore({
    secrets: new MemorySecretStore(),
    baseUrl: s.url,
    log: silentLogger,
    emit: (event, payload) => events.push({ event, payload }),
    startDemo: () => startSim(),
    dataDir,
    ...options,
  })
  const r = await core.invoke('session:connect', { athleteId: s.coachId, apiKey: s.apiKey, storage: 'memory' })
  if (!r.ok) throw new Error(`connect failed: ${r.error.message}`)
  s.resetRequests()
  const close = async () => {
    await core.dispose()
    await s.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  return { core, sim: s, events, close }
}

/** Lower bound for n requests at the service's limit: the burst goes at once, the rest at the sustained rate. */
export function rateBoundMs(requests: number, latencyMs: number, perSecond = 10, burst = 10): number {
  return Math.max(0, requests - burst) * (1000 / perSecond) + latencyMs
}
