import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Channel } from '../contract/channels'
import type { RosterList } from '../contract/schemas'
import { contract, eventPayloads } from '../contract/schemas'
import { createCore, type Core, type CoreOptions } from '../core'
import { createLogger } from '../log'
import { MemorySecretStore } from '../secrets/memory'
import type { SecretStore } from '../secrets/store'
import { startSim, type SimHandle, type SimOptions } from '../sim'
import { checkRequest } from '../sim/requestCheck'

export interface CoreHarness {
  core: Core
  sim: SimHandle
  secrets: SecretStore
  events: { event: string; payload: unknown }[]
  dataDir: string
  logFile: string
  close(): Promise<void>
}

/** The real core wired to a simulator over loopback, a memory keychain and a log file in a temp folder. */
export async function coreHarness(opts: { sim?: SimOptions; secrets?: SecretStore; core?: Partial<CoreOptions> } = {}): Promise<CoreHarness> {
  // Every request the app sends is checked against the OpenAPI document; a test fails on one that breaks it.
  const offDocument: string[] = []
  const sim = await startSim({ rateLimit: { perSecond: 100, burst: 100 }, ...opts.sim, onRequest: (r) => offDocument.push(...checkRequest(r)) })
  const secrets = opts.secrets ?? new MemorySecretStore()
  const dataDir = opts.core?.dataDir ?? mkdtempSync(join(tmpdir(), 'coach-desk-core-'))
  const logFile = join(dataDir, 'logs', 'main.log')
  const events: { event: string; payload: unknown }[] = []
  const inner = createCore({
    secrets,
    baseUrl: sim.url,
    log: createLogger({ file: logFile, minLevel: 'debug' }),
    // Every event main sends must match its payload schema in the contract.
    emit: (event, payload) => {
      eventPayloads[event].parse(payload)
      events.push({ event, payload })
    },
    startDemo: () => startSim(),
    limiter: { perSecond: 100, burst: 100 },
    dataDir,
    ...opts.core,
  })
  // Every answer the services give must match its channel's result schema in the contract.
  const core: Core = {
    ...inner,
    async invoke(channel, args, ctx) {
      const r = await inner.invoke(channel, args, ctx)
      if (r.ok) contract[channel as Channel].result.parse(r.value)
      return r
    },
  }
  return {
    core,
    sim,
    secrets,
    events,
    dataDir,
    logFile,
    async close() {
      await core.dispose()
      await sim.close()
      // A data folder handed in belongs to whoever made it (a restarted core shares one).
      if (!opts.core?.dataDir) rmSync(dataDir, { recursive: true, force: true })
      if (offDocument.length) throw new Error(`Requests that break the OpenAPI document:\n${[...new Set(offDocument)].join('\n')}`)
    },
  }
}

/** The value of a contract answer, or a thrown error carrying its code and message. */
export async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.value as T
}

/** A harness connected as the simulator's coach, with the roster as the app lists it. */
export async function connectedHarness(opts: Parameters<typeof coreHarness>[0] = {}): Promise<{ h: CoreHarness; roster: RosterList }> {
  const h = await coreHarness(opts)
  await ok(h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey }))
  return { h, roster: await ok<RosterList>(h.core.invoke('roster:list', {})) }
}
