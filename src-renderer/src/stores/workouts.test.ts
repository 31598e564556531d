import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useWorkoutsStore } from './workouts'
import { useCalendarStore } from './calendar'
import { useSessionStore } from './session'
import { STARTER_TEXT } from './workoutModel'
import { fail, ok } from '../testing/bridge'

// The workout editor, library and assigning, against a stand-in bridge.

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }

const rideSettings = [{ types: ['Ride', 'VirtualRide'], ftp: 250, lthr: 165, maxHr: null, thresholdPaceMps: null }, { types: ['Run'], ftp: null, lthr: 170, maxHr: null, thresholdPaceMps: 4 }]
const plan = (over: object = {}) => ({ planId: 'p1', changes: [{}], skipped: [], placement: { existing: [], warnings: [] }, ...over })

function bridge() {
  const workouts = {
    parse: vi.fn((a: { text: string }) => ok({ text: a.text })),
    thresholds: vi.fn(() => ok(rideSettings)),
    library: vi.fn(() => ok({ folders: [], fetchedAt: 'now' })),
    import: vi.fn(() => ok({ name: 'Sweet Spot', sport: 'Ride', text: '- 10m 90%', warnings: [] })),
    saveToLibrary: vi.fn((a: { source: { name?: string } }) => ok({ id: 7, name: a.source.name ?? 'From calendar' })),
    planAssign: vi.fn(() => ok(plan())),
  }
  const calendar = {
    applyBulk: vi.fn(() => ok({ planId: 'p1', succeeded: 1, failed: 0 })),
    range: vi.fn(() => ok([])),
    history: vi.fn(() => ok({ undo: null, interrupted: [] })),
  }
  window.coachDesk = { workouts, calendar, events: { 'calendar:row': () => () => {}, 'bulk:progress': () => () => {} } } as never
  return { workouts, calendar }
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.useRealTimers())

describe('the workout editor', () => {
  it('starts on a VO2 ride with the starter text', () => {
    const w = useWorkoutsStore()
    expect([w.name, w.sport, w.text]).toEqual(['VO2 4x5', 'Ride', STARTER_TEXT])
  })

  it('reads the text once typing pauses, with the athlete’s thresholds for the sport', async () => {
    vi.useFakeTimers()
    const b = bridge()
    const w = useWorkoutsStore()
    w.athleteId = 'i1'
    w.thresholds = { i1: rideSettings } as never
    w.edit({ text: '- 5m 100%' })
    await vi.advanceTimersByTimeAsync(100)
    w.edit({ text: '- 5m 105%', sport: 'Run' })
    await vi.advanceTimersByTimeAsync(119)
    expect(b.workouts.parse).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(b.workouts.parse).toHaveBeenCalledExactlyOnceWith({ text: '- 5m 105%', sport: 'Run', thresholds: { lthr: 170, thresholdPaceMps: 4 } })
    expect(w.preview).toEqual({ text: '- 5m 105%' })
  })

  it('keeps the preview of the latest text when an older one answers last, and shows no older error', async () => {
    const answers: ((a: Answer) => void)[] = []
    const b = bridge()
    b.workouts.parse.mockImplementation(() => new Promise<Answer>((r) => answers.push(r)) as never)
    const w = useWorkoutsStore()
    const first = w.parse()
    const second = w.parse()
    answers[1]!({ ok: true, value: { text: 'new' } })
    await second
    answers[0]!({ ok: false, error: { code: 'TIMEOUT', message: 'slow' } })
    await first
    expect(w.preview).toEqual({ text: 'new' })
    expect(w.error).toBeNull()
    const third = w.parse()
    answers[2]!({ ok: false, error: { code: 'INVALID_INPUT', message: 'bad' } })
    await third
    expect(w.error).toEqual({ code: 'INVALID_INPUT', message: 'bad' })
  })

  it('reads an athlete’s thresholds once, and says why when they could not be read', async () => {
    const b = bridge()
    const w = useWorkoutsStore()
    await w.useAthlete('i1')
    await w.useAthlete('i1')
    expect(b.workouts.thresholds).toHaveBeenCalledExactlyOnceWith({ athleteId: 'i1' })
    expect(w.activeThresholds).toEqual({ ftp: 250, lthr: 165 })
    expect(b.workouts.parse).toHaveBeenLastCalledWith(expect.objectContaining({ thresholds: { ftp: 250, lthr: 165 } }))
    b.workouts.thresholds.mockReturnValueOnce(fail('NETWORK', 'offline') as never)
    await w.useAthlete('i2')
    expect(w.error).toEqual({ code: 'NETWORK', message: 'offline' })
    expect(w.activeThresholds).toEqual({})
    await w.useAthlete(null)
    expect(b.workouts.thresholds).toHaveBeenCalledTimes(2)
    expect(w.athleteId).toBeNull()
  })

  it('forgets the library and thresholds read for another account', async () => {
    const b = bridge()
    const session = useSessionStore()
    session.status = { state: 'connected', athleteId: 'i1' } as never
    const w = useWorkoutsStore()
    await w.useAthlete('i5')
    await w.loadLibrary()
    session.status = { state: 'connected', athleteId: 'i2' } as never
    await w.loadLibrary()
    expect(b.workouts.library).toHaveBeenCalledTimes(2)
    expect(w.thresholds).toEqual({})
    expect(w.athleteId).toBeNull()
    expect(w.owner).toBe('i2')
  })

  it('previews a workout for one athlete with their thresholds, without touching the draft', async () => {
    const b = bridge()
    const w = useWorkoutsStore()
    expect(await w.previewFor('- 20m 4:30/km', 'Run', 'i1')).toEqual({ text: '- 20m 4:30/km' })
    expect(b.workouts.parse).toHaveBeenLastCalledWith({ text: '- 20m 4:30/km', sport: 'Run', thresholds: { lthr: 170, thresholdPaceMps: 4 } })
    await w.previewFor('- 5m', 'Ride', 'i1')
    expect(b.workouts.thresholds).toHaveBeenCalledOnce()
    expect(w.text).toBe(STARTER_TEXT)
    b.workouts.parse.mockReturnValueOnce(fail('INVALID_INPUT', 'bad') as never)
    expect(await w.previewFor('x', 'Ride', 'i1')).toBeNull()
    expect(w.error).toBeNull()
  })

  it('loads the library once unless refreshed, and says why it failed', async () => {
    const b = bridge()
    const w = useWorkoutsStore()
    const loading = w.loadLibrary()
    expect(w.libraryLoading).toBe(true)
    await loading
    expect(w.libraryLoading).toBe(false)
    await w.loadLibrary()
    expect(b.workouts.library).toHaveBeenCalledExactlyOnceWith({ refresh: false })
    await w.loadLibrary(true)
    expect(b.workouts.library).toHaveBeenLastCalledWith({ refresh: true })
    b.workouts.library.mockReturnValueOnce(fail('NETWORK', 'offline') as never)
    await w.loadLibrary(true)
    expect(w.error?.code).toBe('NETWORK')
    expect(w.libraryLoading).toBe(false)
  })

  it('imports a file for the coach to accept into the editor, or to drop', async () => {
    // Accepting opens the text in the editor, which reads it once typing pauses: that timer is the test's.
    vi.useFakeTimers()
    const b = bridge()
    const w = useWorkoutsStore()
    const importing = w.importFile('sweet.zwo', '<workout_file/>')
    expect(w.importing).toBe(true)
    await importing
    expect(w.importing).toBe(false)
    expect(b.workouts.import).toHaveBeenCalledWith({ fileName: 'sweet.zwo', text: '<workout_file/>' })
    expect(w.imported).toEqual({ name: 'Sweet Spot', sport: 'Ride', text: '- 10m 90%', warnings: [], fileName: 'sweet.zwo' })
    w.acceptImport()
    expect([w.name, w.sport, w.text, w.imported]).toEqual(['Sweet Spot', 'Ride', '- 10m 90%', null])
    w.name = 'Kept'
    w.acceptImport()
    expect(w.name).toBe('Kept')
    b.workouts.import.mockReturnValueOnce(fail('INVALID_INPUT', 'Not a workout file.') as never)
    await w.importFile('x.txt', 'x')
    expect(w.error).toEqual({ code: 'INVALID_INPUT', message: 'Not a workout file.' })
    expect(w.importing).toBe(false)
  })

  it('saves the draft to a folder, named "Workout" when unnamed, with a confirmation that goes', async () => {
    vi.useFakeTimers()
    const b = bridge()
    const w = useWorkoutsStore()
    w.name = '  '
    const saving = w.saveDraft({ id: 3 })
    expect(w.saving).toBe(true)
    expect(await saving).toEqual({ id: 7, name: 'Workout' })
    expect(w.saving).toBe(false)
    expect(b.workouts.saveToLibrary).toHaveBeenCalledWith({ source: { kind: 'text', name: 'Workout', sport: 'Ride', description: STARTER_TEXT }, folder: { id: 3 } })
    expect(b.workouts.library).toHaveBeenLastCalledWith({ refresh: true })
    expect(w.notice).toBe('Saved “Workout” to the library.')
    await vi.advanceTimersByTimeAsync(4999)
    expect(w.notice).not.toBeNull()
    await vi.advanceTimersByTimeAsync(1)
    expect(w.notice).toBeNull()
  })

  it('a later confirmation is not cleared by the earlier one’s timer, and a failed save says why', async () => {
    vi.useFakeTimers()
    const b = bridge()
    const w = useWorkoutsStore()
    w.name = 'Tempo'
    await w.saveDraft({ newName: 'Run' })
    await vi.advanceTimersByTimeAsync(3000)
    w.name = 'Hills'
    await w.saveDraft({ id: 1 })
    await vi.advanceTimersByTimeAsync(2000)
    expect(w.notice).toBe('Saved “Hills” to the library.')
    b.workouts.saveToLibrary.mockReturnValueOnce(fail('READ_ONLY', 'no') as never)
    expect(await w.save({ kind: 'event', athleteId: 'i1', eventId: 4 }, { id: 1 })).toBeNull()
    expect(w.error).toEqual({ code: 'READ_ONLY', message: 'no' })
    expect(w.saving).toBe(false)
  })

  it('plans the draft for many athletes into the calendar preview, which can plan it again with a choice', async () => {
    const b = bridge()
    const w = useWorkoutsStore()
    w.name = ' Tempo '
    const cal = useCalendarStore()
    cal.error = { code: 'X', message: 'x' }
    expect(await w.planAssign(['i1', 'i2'], { kind: 'fromToday', days: 1 })).toBe(true)
    expect(b.workouts.planAssign).toHaveBeenCalledWith({ workout: { kind: 'text', name: 'Tempo', sport: 'Ride', description: STARTER_TEXT }, athleteIds: ['i1', 'i2'], when: { kind: 'fromToday', days: 1 }, placement: undefined })
    expect(cal.phase).toBe('preview')
    expect(cal.error).toBeNull()
    expect(cal.plan?.planId).toBe('p1')
    await cal.replan!('replace' as never)
    expect(b.workouts.planAssign).toHaveBeenLastCalledWith(expect.objectContaining({ placement: 'replace' }))
    b.workouts.planAssign.mockReturnValueOnce(fail('INVALID_INPUT', 'bad day') as never)
    expect(await w.planAssign(['i1'], { kind: 'fromToday', days: 1 })).toBe(false)
    expect(cal.phase).toBe('idle')
    expect(cal.error).toEqual({ code: 'INVALID_INPUT', message: 'bad day' })
    expect(w.error).toEqual({ code: 'INVALID_INPUT', message: 'bad day' })
  })

  it('a library workout dropped on a free day is applied at once and the dialog closes', async () => {
    const b = bridge()
    const w = useWorkoutsStore()
    await w.dropOnCalendar(9, 'i1', '2026-12-08')
    expect(b.workouts.planAssign).toHaveBeenCalledWith({ workout: { kind: 'library', workoutId: 9 }, athleteIds: ['i1'], when: { kind: 'date', date: '2026-12-08' }, placement: undefined })
    expect(b.calendar.applyBulk).toHaveBeenCalledWith({ planId: 'p1' })
    expect(useCalendarStore().phase).toBe('idle')
  })

  it('a drop on a day with something planned, or with a warning, waits in the preview', async () => {
    const b = bridge()
    const w = useWorkoutsStore()
    b.workouts.planAssign.mockReturnValueOnce(ok(plan({ placement: { existing: [{}], warnings: [] } })))
    await w.dropOnCalendar(9, 'i1', '2026-12-08')
    b.workouts.planAssign.mockReturnValueOnce(ok(plan({ placement: { existing: [], warnings: [{}] } })))
    await w.dropOnCalendar(9, 'i1', '2026-12-08')
    b.workouts.planAssign.mockReturnValueOnce(ok(plan({ changes: [] })))
    await w.dropOnCalendar(9, 'i1', '2026-12-08')
    b.workouts.planAssign.mockReturnValueOnce(fail('NETWORK', 'offline') as never)
    await w.dropOnCalendar(9, 'i1', '2026-12-08')
    expect(b.calendar.applyBulk).not.toHaveBeenCalled()
  })

  it('a drop whose write failed keeps the report open', async () => {
    const b = bridge()
    b.calendar.applyBulk.mockReturnValueOnce(ok({ planId: 'p1', succeeded: 0, failed: 1 }))
    await useWorkoutsStore().dropOnCalendar(9, 'i1', '2026-12-08')
    expect(useCalendarStore().phase).toBe('report')
  })
})
