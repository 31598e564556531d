import type { AttentionList } from '../../src-main/contract/attention'
import { connectedCore, floorMs, independent, refill, serviceFloorNote, type BenchRow } from '../harness'

const LATENCY = 80
const ATHLETES = 50

/**
 * A refresh of attention data for 50 athletes (the roster already loaded): one events, one
 * activities and one wellness read per athlete and one chats read, side by side at the service's
 * limit, no 429. Done every quarter of an hour while the app is open: about 0.17 requests a second.
 */
export async function attentionBench(): Promise<BenchRow[]> {
  const c = await connectedCore({ athletes: ATHLETES, latencyMs: LATENCY })
  try {
    const roster = await c.core.invoke('roster:list', {})
    if (!roster.ok) throw new Error(roster.error.message)
    await refill()
    c.sim.resetRequests()
    const t0 = performance.now()
    const r = await c.core.invoke('attention:list', {})
    const ms = performance.now() - t0
    if (!r.ok) throw new Error(r.error.message)
    const list = r.value as AttentionList
    const requests = c.sim.requests.length
    const count = (suffix: string) => c.sim.requests.filter((q) => q.path.endsWith(suffix)).length
    const kinds = `${count('/events')} events + ${count('/activities')} activities + ${count('/wellness')} wellness + ${count('/chats')} chats`
    const rateLimited = c.sim.requests.filter((q) => q.status === 429).length
    c.sim.resetRequests()
    await c.core.invoke('attention:list', {})
    const cached = c.sim.requests.length
    const minimal = 3 * ATHLETES + 1
    const chains = independent(minimal)
    const boundMs = floorMs(chains, LATENCY)
    return [
      {
        scenario: `attention refresh, ${ATHLETES} athletes, ${LATENCY} ms latency`,
        requests,
        requestTarget: `≤ ${minimal}`,
        minimalRequests: minimal,
        // One request per rule and athlete, had each of the eight rules asked for its own data.
        naiveRequests: 8 * ATHLETES,
        ms,
        boundMs,
        ratio: ms / boundMs,
        target: '≤ 1.2x',
        pass: requests <= minimal && cached === 0 && ms / boundMs <= 1.2 && rateLimited === 0,
        rateLimited,
        runs: 1,
        note: `${kinds}; ${list.rows.filter((x) => x.flags.length).length} athletes flagged, ${list.queue.length} to review; again within 15 min: ${cached} requests; ${serviceFloorNote(chains, LATENCY, ms)}`,
      },
    ]
  } finally {
    await c.close()
  }
}
