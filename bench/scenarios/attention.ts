import type { AttentionList } from '../../src-main/contract/attention'
import { connectedCore, rateBoundMs, type BenchRow } from '../harness'

const LATENCY = 80
const ATHLETES = 50

/**
 * A refresh of attention data for 50 athletes (the roster already loaded): one events, one
 * activities and one wellness read per athlete and one chats read, at the rate limit, no 429.
 * Done every quarter of an hour while the app is open, this is about 0.17 requests a second.
 */
export async function attentionBench(): Promise<BenchRow[]> {
  const c = await connectedCore({ athletes: ATHLETES, latencyMs: LATENCY })
  try {
    const roster = await c.core.invoke('roster:list', {})
    if (!roster.ok) throw new Error(roster.error.message)
    // Let the limiter's burst refill, as after a coach's pause.
    await new Promise((r) => setTimeout(r, 1500))
    c.sim.resetRequests()
    const t0 = performance.now()
    const r = await c.core.invoke('attention:list', { refresh: false })
    const ms = performance.now() - t0
    if (!r.ok) throw new Error(r.error.message)
    const list = r.value as AttentionList
    const requests = c.sim.requests.length
    const boundMs = rateBoundMs(requests, LATENCY)
    const count = (suffix: string) => c.sim.requests.filter((q) => q.path.endsWith(suffix)).length
    const kinds = `${count('/events')} events + ${count('/activities')} activities + ${count('/wellness')} wellness + ${count('/chats')} chats`
    const refused = c.sim.requests.some((q) => q.status === 429)
    c.sim.resetRequests()
    await c.core.invoke('attention:list', {})
    const cached = c.sim.requests.length
    return [
      {
        scenario: `attention refresh, ${ATHLETES} athletes, ${LATENCY} ms latency`,
        requests,
        requestTarget: `≤ ${3 * ATHLETES + 1}`,
        // One request per rule and athlete, had each rule asked for its own data.
        naiveRequests: 8 * ATHLETES,
        ms,
        boundMs,
        ratio: ms / boundMs,
        target: '≤ 1.2x',
        pass: requests <= 3 * ATHLETES + 1 && cached === 0 && ms / boundMs <= 1.2 && !refused,
        note: `${kinds}; ${list.rows.filter((x) => x.flags.length).length} athletes flagged, ${list.queue.length} to review; again within 15 min: ${cached} requests`,
      },
    ]
  } finally {
    await c.close()
  }
}
