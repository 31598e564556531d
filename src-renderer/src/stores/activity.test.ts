import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CHART_POINTS, useActivityStore } from './activity'
import { fail, ok, standIn } from '../testing/bridge'

// One activity in depth against a stand-in bridge whose stream answers the test can hold back, as a
// slow intervals.icu does.

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }

const saved: { fileName: string; text: string }[] = []
vi.mock('../download', () => ({ saveTextFile: (fileName: string, text: string) => saved.push({ fileName, text }) }))

function bridge(over: Record<string, unknown> = {}) {
  return standIn('athlete', {
    activity: (a: { activityId: string }) => ok({ id: a.activityId, name: 'Ride' }),
    streams: (a: { activityId: string; fromSecs?: number }) => ok({ activityId: a.activityId, from: a.fromSecs ?? 0 }),
    updateActivity: (a: { activityId: string; changes: { name: string } }) => ok({ id: a.activityId, name: a.changes.name }),
    streamsCsv: () => ok({ fileName: 'ride.csv', csv: 'time,watts\r\n0,200\r\n' }),
    ...over,
  })
}

beforeEach(() => {
  saved.length = 0
  setActivePinia(createPinia())
})

describe('one activity', () => {
  it('opens its summary and its whole streams at chart resolution, smoothing left to main', async () => {
    const b = bridge()
    const a = useActivityStore()
    a.zoom = { from: 1, to: 100 }
    a.savedAt = 5
    const opening = a.open('a1')
    expect(a.loading).toBe(true)
    expect(a.streamsLoading).toBe(true)
    expect(a.zoom).toBeNull()
    expect(a.savedAt).toBeNull()
    await opening
    expect(a.loading).toBe(false)
    expect(a.streamsLoading).toBe(false)
    expect(a.details.a1).toEqual({ id: 'a1', name: 'Ride' })
    expect(a.streams.a1).toEqual({ activityId: 'a1', from: 0 })
    expect(b.streams).toHaveBeenCalledWith({ activityId: 'a1', maxPoints: CHART_POINTS })
    expect(CHART_POINTS).toBe(1500)
  })

  it('says why the summary or the streams failed, each in its own place', async () => {
    const b = bridge({ activity: vi.fn(() => fail('NOT_FOUND', 'That activity is gone.')), streams: vi.fn(() => fail('NETWORK', 'offline')) })
    const a = useActivityStore()
    await a.open('a1')
    expect(a.error).toEqual({ code: 'NOT_FOUND', message: 'That activity is gone.' })
    expect(a.streamsError).toEqual({ code: 'NETWORK', message: 'offline' })
    expect(a.loading).toBe(false)
    expect(a.streamsLoading).toBe(false)
    b.activity.mockReturnValue(ok({ id: 'a1', name: 'Ride' }) as never)
    b.streams.mockReturnValue(ok({}) as never)
    await a.open('a1')
    expect(a.error).toBeNull()
    expect(a.streamsError).toBeNull()
  })

  it('zooms to whole seconds around the window, and not into less than ten seconds', async () => {
    const b = bridge()
    const a = useActivityStore()
    await a.zoomTo('a1', 100.6, 109.9)
    expect(a.zoom).toBeNull()
    expect(b.streams).not.toHaveBeenCalled()
    await a.zoomTo('a1', 100.6, 110.6)
    expect(a.zoom).toEqual({ from: 100.6, to: 110.6 })
    expect(b.streams).toHaveBeenLastCalledWith({ activityId: 'a1', maxPoints: 1500, fromSecs: 100, toSecs: 111 })
    await a.resetZoom('a1')
    expect(a.zoom).toBeNull()
    expect(b.streams).toHaveBeenLastCalledWith({ activityId: 'a1', maxPoints: 1500 })
  })

  it('asks the smoothing the coach picked, in the window zoomed, and lets main pick again when cleared', async () => {
    const b = bridge()
    const a = useActivityStore()
    await a.setSmoothing('a1', 0)
    expect(b.streams).toHaveBeenLastCalledWith({ activityId: 'a1', maxPoints: 1500, smoothSecs: 0 })
    await a.zoomTo('a1', 60, 600)
    await a.setSmoothing('a1', 30)
    expect(b.streams).toHaveBeenLastCalledWith({ activityId: 'a1', maxPoints: 1500, smoothSecs: 30, fromSecs: 60, toSecs: 600 })
    await a.setSmoothing('a1', null)
    expect(b.streams).toHaveBeenLastCalledWith({ activityId: 'a1', maxPoints: 1500, fromSecs: 60, toSecs: 600 })
  })

  it('keeps the streams of the latest zoom when an earlier zoom answers last', async () => {
    const answers: ((a: Answer) => void)[] = []
    bridge({ streams: vi.fn(() => new Promise<Answer>((r) => answers.push(r))) })
    const a = useActivityStore()
    const first = a.zoomTo('a1', 0, 600)
    const second = a.zoomTo('a1', 60, 120)
    answers[1]!({ ok: true, value: { window: 'second' } })
    await second
    expect(a.streamsLoading).toBe(false)
    answers[0]!({ ok: true, value: { window: 'first' } })
    await first
    expect(a.streams.a1).toEqual({ window: 'second' })
    // An error of the earlier one is not shown either, and does not leave it loading.
    const third = a.zoomTo('a1', 0, 600)
    const fourth = a.zoomTo('a1', 60, 120)
    answers[2]!({ ok: false, error: { code: 'TIMEOUT', message: 'slow' } })
    await third
    expect(a.streamsError).toBeNull()
    expect(a.streamsLoading).toBe(true)
    answers[3]!({ ok: true, value: { window: 'fourth' } })
    await fourth
    expect(a.streamsLoading).toBe(false)
    expect(a.streams.a1).toEqual({ window: 'fourth' })
  })

  it('saves changes and shows what intervals.icu stored, with the time it was saved', async () => {
    const b = bridge()
    const a = useActivityStore()
    const saving = a.save('a1', { name: 'Hill reps' } as never)
    expect(a.saving).toBe(true)
    expect(await saving).toBe(true)
    expect(a.saving).toBe(false)
    expect(b.updateActivity).toHaveBeenCalledWith({ activityId: 'a1', changes: { name: 'Hill reps' } })
    expect(a.details.a1).toEqual({ id: 'a1', name: 'Hill reps' })
    expect(a.savedAt).toBeTypeOf('number')
    expect(a.saveError).toBeNull()
  })

  it('a failed save says why, keeps the summary and clears the reason on the next', async () => {
    const b = bridge()
    const a = useActivityStore()
    await a.open('a1')
    b.updateActivity.mockReturnValueOnce(fail('READ_ONLY', 'You can only view this athlete.') as never)
    expect(await a.save('a1', { name: 'x' } as never)).toBe(false)
    expect(a.saveError).toEqual({ code: 'READ_ONLY', message: 'You can only view this athlete.' })
    expect(a.saving).toBe(false)
    expect(a.details.a1).toEqual({ id: 'a1', name: 'Ride' })
    expect(a.savedAt).toBeNull()
    await a.save('a1', { name: 'y' } as never)
    expect(a.saveError).toBeNull()
  })

  it('saves the streams as a CSV download, or says why not', async () => {
    const b = bridge()
    const a = useActivityStore()
    const exporting = a.exportCsv('a1')
    expect(a.exporting).toBe(true)
    await exporting
    expect(a.exporting).toBe(false)
    expect(b.streamsCsv).toHaveBeenCalledWith({ activityId: 'a1' })
    expect(saved).toEqual([{ fileName: 'ride.csv', text: 'time,watts\r\n0,200\r\n' }])
    b.streamsCsv.mockReturnValueOnce(fail('NOT_FOUND', 'No streams.') as never)
    await a.exportCsv('a1')
    expect(a.streamsError).toEqual({ code: 'NOT_FOUND', message: 'No streams.' })
    expect(a.exporting).toBe(false)
    expect(saved).toHaveLength(1)
  })
})
