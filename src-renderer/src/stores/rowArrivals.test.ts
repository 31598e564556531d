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

describe('rows arriving while others are applied', () => {
  it('a row queued again while waiting goes to the back with its latest data', async () => {
    const h = harness(0)
    h.arrivals.push(h.rows(['a', 'b', 'c']), 1)
    h.arrivals.push(h.rows(['a'], 5), 1)
    await h.arrivals.settled()
    expect(h.tasks.flat()).toEqual(['b.0', 'c.0', 'a.5'])
  })

  it('a slice holds four rows when each costs nothing, and a push of no rows starts nothing', async () => {
    const slices: string[][] = []
    const arrivals = rowArrivals<{ id: string }>(
      (r) => r.id,
      (slice) => slices.push(slice.map((r) => r.id)),
      () => 1,
      async () => {},
      () => 0,
    )
    arrivals.push([], 1)
    await arrivals.settled()
    expect(slices).toEqual([])
    arrivals.push(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id })), 1)
    await arrivals.settled()
    expect(slices).toEqual([['a', 'b', 'c', 'd'], ['e', 'f']])
  })

  it('rows pushed during a drain are applied by the same drain, and settled waits for them', async () => {
    const h = harness(1)
    h.arrivals.push(h.rows(['a']), 1)
    const first = h.arrivals.settled()
    h.arrivals.push(h.rows(['b']), 1)
    expect(h.arrivals.settled()).toBe(first)
    await first
    expect(h.tasks.flat()).toEqual(['a.0', 'b.0'])
  })

  it('yields before each task with the browser’s own timer and clock when none is given', async () => {
    const applied: string[] = []
    const arrivals = rowArrivals<{ id: string }>((r) => r.id, (slice) => applied.push(...slice.map((r) => r.id)), () => 1)
    arrivals.push([{ id: 'a' }], 1)
    expect(applied).toEqual([])
    await arrivals.settled()
    expect(applied).toEqual(['a'])
  })

  it('spends a whole budget per task: a row that ends exactly on it ends the task', async () => {
    const h = harness(SLICE_BUDGET_MS / 4)
    h.arrivals.push(h.rows(['a', 'b', 'c', 'd', 'e']), 1)
    await h.arrivals.settled()
    expect(h.tasks.filter((t) => t.length)).toEqual([['a.0', 'b.0', 'c.0', 'd.0'], ['e.0']])
  })
})
