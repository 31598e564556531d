import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, DEFAULT_LIMITER, type Core, type CoreOptions } from '../src-main/core'
import { silentLogger } from '../src-main/log'
import { MemorySecretStore } from '../src-main/secrets/memory'
import { startSim, type SimHandle, type SimOptions } from '../src-main/sim'

export interface BenchRow {
  scenario: string
  /** Requests the app made (in the last run). */
  requests: number
  requestTarget: string
  /** The requests a minimal client needs for the same result: the floor is computed from these. */
  minimalRequests?: number
  naiveRequests: number | null
  /** The median over `runs` runs. */
  ms: number
  /** The floor: the minimal requests at the service's own limits (see floorMs), or another reference named in the row. */
  boundMs: number
  ratio: number
  target: string
  pass: boolean
  /** 429 answers the simulator gave over all runs: each one is time lost. */
  rateLimited?: number
  runs?: number
  note?: string
}

export interface Connected {
  core: Core
  sim: SimHandle
  events: { event: string; payload: unknown }[]
  close(): Promise<void>
}

/** The simulator's own limit, as intervals.icu's: 10 a second, a burst of 20. */
export const SERVICE_LIMIT = { perSecond: 10, burst: 20 }
/**
 * What intervals.icu documents, and so what a client can count on: "10/s per IP address with a
 * short burst multiplier" (its developer on the forum; the burst's size is not stated, and public
 * clients guess 20 to 30). The client keeps to 10 a second with a burst of one second's worth
 * (DEFAULT_LIMITER): a bigger burst that the live service does not grant costs 429s, each of which
 * pauses every request. The floor is computed at this limit; the simulator's burst of 20 is one
 * reading of the undocumented part, and each row's note gives the floor there too.
 */
export const DOCUMENTED_LIMIT = { perSecond: DEFAULT_LIMITER.perSecond, burst: DEFAULT_LIMITER.burst }
/** The client's cap on requests in flight, part of what any client of this app must live with. */
export const CLIENT_IN_FLIGHT = DEFAULT_LIMITER.maxInFlight

/** The real core, connected to a simulator with injected latency and the service's rate limit. */
export async function connectedCore(sim: SimOptions, options: Partial<CoreOptions> = {}): Promise<Connected> {
  const s = await startSim({ rateLimit: SERVICE_LIMIT, ...sim })
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

/**
 * The floor for a job: the fewest milliseconds a client needs at the documented limit (token bucket:
 * burst, then the sustained rate) with at most CLIENT_IN_FLIGHT requests in flight, each answered
 * after `latencyMs`. `chains[i]` lists one athlete's requests stage by stage ([1, 1]: a read, then
 * a write that needs its answer; [2]: two requests side by side). Requests start greedily, earliest
 * ready first. Give it the requests a minimal client would need, not the ones the app made, so an
 * avoidable request shows in the ratio instead of raising the floor.
 */
export function floorMs(chains: number[][], latencyMs: number, limit = DOCUMENTED_LIMIT, inFlight = CLIENT_IN_FLIGHT): number {
  const left = chains.map((c) => [...c])
  const chainEnd = chains.map(() => 0)
  const pending: { chain: number; stage: number; ready: number }[] = []
  const enqueue = (chain: number, from: number, ready: number) => {
    let stage = from
    while (stage < left[chain]!.length && left[chain]![stage] === 0) stage++
    for (let n = 0; n < (left[chain]![stage] ?? 0); n++) pending.push({ chain, stage, ready })
  }
  chains.forEach((_, i) => enqueue(i, 0, 0))
  const ends: number[] = []
  let tokens = limit.burst
  let tokensAt = 0
  let last = 0
  let finish = 0
  while (pending.length) {
    pending.sort((a, b) => a.ready - b.ready)
    const next = pending.shift()!
    let t = Math.max(next.ready, last)
    const active = ends.filter((e) => e > t).sort((a, b) => a - b)
    if (active.length >= inFlight) t = active[active.length - inFlight]!
    tokens = Math.min(limit.burst, tokens + ((t - tokensAt) / 1000) * limit.perSecond)
    if (tokens < 1) {
      t += ((1 - tokens) / limit.perSecond) * 1000
      tokens = 1
    }
    tokens -= 1
    tokensAt = t
    last = t
    const end = t + latencyMs
    ends.push(end)
    finish = Math.max(finish, end)
    chainEnd[next.chain] = Math.max(chainEnd[next.chain]!, end)
    if (--left[next.chain]![next.stage]! === 0) enqueue(next.chain, next.stage + 1, chainEnd[next.chain]!)
  }
  return finish
}

/** The floor at the simulator's burst, which the client does not count on, and the ratio to it: for the note. */
export function serviceFloorNote(chains: number[][], latencyMs: number, ms: number): string {
  const at = floorMs(chains, latencyMs, SERVICE_LIMIT)
  return `floor at the simulator's burst of ${SERVICE_LIMIT.burst} (undocumented): ${at.toFixed(0)} ms, ${(ms / at).toFixed(2)}x`
}

/** n requests side by side, none depending on another. */
export function independent(n: number): number[][] {
  return Array.from({ length: n }, () => [1])
}

/** The middle value, or the mean of the two middle ones; NaN for no values at all. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const upper = sorted[mid]
  const lower = sorted[mid - 1]
  if (upper === undefined) return Number.NaN
  return sorted.length % 2 || lower === undefined ? upper : (lower + upper) / 2
}

export interface Run<T> {
  ms: number
  requests: number
  rateLimited: number
  value: T
}

/**
 * Runs a timed job `runs` times, each on a fresh setup (a new simulator and core: nothing cached,
 * both buckets full), and answers every run; the rows report the median.
 */
export async function repeat<S, T>(
  runs: number,
  setup: () => Promise<S & { c: Connected }>,
  job: (s: S & { c: Connected }) => Promise<T>,
): Promise<Run<T>[]> {
  const out: Run<T>[] = []
  for (let i = 0; i < runs; i++) {
    const s = await setup()
    try {
      s.c.sim.resetRequests()
      const t0 = performance.now()
      const value = await job(s)
      const ms = performance.now() - t0
      out.push({ ms, requests: s.c.sim.requests.length, rateLimited: s.c.sim.requests.filter((r) => r.status === 429).length, value })
    } finally {
      await s.c.close()
    }
  }
  return out
}

/** Lets both buckets refill, as after a coach's pause. */
export function refill(): Promise<void> {
  return new Promise((r) => setTimeout(r, (SERVICE_LIMIT.burst / SERVICE_LIMIT.perSecond) * 1000 + 200))
}

/** The contract's envelope unwrapped for a scenario. */
export async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(r.error?.message)
  return r.value as T
}
