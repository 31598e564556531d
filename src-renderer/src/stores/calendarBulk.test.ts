import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { CalendarRow } from '@contract'
import { useCalendarStore } from './calendar'
import { fail, ok } from '../testing/bridge'

// Bulk changes, single edits and the day check-in through the calendar store, against a stand-in
// bridge: the phases the preview dialog goes through and what is asked of main.

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }

const plan = (over: object = {}) => ({ planId: 'p1', changes: [{}, {}], skipped: [], placement: null, ...over })
const report = (over: object = {}) => ({ planId: 'p1', succeeded: 2, failed: 0, ...over })
const wellness = (athleteId: string, date: string) => ({ athleteId, date, hrv: 60 })

function bridge() {
  const calendar = {
    range: vi.fn((a: { athleteIds: string[]; oldest: string; newest: string }) =>
      ok(a.athleteIds.map((athleteId): CalendarRow => ({ athleteId, oldest: a.oldest, newest: a.newest, events: [], activities: [], error: null })))),
    planBulk: vi.fn(() => ok(plan())),
    applyBulk: vi.fn(() => ok(report())),
    cancelBulk: vi.fn(() => ok({})),
    history: vi.fn(() => ok({ undo: { planId: 'p1' }, interrupted: [{ jobId: 'j1' }] })),
    resolveJob: vi.fn(() => ok(plan({ planId: 'p2' }))),
    planRetry: vi.fn(() => ok(plan({ planId: 'p3' }))),
    planUndo: vi.fn(() => ok(plan({ planId: 'p4' }))),
    createEvent: vi.fn(() => ok({})),
    updateEvent: vi.fn(() => ok({})),
    dayWellness: vi.fn((a: { athleteIds: string[]; date?: string }) => ok(a.athleteIds.map((id) => wellness(id, a.date ?? '2026-12-03')))),
  }
  window.coachDesk = { calendar, events: { 'calendar:row': () => () => {}, 'bulk:progress': () => () => {} } } as never
  return calendar
}

async function shown() {
  const b = bridge()
  const cal = useCalendarStore()
  await cal.show(['i1', 'i2'], '2026-12-02')
  return { b, cal }
}
const sel = { events: [{ athleteId: 'i1', eventId: 4 }], ranges: [] }

beforeEach(() => setActivePinia(createPinia()))

describe('a bulk change', () => {
  it('plans the selection shown into a preview, planning meanwhile', async () => {
    const { b, cal } = await shown()
    cal.selectRow('i2', false)
    cal.error = { code: 'X', message: 'x' }
    const planning = cal.planBulk({ kind: 'delete' } as never)
    expect(cal.phase).toBe('planning')
    expect(cal.error).toBeNull()
    expect(cal.planningId).toMatch(/^[0-9a-f-]{36}$/)
    const planId = cal.planningId
    expect(await planning).toEqual(plan())
    expect(b.planBulk).toHaveBeenCalledWith({ selection: { events: [], ranges: [{ athleteId: 'i2', oldest: '2026-11-30', newest: '2026-12-13' }] }, action: { kind: 'delete' }, planId })
    expect(cal.phase).toBe('preview')
    expect(cal.planningId).toBeNull()
    expect(cal.replan).toBeNull()
  })

  it('a copy can be planned again with another choice for days already planned, from the same selection', async () => {
    const { b, cal } = await shown()
    await cal.planBulk({ kind: 'copy', offsetDays: 7 } as never, sel)
    cal.clearSelection()
    await cal.choosePlacement('replace' as never)
    expect(b.planBulk).toHaveBeenLastCalledWith(expect.objectContaining({ selection: sel, action: { kind: 'copy', offsetDays: 7, placement: 'replace' } }))
    // Only from the preview.
    cal.phase = 'report'
    await cal.choosePlacement('skip' as never)
    expect(b.planBulk).toHaveBeenCalledTimes(2)
  })

  it('a plan that fails says why and closes; one the coach cancelled says nothing', async () => {
    const { b, cal } = await shown()
    b.planBulk.mockReturnValueOnce(fail('READ_ONLY', 'You can only view these athletes.') as never)
    expect(await cal.planBulk({ kind: 'delete' } as never, sel)).toBeNull()
    expect(cal.error).toEqual({ code: 'READ_ONLY', message: 'You can only view these athletes.' })
    expect(cal.phase).toBe('idle')
    expect(cal.planningId).toBeNull()
    b.planBulk.mockReturnValueOnce(fail('CANCELLED', 'The request was cancelled.') as never)
    await cal.planBulk({ kind: 'delete' } as never, sel)
    expect(cal.error).toBeNull()
    expect(cal.phase).toBe('idle')
  })

  it('applies the plan with progress from zero, clears the selection, reports, and reloads the range and history', async () => {
    const { b, cal } = await shown()
    cal.selectRow('i1', false)
    await cal.planBulk({ kind: 'delete' } as never)
    cal.progress = { done: 9, total: 9 }
    b.range.mockClear()
    const applying = cal.apply()
    expect(cal.phase).toBe('applying')
    expect(cal.progress).toEqual({ done: 0, total: 2 })
    await applying
    expect(b.applyBulk).toHaveBeenCalledWith({ planId: 'p1' })
    expect(cal.phase).toBe('report')
    expect(cal.report).toEqual(report())
    expect(cal.rowRanges).toEqual([])
    expect(b.range).toHaveBeenCalledOnce()
    expect(cal.undoAvailable).toBe(true)
    expect(cal.interrupted).toEqual([{ jobId: 'j1' }])
  })

  it('sends the coach’s yes to dates in the past only when ticked, and nothing without a plan', async () => {
    const { b, cal } = await shown()
    await cal.apply()
    expect(b.applyBulk).not.toHaveBeenCalled()
    expect(cal.phase).toBe('idle')
    await cal.planBulk({ kind: 'delete' } as never, sel)
    await cal.apply(true)
    expect(b.applyBulk).toHaveBeenLastCalledWith({ planId: 'p1', confirmDates: true })
  })

  it('a failed apply says why, keeps the selection and still reloads', async () => {
    const { b, cal } = await shown()
    cal.selectRow('i1', false)
    await cal.planBulk({ kind: 'delete' } as never)
    b.applyBulk.mockReturnValueOnce(fail('NETWORK', 'offline') as never)
    b.range.mockClear()
    await cal.apply()
    expect(cal.error).toEqual({ code: 'NETWORK', message: 'offline' })
    expect(cal.phase).toBe('idle')
    expect(cal.rowRanges).toEqual(['i1'])
    expect(b.range).toHaveBeenCalledOnce()
  })

  it('keeps no undo when history has none, and the last history when it cannot be read', async () => {
    const { b, cal } = await shown()
    await cal.loadHistory()
    expect(cal.undoAvailable).toBe(true)
    b.history.mockReturnValueOnce(fail('NETWORK', 'offline') as never)
    await cal.loadHistory()
    expect(cal.undoAvailable).toBe(true)
    expect(cal.error).toBeNull()
    b.history.mockReturnValueOnce(ok({ undo: null, interrupted: [] }) as never)
    await cal.loadHistory()
    expect(cal.undoAvailable).toBe(false)
    expect(cal.interrupted).toEqual([])
  })

  it('cancels the plan being read, or the plan being applied, and nothing otherwise', async () => {
    const { b, cal } = await shown()
    await cal.cancel()
    let answer: (a: Answer) => void = () => {}
    b.planBulk.mockReturnValueOnce(new Promise<Answer>((r) => (answer = r)) as never)
    const planning = cal.planBulk({ kind: 'delete' } as never, sel)
    const planId = cal.planningId
    await cal.cancel()
    expect(b.cancelBulk).toHaveBeenCalledExactlyOnceWith({ planId })
    answer({ ok: true, value: plan() })
    await planning
    await cal.cancel()
    expect(b.cancelBulk).toHaveBeenCalledOnce()
    b.applyBulk.mockReturnValueOnce(new Promise<Answer>((r) => (answer = r)) as never)
    const applying = cal.apply()
    await cal.cancel()
    expect(b.cancelBulk).toHaveBeenLastCalledWith({ planId: 'p1' })
    answer({ ok: true, value: report() })
    await applying
    expect(b.cancelBulk).toHaveBeenCalledTimes(2)
  })

  it('plans a retry of what failed from the report, and says why when it cannot', async () => {
    const { b, cal } = await shown()
    await cal.retryFailed()
    expect(b.planRetry).not.toHaveBeenCalled()
    await cal.planBulk({ kind: 'delete' } as never, sel)
    await cal.apply()
    const retrying = cal.retryFailed()
    expect(cal.phase).toBe('planning')
    await retrying
    expect(b.planRetry).toHaveBeenCalledWith({ planId: 'p1' })
    expect(cal.plan?.planId).toBe('p3')
    expect(cal.phase).toBe('preview')
    b.planRetry.mockReturnValueOnce(fail('NOT_FOUND', 'Nothing to retry.') as never)
    await cal.retryFailed()
    expect(cal.error).toEqual({ code: 'NOT_FOUND', message: 'Nothing to retry.' })
    expect(cal.phase).toBe('report')
  })

  it('plans an undo into the preview; when it cannot, says why and reads the history again', async () => {
    const { b, cal } = await shown()
    const planning = cal.planUndo()
    expect(cal.phase).toBe('planning')
    await planning
    expect(cal.plan?.planId).toBe('p4')
    expect(cal.phase).toBe('preview')
    b.planUndo.mockReturnValueOnce(fail('NOT_FOUND', 'Nothing to undo.') as never)
    b.history.mockClear()
    await cal.planUndo()
    expect(cal.error).toEqual({ code: 'NOT_FOUND', message: 'Nothing to undo.' })
    expect(cal.phase).toBe('idle')
    expect(b.history).toHaveBeenCalledOnce()
  })

  it('finishes or undoes an interrupted job through a preview, closes one without, and reads the history after', async () => {
    const { b, cal } = await shown()
    cal.error = { code: 'X', message: 'x' }
    await cal.resolveJob('j1', 'finish')
    expect(b.resolveJob).toHaveBeenCalledWith({ jobId: 'j1', action: 'finish' })
    expect(cal.error).toBeNull()
    expect([cal.plan?.planId, cal.phase]).toEqual(['p2', 'preview'])
    cal.closeDialog()
    b.resolveJob.mockReturnValueOnce(ok(null) as never)
    b.history.mockClear()
    await cal.resolveJob('j1', 'dismiss')
    expect([cal.plan, cal.phase]).toEqual([null, 'idle'])
    expect(b.history).toHaveBeenCalledOnce()
    b.resolveJob.mockReturnValueOnce(fail('NOT_FOUND', 'That job is gone.') as never)
    await cal.resolveJob('j1', 'undo')
    expect(cal.error).toEqual({ code: 'NOT_FOUND', message: 'That job is gone.' })
    expect(b.history).toHaveBeenCalledTimes(2)
  })

  it('closing the dialog forgets the plan, the report and the choice', async () => {
    const { cal } = await shown()
    await cal.planBulk({ kind: 'copy', offsetDays: 7 } as never, sel)
    await cal.apply()
    cal.closeDialog()
    expect([cal.phase, cal.plan, cal.replan, cal.report]).toEqual(['idle', null, null, null])
  })
})

describe('a drag or an edit applied at once', () => {
  it('applies a clean plan and closes', async () => {
    const { b, cal } = await shown()
    expect(await cal.planAndApply({ kind: 'move' } as never, sel)).toBe(true)
    expect(b.applyBulk).toHaveBeenCalledOnce()
    expect(cal.phase).toBe('idle')
  })

  it('leaves the preview open when something is skipped, nothing changes, or a date needs the coach’s yes', async () => {
    const { b, cal } = await shown()
    b.planBulk.mockReturnValueOnce(ok(plan({ skipped: [{}] })) as never)
    expect(await cal.planAndApply({ kind: 'move' } as never, sel)).toBe(false)
    expect(cal.phase).toBe('preview')
    b.planBulk.mockReturnValueOnce(ok(plan({ changes: [] })) as never)
    expect(await cal.planAndApply({ kind: 'move' } as never, sel)).toBe(false)
    b.planBulk.mockReturnValueOnce(ok(plan({ placement: { existing: [], warnings: [{ needsConfirm: false }, { needsConfirm: true }] } })) as never)
    expect(await cal.planAndApply({ kind: 'move' } as never, sel)).toBe(false)
    expect(b.applyBulk).not.toHaveBeenCalled()
    b.planBulk.mockReturnValueOnce(ok(plan({ placement: { existing: [], warnings: [{ needsConfirm: false }] } })) as never)
    expect(await cal.planAndApply({ kind: 'move' } as never, sel)).toBe(true)
    b.planBulk.mockReturnValueOnce(fail('NETWORK', 'offline') as never)
    expect(await cal.planAndApply({ kind: 'move' } as never, sel)).toBe(false)
    expect(b.applyBulk).toHaveBeenCalledOnce()
  })

  it('keeps the report open when a change failed or none went through', async () => {
    const { b, cal } = await shown()
    b.applyBulk.mockReturnValueOnce(ok(report({ succeeded: 1, failed: 1 })) as never)
    expect(await cal.planAndApply({ kind: 'move' } as never, sel)).toBe(false)
    expect(cal.phase).toBe('report')
    b.applyBulk.mockReturnValueOnce(ok(report({ succeeded: 0, failed: 0 })) as never)
    expect(await cal.planAndApply({ kind: 'move' } as never, sel)).toBe(false)
    expect(cal.phase).toBe('report')
    b.applyBulk.mockReturnValueOnce(fail('NETWORK', 'offline') as never)
    expect(await cal.planAndApply({ kind: 'move' } as never, sel)).toBe(false)
    expect(cal.phase).toBe('idle')
  })
})

describe('the event dialog', () => {
  it('creates a new event, sends only the changed fields of an edit, nothing when nothing changed', async () => {
    const { b, cal } = await shown()
    b.range.mockClear()
    expect(await cal.saveEvent('i1', null, { name: 'Tempo', date: '2026-12-04' } as never)).toBe(true)
    expect(b.createEvent).toHaveBeenCalledWith({ athleteId: 'i1', fields: { name: 'Tempo', date: '2026-12-04' }, confirmDate: false })
    expect(b.range).toHaveBeenCalledOnce()
    expect(await cal.saveEvent('i1', 4, { name: 'Hills' })).toBe(true)
    expect(b.updateEvent).toHaveBeenCalledWith({ athleteId: 'i1', eventId: 4, fields: { name: 'Hills' }, confirmDate: false })
    expect(b.range).toHaveBeenCalledTimes(2)
    expect(await cal.saveEvent('i1', 4, {})).toBe(true)
    expect(b.updateEvent).toHaveBeenCalledOnce()
    expect(b.range).toHaveBeenCalledTimes(2)
  })

  it('passes the coach’s yes to a date that needs one with the create or the edit', async () => {
    const { b, cal } = await shown()
    await cal.saveEvent('i1', null, { name: 'Tempo', date: '1900-01-02' } as never, true)
    expect(b.createEvent).toHaveBeenCalledWith({ athleteId: 'i1', fields: { name: 'Tempo', date: '1900-01-02' }, confirmDate: true })
    await cal.saveEvent('i1', 4, { date: '1900-01-02' }, true)
    expect(b.updateEvent).toHaveBeenCalledWith({ athleteId: 'i1', eventId: 4, fields: { date: '1900-01-02' }, confirmDate: true })
  })

  it('a refused save says why and returns false; the next clears the reason', async () => {
    const { b, cal } = await shown()
    b.updateEvent.mockReturnValueOnce(fail('READ_ONLY', 'no') as never)
    expect(await cal.saveEvent('i1', 4, { name: 'Hills' })).toBe(false)
    expect(cal.error).toEqual({ code: 'READ_ONLY', message: 'no' })
    await cal.saveEvent('i1', 4, { name: 'Hills' })
    expect(cal.error).toBeNull()
  })
})

describe('the day check-in', () => {
  it('reads each athlete’s today plus an offset, or one date for all, keyed by athlete', async () => {
    const { b, cal } = await shown()
    const loading = cal.loadDay({ date: null, offsetDays: -1 })
    expect(cal.wellnessLoading).toBe(true)
    expect(cal.checkIn).toEqual({ date: null, offsetDays: -1 })
    await loading
    expect(cal.wellnessLoading).toBe(false)
    expect(b.dayWellness).toHaveBeenCalledWith({ athleteIds: ['i1', 'i2'], offsetDays: -1 })
    expect(cal.wellness).toEqual({ i1: wellness('i1', '2026-12-03'), i2: wellness('i2', '2026-12-03') })
    await cal.loadDay({ date: '2026-12-08', offsetDays: 0 })
    expect(b.dayWellness).toHaveBeenLastCalledWith({ athleteIds: ['i1', 'i2'], date: '2026-12-08' })
    await cal.loadDay()
    expect(b.dayWellness).toHaveBeenLastCalledWith({ athleteIds: ['i1', 'i2'], date: '2026-12-08' })
  })

  it('moves the grid to the day when it is outside the range shown, and not when inside', async () => {
    const { b, cal } = await shown()
    b.range.mockClear()
    await cal.loadDay({ date: '2026-12-13', offsetDays: 0 })
    await cal.loadDay({ date: '2026-11-30', offsetDays: 0 })
    expect(b.range).not.toHaveBeenCalled()
    await cal.loadDay({ date: '2026-12-14', offsetDays: 0 })
    expect(cal.start).toBe('2026-12-14')
    await cal.loadDay({ date: '2026-12-13', offsetDays: 0 })
    expect(cal.start).toBe('2026-12-07')
    b.dayWellness.mockReturnValueOnce(ok([]) as never)
    await cal.loadDay({ date: null, offsetDays: 0 })
    expect(cal.start).toBe('2026-12-07')
  })

  it('keeps the latest day asked when an earlier answer comes last, and shows no earlier error', async () => {
    const { b, cal } = await shown()
    const answers: ((a: Answer) => void)[] = []
    b.dayWellness.mockImplementation(() => new Promise<Answer>((r) => answers.push(r)) as never)
    const first = cal.loadDay({ date: '2026-12-01', offsetDays: 0 })
    const second = cal.loadDay({ date: '2026-12-02', offsetDays: 0 })
    answers[1]!({ ok: true, value: [wellness('i1', '2026-12-02')] })
    await second
    expect(cal.wellnessLoading).toBe(false)
    answers[0]!({ ok: false, error: { code: 'TIMEOUT', message: 'slow' } })
    await first
    expect(cal.error).toBeNull()
    expect(cal.wellness).toEqual({ i1: wellness('i1', '2026-12-02') })
    const third = cal.loadDay({ date: '2026-12-01', offsetDays: 0 })
    const fourth = cal.loadDay({ date: '2026-12-03', offsetDays: 0 })
    answers[2]!({ ok: true, value: [wellness('i1', '2026-12-01')] })
    await third
    expect(cal.wellness).toEqual({})
    expect(cal.wellnessLoading).toBe(true)
    answers[3]!({ ok: false, error: { code: 'NETWORK', message: 'offline' } })
    await fourth
    expect(cal.error).toEqual({ code: 'NETWORK', message: 'offline' })
    expect(cal.wellnessLoading).toBe(false)
  })
})

describe('the calendar store’s edges in a bulk change', () => {
  it('a copy planned again answers that a plan came back', async () => {
    const { cal } = await shown()
    await cal.planBulk({ kind: 'copy', offsetDays: 7 } as never, sel)
    expect(await cal.replan!('replace' as never)).toBe(true)
  })

  it('a copy planned again that fails says so and leaves no plan to apply, not the earlier one', async () => {
    const { b, cal } = await shown()
    await cal.planBulk({ kind: 'copy', offsetDays: 7 } as never, sel)
    b.planBulk.mockReturnValueOnce(fail('NETWORK', 'offline') as never)
    expect(await cal.replan!('replace' as never)).toBe(false)
    expect([cal.phase, cal.plan, cal.error]).toEqual(['idle', null, { code: 'NETWORK', message: 'offline' }])
    await cal.apply()
    expect(b.applyBulk).not.toHaveBeenCalled()
  })

  it('a change applied whose reload failed says why the calendar could not be read', async () => {
    const { b, cal } = await shown()
    await cal.planBulk({ kind: 'delete' } as never, sel)
    b.range.mockReturnValueOnce(fail('NETWORK', 'offline') as never)
    await cal.apply()
    expect(cal.phase).toBe('report')
    expect(cal.error).toEqual({ code: 'NETWORK', message: 'offline' })
  })

  it('cancels nothing while an undo or a retry is being planned', async () => {
    const { b, cal } = await shown()
    let answer: (a: Answer) => void = () => {}
    b.planUndo.mockReturnValueOnce(new Promise<Answer>((r) => (answer = r)) as never)
    const planning = cal.planUndo()
    await cal.cancel()
    expect(b.cancelBulk).not.toHaveBeenCalled()
    answer({ ok: true, value: plan({ planId: 'p4' }) })
    await planning
  })

  it('without a report there is nothing to retry, and nothing changes', async () => {
    const { cal } = await shown()
    await cal.retryFailed()
    expect(cal.phase).toBe('idle')
    expect(cal.error).toBeNull()
  })

  it('moves the grid to the earliest day of the check-in, in whatever order the days came', async () => {
    const { b, cal } = await shown()
    b.dayWellness.mockReturnValueOnce(ok([wellness('i1', '2026-12-22'), wellness('i2', '2026-12-14')]) as never)
    await cal.loadDay({ date: null, offsetDays: 0 })
    expect(cal.start).toBe('2026-12-14')
  })

  it('moves the grid when the last of three days is past the range shown', async () => {
    const { b, cal } = await shown()
    b.range.mockClear()
    b.dayWellness.mockReturnValueOnce(ok([wellness('i1', '2026-11-30'), wellness('i2', '2026-12-05'), wellness('i3', '2026-12-20')]) as never)
    await cal.loadDay({ date: null, offsetDays: 0 })
    expect(b.range).toHaveBeenCalledOnce()
  })
})
