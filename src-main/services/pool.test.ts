import { describe, expect, it } from 'vitest'
import { AppError } from '../contract/errors'
import { mapPooled } from './pool'

/** A promise the test settles by hand, to see what runs at the same time. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {}
  const promise = new Promise<void>((resolve) => (open = resolve))
  return { promise, open }
}
const tick = () => new Promise((r) => setTimeout(r, 0))

describe('working through a long list a few at a time', () => {
  it('answers in the order of the items, whatever order they finish in', async () => {
    const delays = [30, 0, 15, 5]
    const out = await mapPooled(delays, 2, (ms, i) => new Promise<string>((r) => setTimeout(() => r(`${i}:${ms}`), ms)))
    expect(out).toEqual(['0:30', '1:0', '2:15', '3:5'])
  })

  it('runs at most the number asked at once, starting the next as one finishes', async () => {
    const gates = [gate(), gate(), gate(), gate(), gate()]
    const started: number[] = []
    const done = mapPooled([0, 1, 2, 3, 4], 2, async (n) => {
      started.push(n)
      await gates[n]!.promise
      return n * 10
    })
    await tick()
    expect(started).toEqual([0, 1])
    gates[1]!.open()
    await tick()
    expect(started).toEqual([0, 1, 2])
    gates[0]!.open()
    gates[2]!.open()
    await tick()
    expect(started).toEqual([0, 1, 2, 3, 4])
    gates[3]!.open()
    gates[4]!.open()
    expect(await done).toEqual([0, 10, 20, 30, 40])
  })

  it('runs one at a time when asked for none at once, and gives an empty list for no items', async () => {
    let running = 0
    let most = 0
    const out = await mapPooled([1, 2, 3], 0, async (n) => {
      most = Math.max(most, ++running)
      await tick()
      running--
      return n
    })
    expect(out).toEqual([1, 2, 3])
    expect(most).toBe(1)
    expect(await mapPooled([], 4, async () => 1)).toEqual([])
  })

  it('stops between items once cancelled: the ones not started are never run, and it fails with CANCELLED', async () => {
    const controller = new AbortController()
    const started: number[] = []
    const run = mapPooled([0, 1, 2, 3], 1, async (n) => {
      started.push(n)
      if (n === 1) controller.abort()
      return n
    }, controller.signal)
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED', message: 'The request was cancelled.' })
    await expect(run).rejects.toBeInstanceOf(AppError)
    expect(started).toEqual([0, 1])
  })
})
