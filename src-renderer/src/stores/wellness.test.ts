import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useWellnessStore } from './wellness'
import { fail, ok, standIn } from '../testing/bridge'

// Wellness over a range against a stand-in bridge.

const day = (date: string, hrv: number | null = 60, weight: number | null = 70) => ({ date, hrv, weight, restingHr: 48 })

const saved: { fileName: string; text: string }[] = []
vi.mock('../download', () => ({ saveTextFile: (fileName: string, text: string) => saved.push({ fileName, text }) }))

function bridge(over: Record<string, unknown> = {}) {
  return standIn('athlete', {
    wellness: () => ok([day('2026-12-01'), day('2026-12-02'), day('2026-12-03')]),
    updateWellness: (a: { date: string; values: object }) => ok({ ...day(a.date), ...a.values }),
    updateWellnessBulk: (a: { days: { date: string }[] }) => ok({ updated: a.days.map((d) => d.date).filter((d) => d !== '2026-12-03') }),
    wellnessCsv: () => ok({ fileName: 'wellness.csv', csv: 'date,hrv\r\n' }),
    ...over,
  })
}

beforeEach(() => {
  saved.length = 0
  setActivePinia(createPinia())
})

describe('wellness over a range', () => {
  it('loads the last six weeks up to the athlete’s today, or the range the coach picked', async () => {
    const b = bridge()
    const w = useWellnessStore()
    const loading = w.load('i1', '2026-12-03')
    expect(w.loading).toBe(true)
    await loading
    expect(w.loading).toBe(false)
    // 42 days ending on 3 December start on 23 October.
    expect(b.wellness).toHaveBeenCalledWith({ athleteId: 'i1', oldest: '2026-10-23', newest: '2026-12-03' })
    expect(w.range).toEqual({ oldest: '2026-10-23', newest: '2026-12-03' })
    expect(w.days.i1?.map((d) => d.date)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03'])
    await w.load('i1', '2026-12-03', 7)
    expect(w.rangeDays).toBe(7)
    expect(b.wellness).toHaveBeenLastCalledWith({ athleteId: 'i1', oldest: '2026-11-27', newest: '2026-12-03' })
  })

  it('keeps selected only the days the new range still holds', async () => {
    const b = bridge()
    const w = useWellnessStore()
    await w.load('i1', '2026-12-03')
    w.toggle('2026-12-03')
    w.toggle('2026-12-01')
    expect(w.selected).toEqual(['2026-12-01', '2026-12-03'])
    b.wellness.mockReturnValueOnce(ok([day('2026-12-03')]))
    await w.load('i1', '2026-12-03', 1)
    expect(w.selected).toEqual(['2026-12-03'])
    w.toggle('2026-12-03')
    expect(w.selected).toEqual([])
    w.toggle('2026-12-02')
    w.clearSelection()
    expect(w.selected).toEqual([])
  })

  it('says why loading failed and clears it on the next load', async () => {
    const b = bridge({ wellness: vi.fn(() => fail('NETWORK', 'offline')) })
    const w = useWellnessStore()
    await w.load('i1', '2026-12-03')
    expect(w.error).toEqual({ code: 'NETWORK', message: 'offline' })
    expect(w.loading).toBe(false)
    b.wellness.mockReturnValue(ok([]) as never)
    await w.load('i1', '2026-12-03')
    expect(w.error).toBeNull()
  })

  it('saves one day with its own request and shows what intervals.icu stored', async () => {
    const b = bridge()
    const w = useWellnessStore()
    await w.load('i1', '2026-12-03')
    const saving = w.save('i1', ['2026-12-02'], { hrv: 72 })
    expect(w.saving).toBe(true)
    expect(await saving).toBe(true)
    expect(w.saving).toBe(false)
    expect(b.updateWellness).toHaveBeenCalledWith({ athleteId: 'i1', date: '2026-12-02', values: { hrv: 72 } })
    expect(b.updateWellnessBulk).not.toHaveBeenCalled()
    expect(w.days.i1).toEqual([day('2026-12-01'), day('2026-12-02', 72), day('2026-12-03')])
  })

  it('saves several days in one request and changes only the days intervals.icu updated, only the values sent', async () => {
    const b = bridge()
    const w = useWellnessStore()
    await w.load('i1', '2026-12-03')
    expect(await w.save('i1', ['2026-12-01', '2026-12-03'], { weight: 71.5, hrv: undefined })).toBe(true)
    expect(b.updateWellnessBulk).toHaveBeenCalledWith({ athleteId: 'i1', days: [{ date: '2026-12-01', values: { weight: 71.5 } }, { date: '2026-12-03', values: { weight: 71.5 } }] })
    expect(w.days.i1).toEqual([day('2026-12-01', 60, 71.5), day('2026-12-02'), day('2026-12-03')])
    // A value cleared (null) is shown cleared.
    await w.save('i1', ['2026-12-01', '2026-12-02'], { hrv: null })
    expect(w.days.i1?.map((d) => d.hrv)).toEqual([null, null, 60])
  })

  it('a failed save says why and changes nothing shown', async () => {
    const b = bridge()
    const w = useWellnessStore()
    await w.load('i1', '2026-12-03')
    b.updateWellness.mockReturnValueOnce(fail('INVALID_INPUT', 'HRV must be between 1 and 300 ms.') as never)
    expect(await w.save('i1', ['2026-12-01'], { hrv: 999 })).toBe(false)
    expect(w.saveError).toEqual({ code: 'INVALID_INPUT', message: 'HRV must be between 1 and 300 ms.' })
    expect(w.saving).toBe(false)
    expect(w.days.i1?.[0]).toEqual(day('2026-12-01'))
    await w.save('i1', ['2026-12-01'], { hrv: 61 })
    expect(w.saveError).toBeNull()
    // Saved for an athlete not loaded: nothing shown to change.
    await w.save('i9', ['2026-12-01'], { hrv: 61 })
    expect(w.days.i9).toEqual([])
  })

  it('saves the range as a CSV download, or says why not', async () => {
    const b = bridge()
    const w = useWellnessStore()
    await w.load('i1', '2026-12-03', 7)
    await w.exportCsv('i1')
    expect(b.wellnessCsv).toHaveBeenCalledWith({ athleteId: 'i1', oldest: '2026-11-27', newest: '2026-12-03' })
    expect(saved).toEqual([{ fileName: 'wellness.csv', text: 'date,hrv\r\n' }])
    b.wellnessCsv.mockReturnValueOnce(fail('NETWORK', 'offline') as never)
    await w.exportCsv('i1')
    expect(w.error?.code).toBe('NETWORK')
    expect(saved).toHaveLength(1)
  })

  it('keeps each athlete’s days and the range length the coach picked, and a failed load keeps what was shown', async () => {
    const b = bridge()
    const w = useWellnessStore()
    await w.load('i1', '2026-12-03', 7)
    b.wellness.mockReturnValueOnce(ok([day('2026-12-02', 40)]))
    await w.load('i2', '2026-12-04')
    expect(b.wellness).toHaveBeenLastCalledWith({ athleteId: 'i2', oldest: '2026-11-28', newest: '2026-12-04' })
    expect(w.days.i1).toHaveLength(3)
    expect(w.days.i2).toEqual([day('2026-12-02', 40)])
    b.wellness.mockReturnValueOnce(fail('NETWORK', 'offline') as never)
    await w.load('i2', '2026-12-04')
    expect(w.days.i2).toEqual([day('2026-12-02', 40)])
  })
})
