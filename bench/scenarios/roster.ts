import { connectedCore, floorMs, serviceFloorNote, type BenchRow } from '../harness'

const LATENCY = 80
const ATHLETES = 50

/** Roster of 50 athletes at 80 ms per request: at most 3 requests, ready within 1.5x of two round trips. */
export async function rosterBench(): Promise<BenchRow[]> {
  const c = await connectedCore({ athletes: ATHLETES, latencyMs: LATENCY })
  try {
    // Warm the connection pool and JIT once, then measure fresh loads.
    await c.core.invoke('roster:list', { refresh: true })
    const times: number[] = []
    let requests = 0
    let rateLimited = 0
    for (let i = 0; i < 5; i++) {
      c.sim.resetRequests()
      const t0 = performance.now()
      const r = await c.core.invoke('roster:list', { refresh: true })
      times.push(performance.now() - t0)
      if (!r.ok) throw new Error(r.error.message)
      requests = c.sim.requests.length
      rateLimited += c.sim.requests.filter((q) => q.status === 429).length
    }
    const ms = times.sort((a, b) => a - b)[2]!
    // GET /athletes, then athlete-summary over the weeks the athletes' todays call for.
    const boundMs = floorMs([[1, 1]], LATENCY)
    return [
      {
        scenario: `roster, ${ATHLETES} athletes, ${LATENCY} ms latency (median of 5)`,
        requests,
        requestTarget: '≤ 3',
        minimalRequests: 2,
        naiveRequests: 1 + ATHLETES,
        ms,
        boundMs,
        ratio: ms / boundMs,
        target: '≤ 1.5x',
        pass: requests <= 3 && ms / boundMs <= 1.5 && rateLimited === 0,
        rateLimited,
        runs: 5,
        note: serviceFloorNote([[1, 1]], LATENCY, ms),
      },
    ]
  } finally {
    await c.close()
  }
}
