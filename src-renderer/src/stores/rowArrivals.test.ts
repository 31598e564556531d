import { describe, expect, it } from 'vitest'
import { rowArrivals, SLICE_BUDGET_MS } from './rowArrivals'

// Rows applied a slice at a time, yielding the main thread whenever a task's budget is spent.

interface Row {
  id: string
  v: number
}

function harness(msPerRow: number) {
  let clock = 0
  let view = 1
  const tasks: string[][] = []
  const rows = (ids: string[], v = 0) => ids.map((id) => ({ id, v }))
  const arrivals = rowArrivals<Row>(
    (r) => r.id,
    (slice) => {
      tasks.at(-1)!.push(...slice.map((r) => `${r.id}.${r.v}`))
      clock += slice.length * msPerRow
    },
    () => view,
    async () => {
      tasks.push([])
    },
    () => clock,
  )
  return { arrivals, tasks, rows, setView: (v: number) => (view = v) }
}

describe('rows arriving in a burst', () => {
  it('are applied a few at a time, each task stopping once its budget is spent', async () => {
    const h = harness(5)
    const ids = Array.from({ length: 40 }, (_, i) => `i${i}`)
    h.arrivals.push(h.rows(ids), 1)
    await h.arrivals.settled()
    const applied = h.tasks.flat()
    expect(applied).toEqual(ids.map((id) => `${id}.0`))
    // 5 ms a row: a task takes slices of 4 (20 ms) until it has spent its budget, then yields.
    const perTask = Math.ceil(SLICE_BUDGET_MS / 20) * 4
    expect(h.tasks.filter((t) => t.length).every((t) => t.length <= perTask)).toBe(true)
    expect(h.tasks.filter((t) => t.length).length).toBe(Math.ceil(40 / perTask))
  })

  it('all go in one task when they cost nothing to draw (rows out of view)', async () => {
    const h = harness(0)
    h.arrivals.push(h.rows(Array.from({ length: 200 }, (_, i) => `i${i}`)), 1)
    await h.arrivals.settled()
    expect(h.tasks.filter((t) => t.length)).toHaveLength(1)
    expect(h.tasks.flat()).toHaveLength(200)
  })

  it('keep the latest row per athlete, and drop what was queued for a view no longer shown', async () => {
    const h = harness(1)
    h.arrivals.push(h.rows(['a', 'b']), 1)
    h.arrivals.push(h.rows(['a'], 2), 1)
    h.arrivals.push(h.rows(['c']), 0)
    await h.arrivals.settled()
    expect(h.tasks.flat()).toEqual(['b.0', 'a.2'])
    h.setView(2)
    h.arrivals.push(h.rows(['x']), 1)
    h.arrivals.push(h.rows(['y']), 2)
    await h.arrivals.settled()
    expect(h.tasks.flat()).toEqual(['b.0', 'a.2', 'y.0'])
  })

  it('settles at once when nothing waits', async () => {
    const h = harness(1)
    await h.arrivals.settled()
    expect(h.tasks).toEqual([])
  })
})
