import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BulkPlan, BulkReport } from '../../contract/calendar'
import type { ImportedFile, Library, LibWorkout, SportThresholds, WeekTemplate, WorkoutPreview } from '../../contract/workouts'
import type { RosterList } from '../../contract/schemas'
import { libraryOf } from '../../sim/library/store'
import { connectedHarness, ok, type CoreHarness } from '../../testing/core'
import { writeZwo } from '../../sim/downloadWriters'
import { flattenSteps, parseWorkout, readWorkoutFile, type Step } from '../../workouts'
import { addDays, athleteToday, mondayOf } from '../dates'

let h: CoreHarness
let roster: RosterList

beforeEach(async () => {
  ;({ h, roster } = await connectedHarness())
})
afterEach(() => h.close())

const writers = () => roster.athletes.filter((a) => !a.isSelf && a.permission === 'WRITE')
const readOnly = () => roster.athletes.find((a) => a.permission === 'READ')!
const eventsNamed = (athleteId: string, name: string) => h.sim.state.athlete(athleteId)!.events.filter((e) => e.name === name)
const stepsOf = (text: string, sport = 'Ride'): Omit<Step, 'line'>[] => flattenSteps(parseWorkout(text, { sport })).map(({ line: _l, ...s }) => s)

/** Some tests place workouts years ahead, on days nothing else is planned: the coach's yes goes with those. */
async function applyPlan(plan: BulkPlan): Promise<BulkReport> {
  const confirm = plan.placement?.warnings.some((w) => w.needsConfirm) ?? false
  return ok<BulkReport>(h.core.invoke('calendar:applyBulk', { planId: plan.planId, ...(confirm ? { confirmDates: true } : {}) }))
}

const TEXT = 'Warmup\n- 10m ramp 50%-75%\n\nMain Set 4x\n- 5m 105%\n- 3m 55%\n\nCooldown\n- 10m 50%'

describe('the editor preview', () => {
  it('gives the time, the load from the athlete’s FTP, the blocks to draw and the lines that do not parse', async () => {
    const ride = (await ok<SportThresholds[]>(h.core.invoke('workouts:thresholds', { athleteId: writers()[0]!.id }))).find((s) => s.types.includes('Ride'))!
    expect(ride.ftp).toBeGreaterThan(100)
    const p = await ok<WorkoutPreview>(h.core.invoke('workouts:parse', { text: `${TEXT}\n- 5m 200w\n- fast bit`, sport: 'Ride', thresholds: { ftp: ride.ftp! } }))
    expect(p.durationSecs).toBe(600 + 4 * 480 + 600 + 300)
    expect(p.load).toBeGreaterThan(50)
    expect(p.blocks).toHaveLength(1 + 8 + 1 + 1)
    expect(p.blocks[0]).toMatchObject({ ramp: true, from: 0.5, to: 0.75, zoneFrom: 1, zoneTo: 2 })
    expect(p.issues).toEqual([{ line: 11, message: expect.stringMatching(/no duration or distance/) }])
    expect(p.needs).toEqual([])
    const noFtp = await ok<WorkoutPreview>(h.core.invoke('workouts:parse', { text: '- 5m 200w', sport: 'Ride' }))
    expect(noFtp.needs).toEqual(['FTP'])
  })

  it('shows prose as zero steps and zero load, as intervals.icu would save it', async () => {
    const p = await ok<WorkoutPreview>(h.core.invoke('workouts:parse', { text: 'Ride 2 hours easy with the club', sport: 'Ride' }))
    expect(p).toMatchObject({ steps: 0, load: 0, durationSecs: 0, blocks: [] })
  })
})

describe('imports', () => {
  it('reads a .zwo file into workout text with a preview', async () => {
    const zwo = writeZwo({ name: 'Imported VO2', sport: 'Ride', parsed: parseWorkout(TEXT) })
    const file = await ok<ImportedFile>(h.core.invoke('workouts:import', { fileName: 'vo2.zwo', text: zwo }))
    expect(file.name).toBe('Imported VO2')
    expect(stepsOf(file.text)).toEqual(stepsOf(TEXT))
    expect(file.preview.durationSecs).toBe(600 + 4 * 480 + 600)
    const bad = await h.core.invoke('workouts:import', { fileName: 'vo2.zwo', text: '<html/>' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/not a Zwift workout/) } })
  })
})

describe('the library', () => {
  it('lists folders and plans in one request, and saves text or an event into a new folder', async () => {
    h.sim.resetRequests()
    const lib = await ok<Library>(h.core.invoke('workouts:library', {}))
    expect(h.sim.requests).toHaveLength(1)
    expect(lib.folders.map((f) => f.kind)).toEqual(['FOLDER', 'FOLDER', 'FOLDER', 'PLAN'])
    expect(lib.folders[3]!.workouts[0]).toMatchObject({ day: 1, sport: 'VirtualRide' })

    const saved = await ok<LibWorkout>(
      h.core.invoke('workouts:saveToLibrary', { source: { kind: 'text', name: 'VO2 4x5', sport: 'Ride', description: TEXT }, folder: { newName: 'Squad' } }),
    )
    expect(saved.movingSecs).toBe(600 + 4 * 480 + 600)
    const athlete = writers()[0]!.id
    const event = h.sim.state.athlete(athlete)!.events.find((e) => e.category === 'WORKOUT')!
    const fromEvent = await ok<LibWorkout>(
      h.core.invoke('workouts:saveToLibrary', { source: { kind: 'event', athleteId: athlete, eventId: event.id }, folder: { id: saved.folderId } }),
    )
    expect(fromEvent).toMatchObject({ name: event.name, description: event.description, folderId: saved.folderId })
    const again = await ok<Library>(h.core.invoke('workouts:library', {}))
    expect(again.folders.find((f) => f.name === 'Squad')!.workouts.map((w) => w.name)).toEqual(['VO2 4x5', event.name])
  })
})

describe('assigning one workout to many athletes', () => {
  it('plans one create per athlete on each athlete’s own Tuesday of next week, skips read-only athletes, applies and undoes', async () => {
    const ids = writers().slice(0, 3).map((a) => a.id)
    const when = { kind: 'weekday', weekOffset: 1, weekday: 1 } as const
    const plan = await ok<BulkPlan>(
      h.core.invoke('workouts:planAssign', { workout: { kind: 'text', name: 'VO2 4x5', sport: 'Ride', description: TEXT }, athleteIds: [...ids, readOnly().id], when }),
    )
    expect(plan.title).toBe('Assign “VO2 4x5” (Tuesday next week)')
    expect(plan.changes).toHaveLength(3)
    expect(plan.skipped).toEqual([expect.objectContaining({ athleteId: readOnly().id, reason: expect.stringMatching(/read-only/) })])
    // Per athlete: one read to check nothing changed since the preview, one events/bulk write.
    expect(plan.requests).toBe(6)
    for (const c of plan.changes) {
      const tz = roster.athletes.find((a) => a.id === c.athleteId)!.timezone
      expect(c.date).toBe(addDays(mondayOf(athleteToday(tz, new Date())), 8))
    }
    h.sim.resetRequests()
    const report = await applyPlan(plan)
    expect(report).toMatchObject({ succeeded: 3, failed: 0, undoable: true })
    expect(h.sim.requests.filter((r) => r.method === 'POST')).toHaveLength(3)
    for (const id of ids) {
      const [made] = eventsNamed(id, 'VO2 4x5')
      expect(made).toMatchObject({ category: 'WORKOUT', moving_time: 600 + 4 * 480 + 600 })
      expect(made!.icu_training_load).toBeGreaterThan(50)
    }
    const undo = await ok<BulkPlan>(h.core.invoke('calendar:planUndo', {}))
    expect(undo.changes.map((c) => c.kind)).toEqual(['delete', 'delete', 'delete'])
    await applyPlan(undo)
    for (const id of ids) expect(eventsNamed(id, 'VO2 4x5')).toEqual([])
  })

  it('assigns a library workout by id, reading its current text', async () => {
    const lib = await ok<Library>(h.core.invoke('workouts:library', {}))
    const sst = lib.folders[0]!.workouts.find((w) => w.name === 'Sweet spot 3x12')!
    const id = writers()[1]!.id
    const plan = await ok<BulkPlan>(h.core.invoke('workouts:planAssign', { workout: { kind: 'library', workoutId: sst.id }, athleteIds: [id], when: { kind: 'date', date: '2030-01-08' } }))
    await applyPlan(plan)
    expect(eventsNamed(id, 'Sweet spot 3x12')[0]).toMatchObject({ start_date_local: '2030-01-08T00:00:00', type: 'VirtualRide', description: sst.description })
  })

  it('round trip: text → intervals.icu → downloaded .zwo and .mrc, and workout_doc → the same steps', async () => {
    const id = writers()[2]!.id
    const plan = await ok<BulkPlan>(h.core.invoke('workouts:planAssign', { workout: { kind: 'text', name: 'Round trip', sport: 'Ride', description: TEXT }, athleteIds: [id], when: { kind: 'date', date: '2030-02-05' } }))
    await applyPlan(plan)
    const made = eventsNamed(id, 'Round trip')[0]!
    const doc = made.workout_doc as unknown as { steps: Array<{ reps?: number; steps?: unknown[]; duration?: number }> }
    expect(doc.steps.map((s) => s.reps ?? 1)).toEqual([1, 4, 1])
    const auth = `Basic ${Buffer.from(`API_KEY:${h.sim.apiKey}`).toString('base64')}`
    for (const ext of ['zwo', 'mrc'] as const) {
      const res = await fetch(`${h.sim.url}/api/v1/athlete/${id}/events/${made.id}/download.${ext}`, { headers: { Authorization: auth } })
      const bytes = new Uint8Array(await res.arrayBuffer())
      const back = readWorkoutFile(`w.${ext}`, new TextDecoder().decode(bytes))
      expect(stepsOf(back.text)).toEqual(stepsOf(TEXT))
    }
  })
})

describe('week templates', () => {
  it('saves one athlete’s week with every kind of event and applies it to others from their next week, with undo', async () => {
    const [source, b, c] = writers().slice(0, 3).map((a) => a.id)
    const tz = roster.athletes.find((a) => a.id === source)!.timezone
    const week = addDays(mondayOf(athleteToday(tz, new Date())), 7)
    await ok(h.core.invoke('calendar:createEvent', { athleteId: source, fields: { name: 'Rest and stretch', category: 'NOTE', date: addDays(week, 4) } }))
    const sourceEvents = h.sim.state.athlete(source)!.events.filter((e) => (e.start_date_local ?? '') >= week && (e.start_date_local ?? '') < addDays(week, 7))
    const template = await ok<WeekTemplate>(h.core.invoke('workouts:saveWeekTemplate', { athleteId: source, weekStart: week, name: 'Build week' }))
    expect(template.events).toHaveLength(sourceEvents.length)
    expect(template.events.some((e) => e.category === 'NOTE' && e.day === 4)).toBe(true)
    expect((await ok<WeekTemplate[]>(h.core.invoke('workouts:templates', {}))).map((t) => t.name)).toEqual(['Build week'])

    const plan = await ok<BulkPlan>(h.core.invoke('workouts:planTemplate', { templateId: template.id, athleteIds: [b, c], start: { kind: 'week', weekOffset: 3 } }))
    expect(plan.changes).toHaveLength(2 * sourceEvents.length)
    expect(plan.requests).toBe(4)
    await applyPlan(plan)
    for (const id of [b, c]) {
      const start = addDays(mondayOf(athleteToday(roster.athletes.find((a) => a.id === id)!.timezone, new Date())), 21)
      const note = eventsNamed(id, 'Rest and stretch')
      expect(note.map((e) => e.start_date_local)).toEqual([`${addDays(start, 4)}T00:00:00`])
    }
    await applyPlan(await ok<BulkPlan>(h.core.invoke('calendar:planUndo', {})))
    expect([...eventsNamed(b!, 'Rest and stretch'), ...eventsNamed(c!, 'Rest and stretch')]).toEqual([])
    expect(await ok(h.core.invoke('workouts:deleteTemplate', { templateId: template.id }))).toEqual({ deleted: true })
    expect(await ok(h.core.invoke('workouts:templates', {}))).toEqual([])
  })

  it('refuses an empty week', async () => {
    const r = await h.core.invoke('workouts:saveWeekTemplate', { athleteId: writers()[0]!.id, weekStart: '2031-01-06', name: 'Nothing' })
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/nothing planned/) } })
  })
})

describe('what the workout channels refuse or call a plan', () => {
  it('refuses a library workout with no text, planning nothing', async () => {
    const folderId = libraryOf(h.sim.state, h.sim.state.coach).folders[0]!.id!
    const empty = await ok<LibWorkout>(h.core.invoke('workouts:saveToLibrary', { source: { kind: 'text', name: 'Blank', sport: 'Ride', description: '  \n ' }, folder: { id: folderId } }))
    const r = await h.core.invoke('workouts:planAssign', { workout: { kind: 'library', workoutId: empty.id }, athleteIds: [writers()[0]!.id], when: { kind: 'fromToday', days: 1 } })
    expect(r).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '“Blank” has no text to put on a calendar.' } })
  })

  it('names a week template’s plan by the week it starts, and merges the read-only athletes into what is skipped', async () => {
    const source = writers()[0]!
    const week = addDays(mondayOf(athleteToday(source.timezone, new Date())), 7)
    await ok(h.core.invoke('calendar:createEvent', { athleteId: source.id, fields: { name: 'Titles note', category: 'NOTE', date: addDays(week, 2) } }))
    const template = await ok<WeekTemplate>(h.core.invoke('workouts:saveWeekTemplate', { athleteId: source.id, weekStart: week, name: 'Base' }))
    expect(template).toMatchObject({ name: 'Base', sourceAthleteId: source.id, sourceName: source.name, weekStart: week })
    const titles: string[] = []
    for (const start of [{ kind: 'week', weekOffset: 0 }, { kind: 'week', weekOffset: 1 }, { kind: 'week', weekOffset: 4 }, { kind: 'week', weekOffset: -2 }, { kind: 'date', date: '2031-03-03' }] as const) {
      const plan = await ok<BulkPlan>(h.core.invoke('workouts:planTemplate', { templateId: template.id, athleteIds: [writers()[1]!.id, readOnly().id], start }))
      titles.push(plan.title)
      expect(plan.skipped.length).toBe(template.events.length)
      expect(new Set(plan.skipped.map((x) => x.athleteId))).toEqual(new Set([readOnly().id]))
      expect(plan.placement?.choice).toBe('alongside')
    }
    expect(titles).toEqual(['Week “Base” (this week)', 'Week “Base” (next week)', 'Week “Base” (in 4 weeks)', 'Week “Base” (2 weeks ago)', 'Week “Base” (from 2031-03-03)'])
    const dated = await ok<BulkPlan>(h.core.invoke('workouts:planTemplate', { templateId: template.id, athleteIds: [writers()[1]!.id], start: { kind: 'date', date: '2031-03-03' } }))
    expect(dated.changes.find((c) => c.name === 'Titles note')?.date).toBe('2031-03-05')
  })

  it('reads each athlete’s calendar over just the days the new events land on', async () => {
    const [source, target] = writers()
    for (const [day, name] of [['2031-01-07', 'Tuesday note'], ['2031-01-10', 'Friday note']] as const) {
      await ok(h.core.invoke('calendar:createEvent', { athleteId: source!.id, fields: { name, category: 'NOTE', date: day }, confirmDate: true }))
    }
    const template = await ok<WeekTemplate>(h.core.invoke('workouts:saveWeekTemplate', { athleteId: source!.id, weekStart: '2031-01-06', name: 'Two notes' }))
    expect(template.events.map((e) => e.day)).toEqual([1, 4])
    h.sim.resetRequests()
    await ok<BulkPlan>(h.core.invoke('workouts:planTemplate', { templateId: template.id, athleteIds: [target!.id], start: { kind: 'date', date: '2032-01-05' } }))
    const reads = h.sim.requests.filter((r) => r.method === 'GET' && r.path === `/api/v1/athlete/${target!.id}/events`).map((r) => new URLSearchParams(r.query))
    expect(reads.map((q) => [q.get('oldest'), q.get('newest')])).toContainEqual(['2032-01-06', '2032-01-09'])
  })

  it('leaves out the sport warning when the athlete’s settings cannot be read, and still plans', async () => {
    // Nobody in the simulator has settings for rowing, or rowed lately.
    const runner = writers()[0]!
    const assign = () =>
      ok<BulkPlan>(h.core.invoke('workouts:planAssign', { workout: { kind: 'text', name: 'Erg intervals', sport: 'Rowing', description: TEXT }, athleteIds: [runner.id], when: { kind: 'date', date: '2031-02-04' } }))
    expect((await assign()).placement?.warnings.map((w) => w.kind)).toContain('noSportSettings')
    h.sim.addFault({ method: 'GET', path: `/api/v1/athlete/${runner.id}`, status: 404 })
    const plan = await assign()
    expect(plan.placement?.warnings.map((w) => w.kind)).not.toContain('noSportSettings')
    expect(plan.placement?.warnings.map((w) => w.kind)).toContain('notTheirSport')
    expect(plan.changes).toHaveLength(1)
  })

  it('lists a workout skipped for a day already planned beside the athletes it cannot write to', async () => {
    const athlete = writers()[0]!
    await ok(h.core.invoke('calendar:createEvent', { athleteId: athlete.id, fields: { name: 'Long ride', category: 'WORKOUT', type: 'Ride', date: '2031-03-04', description: '- 3h 65%' }, confirmDate: true }))
    const plan = await ok<BulkPlan>(
      h.core.invoke('workouts:planAssign', {
        workout: { kind: 'text', name: 'VO2 4x5', sport: 'Ride', description: TEXT },
        athleteIds: [athlete.id, readOnly().id],
        when: { kind: 'date', date: '2031-03-04' },
        placement: 'skip',
      }),
    )
    expect(plan.changes).toEqual([])
    expect(plan.skipped.map((x) => x.athleteId).sort()).toEqual([athlete.id, readOnly().id].sort())
    expect(plan.skipped.find((x) => x.athleteId === athlete.id)!.reason).toMatch(/^“VO2 4x5” not added: .* already has “Long ride” on /)
  })

  it('says a template that is gone is gone, and deleting it again deletes nothing', async () => {
    const gone = '0b7d4a52-1c2e-4f3a-9d8e-112233445566'
    const r = await h.core.invoke('workouts:planTemplate', { templateId: gone, athleteIds: [writers()[0]!.id], start: { kind: 'week', weekOffset: 1 } })
    expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'That template is no longer there.' } })
    expect(await ok(h.core.invoke('workouts:deleteTemplate', { templateId: gone }))).toEqual({ deleted: false })
  })

  it('refuses a file that is not a workout it can read, saying why', async () => {
    const r = await h.core.invoke('workouts:import', { fileName: 'notes.txt', text: 'hello' })
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})

it('keeps the simulator library untouched by reads', () => {
  expect(libraryOf(h.sim.state, h.sim.state.coach).folders).toHaveLength(4)
})
