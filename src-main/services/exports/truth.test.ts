import { unzipSync } from 'fflate'
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ExportFormat, ExportItem, ExportLayout, ExportReport } from '../../contract/exports'
import { profilesFor } from '../../sim/profile'
import type { CalendarEvent } from '../../sim/types'
import { coreHarness, type CoreHarness } from '../../testing/core'
import { filesUnder, plannedWeek } from '../../testing/exports'
import { fixedFolderDialogs, type ExportDialogs } from './dialogs'
import { MANIFEST_FILE } from './manifest'

// The export report against the simulator under each reading of workouts.zip: every planned
// workout of the selection is in the report, written or left out with the reason, and the files on
// disk are exactly the ones it says.

let h: CoreHarness
let out: string
const dialogs: ExportDialogs = {
  chooseSavePath: (name, kind) => fixedFolderDialogs(out).chooseSavePath(name, kind),
  chooseFolder: () => fixedFolderDialogs(out).chooseFolder(),
}
/** Every folder a test made, removed at the end. */
const made: string[] = []
const tempFolder = async (prefix: string) => {
  const d = await mkdtemp(join(tmpdir(), prefix))
  made.push(d)
  return d
}
let uuid = 0
const exportId = () => `7a2c2a4e-8b7d-4c3e-9a1f-${String(++uuid).padStart(12, '0')}`
const TRIATHLETE = 'i100003'
const CYCLIST = 'i100004'
let nextId = 900_000_000

beforeAll(async () => {
  h = await coreHarness({ core: { dialogs } })
  const r = await h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey, storage: 'memory' })
  expect(r.ok).toBe(true)
})
afterAll(async () => {
  await h.close()
  for (const d of made) await rm(d, { recursive: true, force: true })
  await rm(h.dataDir, { recursive: true, force: true })
})

async function saveMany(selection: object, format: ExportFormat, layout: ExportLayout = 'folders'): Promise<ExportReport> {
  const r = await h.core.invoke('exports:saveMany', { exportId: exportId(), format, layout, selection })
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as ExportReport
}

const exported = async (dir: string) => (await filesUnder(dir)).filter((f) => !f.endsWith(`/${MANIFEST_FILE}`))
const zipRequests = () => h.sim.requests.filter((r) => r.path.endsWith('/workouts.zip'))
const singleDownloads = () => h.sim.requests.filter((r) => r.path.includes('/download.'))

/** Adds a planned workout to the simulator's calendar (the simulator reads the text when it builds files). */
function plan(athleteId: string, like: CalendarEvent, over: Partial<CalendarEvent>): CalendarEvent {
  const e = { ...like, id: ++nextId, uid: `test-${nextId}`, ...over }
  h.sim.state.athlete(athleteId)!.events.push(e)
  return e
}
function unplan(athleteId: string, events: CalendarEvent[]) {
  const list = h.sim.state.athlete(athleteId)!.events
  for (const e of events) list.splice(list.indexOf(e), 1)
}
const rowOf = (report: ExportReport, e: CalendarEvent): ExportItem | undefined => report.results.find((r) => r.eventId === e.id)

describe.each(profilesFor(['zip']))('exports under $name', ({ profile }) => {
  beforeEach(async () => {
    h.sim.setProfile(profile)
    h.sim.clearFaults()
    out = await tempFolder('coach-desk-truth-')
  })
  afterAll(() => h.sim.setProfile({ zip: 'omit' }))

  it('reports every planned workout: written, a swim left out of .zwo, and one intervals.icu cannot convert', async () => {
    const week = plannedWeek(h.sim, TRIATHLETE)
    const ride = week.workouts.find((w) => /Ride/.test(w.type ?? ''))!
    const added = [
      plan(TRIATHLETE, ride, { name: 'Pool 10x100', type: 'Swim', description: '- 10m 70%\n- 10m 80%' }),
      plan(TRIATHLETE, ride, { name: 'Easy spin, no plan', description: 'ride easy by feel' }),
    ]
    const [swim, prose] = added
    try {
      h.sim.resetRequests()
      const report = await saveMany({ ranges: [{ athleteId: TRIATHLETE, oldest: week.oldest, newest: week.newest }] }, 'zwo')
      const all = [...week.workouts, ...added]
      // One row per planned workout, no more and no less.
      expect(report.results.map((r) => r.eventId).sort()).toEqual(all.map((w) => w.id).sort())
      expect(rowOf(report, swim!)).toMatchObject({ ok: false, outcome: 'leftOut', fileName: null, error: expect.stringMatching(/\.zwo files \(Zwift\) carry rides and runs only.*Swim/) })
      expect(rowOf(report, prose!)).toMatchObject({ ok: false, outcome: 'leftOut', error: expect.stringMatching(/intervals\.icu could not convert it to \.zwo: .*no steps/) })
      const carried = week.workouts.filter((w) => !/Swim/.test(w.type ?? ''))
      const swims = week.workouts.filter((w) => /Swim/.test(w.type ?? ''))
      for (const w of carried) expect(rowOf(report, w)).toMatchObject({ ok: true, outcome: 'written' })
      for (const w of swims) expect(rowOf(report, w)).toMatchObject({ outcome: 'leftOut' })
      expect(report).toMatchObject({ written: carried.length, leftOut: swims.length + 2, failed: 0 })

      // The files on disk are exactly the written rows, named after each planned workout.
      const files = await exported(out)
      expect(files).toEqual(report.results.filter((r) => r.ok).map((r) => r.fileName).sort())
      for (const w of carried) expect(files).toContain(`${week.name}/${w.start_date_local!.slice(0, 10)} ${w.name}.zwo`)
      expect(files.some((f) => f.includes('Pool'))).toBe(false)

      // One events read and one zip; then only what the zip could not give is fetched alone.
      expect(h.sim.requests.filter((r) => r.path.endsWith('/events') && r.method === 'GET')).toHaveLength(1)
      expect(zipRequests()).toHaveLength(1)
      const expectedSingles = profile.zip === 'refuse' ? carried.length + 1 : 1
      expect(singleDownloads()).toHaveLength(expectedSingles)
      expect(zipRequests()[0]!.status).toBe(profile.zip === 'refuse' ? 422 : 200)
      // A swim is never downloaded for .zwo.
      expect(singleDownloads().some((r) => r.path.includes(`/events/${swim!.id}/`))).toBe(false)
    } finally {
      unplan(TRIATHLETE, added)
    }
  })

  it('single events: a note is not a workout, a swim is not a .zwo, a run is written', async () => {
    const note = h.sim.state.athlete('i100002')!.events.find((e) => e.category === 'NOTE')!
    const run = plannedWeek(h.sim, 'i100002').workouts[0]!
    const swim = h.sim.state.athlete('i100006')!.events.find((e) => e.category === 'WORKOUT' && e.type === 'Swim')!
    const events = [note, run].map((e) => ({ athleteId: 'i100002', eventId: e.id! })).concat({ athleteId: 'i100006', eventId: swim.id! })
    h.sim.resetRequests()
    const report = await saveMany({ events }, 'zwo')
    expect(report).toMatchObject({ written: 1, leftOut: 2, failed: 0 })
    expect(rowOf(report, note)).toMatchObject({ outcome: 'leftOut', error: expect.stringMatching(/is a note, not a planned workout/) })
    expect(rowOf(report, swim)).toMatchObject({ outcome: 'leftOut', error: expect.stringMatching(/rides and runs only/) })
    expect(rowOf(report, run)).toMatchObject({ outcome: 'written', ok: true })
    // Only the run is downloaded.
    expect(singleDownloads().map((r) => r.path)).toEqual([`/api/v1/athlete/i100002/events/${run.id}/download.zwo`])
  })

  it('a week of .erg without an FTP is a shortfall, never a success', async () => {
    const week = plannedWeek(h.sim, CYCLIST)
    const settings = h.sim.state.athlete(CYCLIST)!.sportSettings
    const saved = settings.map((s) => s.ftp)
    for (const s of settings) s.ftp = null
    try {
      const report = await saveMany({ ranges: [{ athleteId: CYCLIST, oldest: week.oldest, newest: week.newest }] }, 'erg')
      expect(report).toMatchObject({ written: 0, leftOut: week.workouts.length, failed: 0 })
      expect(report.results).toHaveLength(week.workouts.length)
      for (const r of report.results) expect(r).toMatchObject({ ok: false, outcome: 'leftOut', error: expect.stringMatching(/could not convert it to \.erg: .*FTP/) })
      expect(await exported(out)).toEqual([])
    } finally {
      settings.forEach((s, i) => (s.ftp = saved[i]))
    }
  })

  it('a zip holds the same rows as a folder, two workouts of the same day and name as " (2)"', async () => {
    const week = plannedWeek(h.sim, CYCLIST)
    const first = week.workouts[0]!
    const twin = plan(CYCLIST, first, {})
    try {
      const report = await saveMany({ ranges: [{ athleteId: CYCLIST, oldest: week.oldest, newest: week.newest }] }, 'fit', 'zip')
      expect(report).toMatchObject({ written: week.workouts.length + 1, failed: 0, leftOut: 0 })
      const entries = Object.keys(unzipSync(await readFile(report.location!))).sort()
      expect(entries).toEqual(report.results.map((r) => r.fileName).sort())
      const base = `${week.name}/${first.start_date_local!.slice(0, 10)} ${first.name}`
      expect(entries).toEqual(expect.arrayContaining([`${base}.fit`, `${base} (2).fit`]))
    } finally {
      unplan(CYCLIST, [twin])
    }
  })
})

describe('exporting into the same folder again', () => {
  beforeEach(async () => {
    h.sim.setProfile({ zip: 'omit' })
    out = await tempFolder('coach-desk-again-')
  })
  const range = () => {
    const week = plannedWeek(h.sim, CYCLIST)
    return { week, selection: { ranges: [{ athleteId: CYCLIST, oldest: week.oldest, newest: week.newest }] } }
  }

  it('leaves one file per workout: unchanged ones alone, a changed one replaced, a renamed one moved', async () => {
    const { week, selection } = range()
    const first = await saveMany(selection, 'zwo')
    expect(first).toMatchObject({ written: week.workouts.length, unchanged: 0 })
    const again = await saveMany(selection, 'zwo')
    expect(again).toMatchObject({ written: week.workouts.length, unchanged: week.workouts.length, failed: 0 })
    expect(again.results.every((r) => r.outcome === 'unchanged')).toBe(true)
    expect(await exported(out)).toEqual(first.results.map((r) => r.fileName).sort())

    const [changed, renamed] = week.workouts
    const was = { description: changed!.description, name: renamed!.name }
    changed!.description = '- 20m 60%\n- 5m 100%'
    renamed!.name = `${renamed!.name} renamed`
    try {
      const third = await saveMany(selection, 'zwo')
      expect(rowOf(third, changed!)).toMatchObject({ outcome: 'replaced', fileName: rowOf(first, changed!)!.fileName })
      expect(rowOf(third, renamed!)).toMatchObject({ outcome: 'replaced', fileName: `${week.name}/${renamed!.start_date_local!.slice(0, 10)} ${renamed!.name}.zwo` })
      const files = await exported(out)
      expect(files).toHaveLength(week.workouts.length)
      expect(files).not.toContain(rowOf(first, renamed!)!.fileName)
      expect(files.some((f) => / \(2\)\./.test(f))).toBe(false)
      expect(await readFile(join(out, rowOf(third, changed!)!.fileName!), 'utf8')).toMatch(/Duration="1200"/)
    } finally {
      changed!.description = was.description
      renamed!.name = was.name
    }
  })

  it('never replaces a file the coach changed or put there: the new one gets " (2)"', async () => {
    const { week, selection } = range()
    const first = await saveMany(selection, 'zwo')
    const mine = rowOf(first, week.workouts[0]!)!.fileName!
    await writeFile(join(out, mine), 'my own edits')
    const again = await saveMany(selection, 'zwo')
    expect(rowOf(again, week.workouts[0]!)).toMatchObject({ outcome: 'written', fileName: mine.replace(/\.zwo$/, ' (2).zwo') })
    expect(await readFile(join(out, mine), 'utf8')).toBe('my own edits')
  })

  it('a folder exported before the list existed is matched by name and content', async () => {
    const { week, selection } = range()
    await saveMany(selection, 'zwo')
    await rm(join(out, week.name, MANIFEST_FILE))
    const again = await saveMany(selection, 'zwo')
    expect(again.results.every((r) => r.outcome === 'unchanged')).toBe(true)
    expect(await exported(out)).toHaveLength(week.workouts.length)
  })

  it('two athletes with the same name get "Name" and "Name (2)" folders', async () => {
    const a = h.sim.state.athlete('i100001')!
    const b = h.sim.state.athlete('i100002')!
    const names = [a.athlete.name, b.athlete.name]
    a.athlete.name = b.athlete.name = 'Sam Lee'
    try {
      await h.core.invoke('roster:list', { refresh: true })
      const weeks = ['i100001', 'i100002'].map((id) => plannedWeek(h.sim, id))
      const report = await saveMany({ ranges: weeks.map(({ athleteId, oldest, newest }) => ({ athleteId, oldest, newest })) }, 'fit')
      expect(report.failed).toBe(0)
      const folders = [...new Set((await exported(out)).map((f) => f.split('/')[0]))].sort()
      expect(folders).toEqual(['Sam Lee', 'Sam Lee (2)'])
      expect(report.results.filter((r) => r.athleteId === 'i100002').every((r) => r.fileName!.startsWith('Sam Lee (2)/'))).toBe(true)
    } finally {
      a.athlete.name = names[0]
      b.athlete.name = names[1]
      await h.core.invoke('roster:list', { refresh: true })
    }
  })

  it('refuses an athlete folder that links outside the chosen folder, and writes nothing there', async () => {
    const { week, selection } = range()
    const elsewhere = await tempFolder('coach-desk-elsewhere-')
    await symlink(elsewhere, join(out, week.name), 'dir')
    const report = await saveMany(selection, 'zwo')
    expect(report).toMatchObject({ written: 0, failed: week.workouts.length })
    for (const r of report.results) expect(r.error).toMatch(/is a link to .*outside the folder you chose/)
    expect(await filesUnder(elsewhere)).toEqual([])
    // A link that stays inside the chosen folder is fine.
    await rm(join(out, week.name))
    await mkdir(join(out, 'real'))
    await symlink(join(out, 'real'), join(out, week.name), 'dir')
    const inside = await saveMany(selection, 'zwo')
    expect(inside).toMatchObject({ written: week.workouts.length, failed: 0 })
    expect((await filesUnder(join(out, 'real'))).filter((f) => !f.endsWith(MANIFEST_FILE))).toHaveLength(week.workouts.length)
  })
})
