import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useExportsStore } from './exports'
import { useNoticesStore } from './notices'
import { fail, ok } from '../testing/bridge'

describe('export settings', () => {
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
  })

  it('remembers the format (the one dragging uses) and the layout on this computer', () => {
    expect(useExportsStore()).toMatchObject({ format: 'zwo', layout: 'folders' })
    useExportsStore().setFormat('fit')
    useExportsStore().setLayout('zip')
    setActivePinia(createPinia())
    expect(useExportsStore()).toMatchObject({ format: 'fit', layout: 'zip' })
  })

  it('ignores a stored value it does not know', () => {
    localStorage.setItem('coachDesk.exports', JSON.stringify({ format: 'exe', layout: '../..' }))
    expect(useExportsStore()).toMatchObject({ format: 'zwo', layout: 'folders' })
    localStorage.setItem('coachDesk.exports', '{not json')
    setActivePinia(createPinia())
    expect(useExportsStore().format).toBe('zwo')
  })
})

// Exports against a stand-in bridge: the progress shown, the report, and the toasts of a single save or a drag.

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }
type Progress = { exportId: string; done: number; total: number; fileName: string | null }

function exportsBridge() {
  let onProgress: ((p: Progress) => void) | null = null
  const exportsApi = {
    saveMany: vi.fn(() => ok({ saved: 3, dismissed: false })),
    cancel: vi.fn(() => ok({})),
    saveEvent: vi.fn(() => ok({ saved: true, fileName: 'Tempo.zwo', location: 'Downloads' })),
    prepareDrag: vi.fn(() => ok({})),
    startDrag: vi.fn(() => ok({ skipped: [] })),
  }
  const events = { 'exports:progress': vi.fn((fn: (p: Progress) => void) => ((onProgress = fn), () => {})) }
  window.coachDesk = { exports: exportsApi, events } as never
  return { api: exportsApi, events, progress: (p: Progress) => onProgress!(p) }
}

const selection = { events: [{ athleteId: 'i1', eventId: 4 }], ranges: [{ athleteId: 'i2', oldest: '2026-11-30', newest: '2026-12-06' }] }

describe('saving many workouts', () => {
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
  })

  it('counts the calendar’s workouts until main has counted, then main’s progress for this export only', async () => {
    const b = exportsBridge()
    let answer: (a: Answer) => void = () => {}
    b.api.saveMany.mockReturnValueOnce(new Promise<Answer>((r) => (answer = r)) as never)
    const x = useExportsStore()
    x.setFormat('fit')
    x.setLayout('zip')
    const saving = x.saveMany(selection, 5)
    expect(x.phase).toBe('running')
    expect(x.progress).toEqual({ done: 0, total: 5, fileName: null })
    const exportId = x.exportId!
    expect(b.api.saveMany).toHaveBeenCalledWith({ exportId, selection, format: 'fit', layout: 'zip' })
    b.progress({ exportId, done: 0, total: 0, fileName: null })
    expect(x.progress.total).toBe(5)
    b.progress({ exportId: 'other', done: 1, total: 9, fileName: 'x.fit' })
    expect(x.progress.total).toBe(5)
    b.progress({ exportId, done: 2, total: 7, fileName: 'Tempo.fit' })
    expect(x.progress).toEqual({ done: 2, total: 7, fileName: 'Tempo.fit' })
    answer({ ok: true, value: { saved: 7, dismissed: false } })
    await saving
    expect(x.phase).toBe('report')
    expect(x.report).toEqual({ saved: 7, dismissed: false })
    await x.saveMany(selection, 1)
    expect(b.events['exports:progress']).toHaveBeenCalledOnce()
  })

  it('closes at once when the coach dismissed the folder dialog, and says why when it failed', async () => {
    const b = exportsBridge()
    b.api.saveMany.mockReturnValueOnce(ok({ saved: 0, dismissed: true }))
    const x = useExportsStore()
    await x.saveMany(selection, 1)
    expect(x.phase).toBe('idle')
    b.api.saveMany.mockReturnValueOnce(fail('WRITE_FAILED', 'That folder cannot be written to.') as never)
    await x.saveMany(selection, 1)
    expect(x.phase).toBe('report')
    expect(x.error).toBe('That folder cannot be written to.')
    expect(x.report).toBeNull()
    x.close()
    expect([x.phase, x.report, x.error]).toEqual(['idle', null, null])
  })

  it('cancels only an export that is running, quietly when main has finished meanwhile', async () => {
    const b = exportsBridge()
    const x = useExportsStore()
    await x.cancel()
    let answer: (a: Answer) => void = () => {}
    b.api.saveMany.mockReturnValueOnce(new Promise<Answer>((r) => (answer = r)) as never)
    const saving = x.saveMany(selection, 1)
    b.api.cancel.mockReturnValueOnce(fail('NOT_FOUND', 'gone') as never)
    await x.cancel()
    expect(b.api.cancel).toHaveBeenCalledExactlyOnceWith({ exportId: x.exportId })
    answer({ ok: true, value: { saved: 1, dismissed: false } })
    await saving
    await x.cancel()
    expect(b.api.cancel).toHaveBeenCalledOnce()
  })
})

describe('saving one workout, and dragging', () => {
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
  })

  it('says where a workout was saved, nothing when the coach dismissed the dialog, and why it failed', async () => {
    const b = exportsBridge()
    const x = useExportsStore()
    await x.saveEvent({ athleteId: 'i1', eventId: 4 })
    expect(b.api.saveEvent).toHaveBeenCalledWith({ athleteId: 'i1', eventId: 4, format: 'zwo' })
    b.api.saveEvent.mockReturnValueOnce(ok({ saved: false, fileName: '', location: '' }))
    await x.saveEvent({ athleteId: 'i1', eventId: 4 })
    b.api.saveEvent.mockReturnValueOnce(fail('NOT_FOUND', 'That workout is gone.') as never)
    await x.saveEvent({ athleteId: 'i1', eventId: 4 })
    expect(useNoticesStore().items.map((n) => [n.text, n.tone])).toEqual([
      ['Saved “Tempo.zwo” in Downloads', 'info'],
      ['That workout is gone.', 'error'],
    ])
  })

  it('prepares and starts a drag in the format chosen, and says what was left out', async () => {
    vi.useFakeTimers()
    const b = exportsBridge()
    const x = useExportsStore()
    x.setFormat('erg')
    x.prepareDrag([])
    await x.startDrag([])
    expect(b.api.prepareDrag).not.toHaveBeenCalled()
    expect(b.api.startDrag).not.toHaveBeenCalled()
    const refs = [{ athleteId: 'i1', eventId: 4 }]
    x.prepareDrag(refs)
    expect(b.api.prepareDrag).toHaveBeenCalledWith({ events: refs, format: 'erg' })
    await x.startDrag(refs)
    expect(b.api.startDrag).toHaveBeenCalledWith({ events: refs, format: 'erg' })
    expect(useNoticesStore().items).toEqual([])
    b.api.startDrag.mockReturnValueOnce(ok({ skipped: [{ reason: 'A note has no steps.' }, { reason: 'x' }] }) as never)
    await x.startDrag(refs)
    b.api.startDrag.mockReturnValueOnce(fail('INTERNAL', 'Drag failed.') as never)
    await x.startDrag(refs)
    expect(useNoticesStore().items.map((n) => [n.text, n.tone])).toEqual([
      ['2 left out: A note has no steps.', 'warn'],
      ['Drag failed.', 'error'],
    ])
    // These stay up eight seconds.
    vi.advanceTimersByTime(7_999)
    expect(useNoticesStore().items).toHaveLength(2)
    vi.advanceTimersByTime(1)
    expect(useNoticesStore().items).toEqual([])
    vi.useRealTimers()
  })

  it('keeps the choice for this session when storage refuses it', () => {
    exportsBridge()
    const x = useExportsStore()
    const set = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('QuotaExceededError')
    })
    x.setFormat('mrc')
    expect(x.format).toBe('mrc')
    set.mockRestore()
  })
})
