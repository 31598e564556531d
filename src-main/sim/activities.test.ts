import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, startTestSim } from './testHarness'
import type { Activity, SimHandle, Wellness } from './types'

describe('activities and wellness', () => {
  let sim: SimHandle
  const athlete = 'i100002'
  beforeAll(async () => {
    sim = await startTestSim()
  })
  afterAll(() => sim.close())

  it('lists activities newest first within oldest..newest', async () => {
    const res = await client(sim).get(`/athlete/${athlete}/activities?oldest=2026-02-01&newest=2026-02-28`)
    const list = res.body as Activity[]
    const expected = sim.state
      .athlete(athlete)
      ?.activities.filter((a) => (a.start_date_local ?? '') >= '2026-02-01' && (a.start_date_local ?? '') <= '2026-02-28T23:59:59')
    expect(list.length).toBe(expected?.length)
    expect(list.length).toBeGreaterThan(10)
    const starts = list.map((a) => a.start_date_local ?? '')
    expect(starts).toEqual([...starts].sort().reverse())
  })

  it('keeps only the newest N with limit', async () => {
    const res = await client(sim).get(`/athlete/${athlete}/activities?oldest=2025-01-01&limit=3`)
    const all = sim.state.athlete(athlete)?.activities ?? []
    expect((res.body as Activity[]).map((a) => a.id)).toEqual(all.slice(-3).reverse().map((a) => a.id))
  })

  it('returns only the requested fields and drops nulls', async () => {
    const fields = 'id,type,icu_training_load,icu_weighted_avg_watts'
    const res = await client(sim).get(`/athlete/${athlete}/activities?oldest=2025-01-01&limit=5&fields=${fields}`)
    const list = res.body as Array<Record<string, unknown>>
    expect(list).toHaveLength(5)
    for (const a of list) {
      // A runner's weighted watts are null, so the key must be gone, not null.
      expect(Object.keys(a).sort()).toEqual(['icu_training_load', 'id', 'type'])
    }
  })

  it('answers 404 for an unknown activity id and the activity for a known one', async () => {
    expect((await client(sim).get('/activity/i1')).status).toBe(404)
    const known = sim.state.athlete(athlete)?.activities[0]
    expect((await client(sim).get(`/activity/${known?.id}`)).body).toEqual(known)
  })

  it('lists wellness ascending by date, both ends inclusive', async () => {
    const res = await client(sim).get(`/athlete/${athlete}/wellness?oldest=2026-03-01&newest=2026-03-07`)
    const days = (res.body as Wellness[]).map((w) => w.id)
    expect(days).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07'])
  })

  it('rejects a malformed date with 422', async () => {
    const res = await client(sim).get(`/athlete/${athlete}/activities?oldest=yesterday`)
    expect(res.status).toBe(422)
  })
})
