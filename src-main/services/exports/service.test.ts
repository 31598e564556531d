import { Decoder, Stream } from '@garmin/fitsdk'
import { unzipSync, zipSync } from 'fflate'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve, sep } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ExportReport } from '../../contract/exports'
import { profilesFor } from '../../sim/profile'
import { exportDeps, filesUnder, plannedWeek } from '../../testing/exports'
import { coreHarness, type CoreHarness } from '../../testing/core'
import { nodeFs, type AtomicWriteFs } from './atomicWrite'
import { fixedFolderDialogs, type ExportDialogs } from './dialogs'
import { MANIFEST_FILE } from './manifest'
import { ExportService } from './service'
import { silentLogger } from '../../log'

let h: CoreHarness
let out: string
const dialogs: ExportDialogs = {
  chooseSavePath: (name, kind) => fixedFolderDialogs(out).chooseSavePath(name, kind),
  chooseFolder: () => fixedFolderDialogs(out).chooseFolder(),
}
const ATHLETES = ['i100001', 'i100002', 'i100003']
let uuid = 0
const exportId = () => `6f1c2a4e-8b7d-4c3e-9a1f-${String(++uuid).padStart(12, '0')}`

/** Every folder a test made, removed when the file ends. */
const made: string[] = []
const tempFolder = async (prefix: string) => {
  const d = await mkdtemp(join(tmpdir(), prefix))
  made.push(d)
  return d
}

beforeAll(async () => {
  h = await coreHarness({ core: { dialogs } })
  const r = await h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey, storage: 'memory' })
  expect(r.ok).toBe(true)
})
afterAll(async () => {
  for (const d of made) await rm(d, { recursive: true, force: true })
  await h.close()
})
beforeEach(async () => {
  out = await tempFolder('coach-desk-export-')
  h.sim.clearFaults()
})

async function saveMany(args: Record<string, unknown>): Promise<ExportReport> {
  const r = await h.core.invoke('exports:saveMany', { exportId: exportId(), format: 'fit', layout: 'folders', ...args })
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as ExportReport
}

function decodesAsFit(bytes: Uint8Array): boolean {
  const d = new Decoder(Stream.fromByteArray(bytes))
  return d.isFIT() && d.checkIntegrity() && (d.read().messages.workoutMesgs?.length ?? 0) === 1
}

/** The workout files under `dir`, without the hidden list of files each athlete folder keeps. */
async function exportedFiles(dir: string): Promise<string[]> {
  return (await filesUnder(dir)).filter((f) => !f.endsWith(`/${MANIFEST_FILE}`))
}

function expectInside(root: string, files: string[]) {
  for (const f of files) expect(resolve(root, f).startsWith(resolve(root) + sep), f).toBe(true)
  expect(files.filter((f) => f.split('/').at(-1)!.startsWith('.') && !f.endsWith(`/${MANIFEST_FILE}`)), 'no temporary files left').toEqual([])
}

describe.each(profilesFor(['zip']))('exporting many workouts under $name', ({ profile }) => {
  beforeEach(() => h.sim.setProfile(profile))
  afterAll(() => h.sim.setProfile({ zip: 'omit' }))

  it('exports a week for three athletes, one folder each, with one workouts.zip request per athlete', async () => {
    const weeks = ATHLETES.map((id) => plannedWeek(h.sim, id))
    h.sim.resetRequests()
    h.events.length = 0
    const report = await saveMany({ selection: { ranges: weeks.map(({ athleteId, oldest, newest }) => ({ athleteId, oldest, newest })) } })
    const zips = h.sim.requests.filter((r) => r.path.endsWith('/workouts.zip'))
    expect(zips).toHaveLength(3)
    expect(h.sim.requests.filter((r) => r.path.includes('/download.'))).toHaveLength(0)
    expect(report).toMatchObject({ location: out, failed: 0, cancelled: false, dismissed: false })
    expect(report.written).toBe(weeks.reduce((n, w) => n + w.workouts.length, 0))

    const files = await exportedFiles(out)
    expectInside(out, files)
    for (const w of weeks) {
      const mine = files.filter((f) => f.startsWith(`${w.name}/`))
      expect(mine).toHaveLength(w.workouts.length)
      for (const f of mine) {
        expect(f).toMatch(/^[^/]+\/\d{4}-\d{2}-\d{2} .+\.fit$/)
        expect(decodesAsFit(await readFile(join(out, f)))).toBe(true)
      }
    }
    expect(report.results.map((r) => r.fileName).sort()).toEqual(files)
    const progress = h.events.filter((e) => e.event === 'exports:progress').map((e) => e.payload as { done: number; total: number })
    // Progress counts workouts, as the Export button does, not athletes.
    const workouts = weeks.reduce((n, w) => n + w.workouts.length, 0)
    expect(progress.at(-1)).toMatchObject({ done: workouts, total: workouts })
    expect(progress.filter((p) => p.total === workouts).map((p) => p.done)).toEqual(Array.from({ length: workouts + 1 }, (_, i) => i))
  })

  it('downloads single events one by one, named by date and workout, and skips those already in a range', async () => {
    const week = plannedWeek(h.sim, 'i100004')
    const other = plannedWeek(h.sim, 'i100005')
    h.sim.resetRequests()
    const report = await saveMany({
      format: 'zwo',
      selection: {
        ranges: [{ athleteId: week.athleteId, oldest: week.oldest, newest: week.newest }],
        events: [{ athleteId: week.athleteId, eventId: week.workouts[0]!.id! }, { athleteId: other.athleteId, eventId: other.workouts[0]!.id! }],
      },
    })
    expect(h.sim.requests.filter((r) => r.path.includes('/download.zwo'))).toHaveLength(1)
    expect(report.written).toBe(week.workouts.length + 1)
    const date = other.workouts[0]!.start_date_local!.slice(0, 10)
    expect(await filesUnder(out)).toContain(`${other.name}/${date} ${other.workouts[0]!.name}.zwo`)
  })

  it('keeps every name inside the chosen folder, whatever the athlete, workout or zip entries are called', async () => {
    const evil = plannedWeek(h.sim, 'i100006')
    const athlete = h.sim.state.athlete('i100006')!
    const realName = athlete.athlete.name
    athlete.athlete.name = '../../..'
    evil.workouts[0]!.name = '..\\..\\CON'
    evil.workouts[1]!.name = '/etc/passwd'
    try {
      await h.core.invoke('roster:list', { refresh: true })
      const report = await saveMany({
        format: 'fit',
        selection: { events: evil.workouts.slice(0, 2).map((e) => ({ athleteId: 'i100006', eventId: e.id! })) },
      })
      expect(report).toMatchObject({ failed: 0, leftOut: 0, written: 2 })
      const files = await exportedFiles(out)
      expectInside(out, files)
      expect(files).toHaveLength(2)
      // The athlete's name sanitises to nothing, so the folder falls back to the athlete's id.
      for (const f of files) expect(f.startsWith('i100006/')).toBe(true)
      expect(files.some((f) => f.includes('passwd'))).toBe(true)
      expect(files.every((f) => !f.includes('..'))).toBe(true)

      // A zip entry from the server that tries to climb out lands inside the athlete's folder.
      const bytes = await readFile(join(out, files[0]!))
      h.sim.addFault({ path: /workouts\.zip$/, status: 200, body: zipSync({ '../../escape.fit': bytes, 'a/../../../x.fit': bytes, 'notes.txt': new Uint8Array([1]) }), times: 1 })
      const zipped = await saveMany({ format: 'fit', selection: { ranges: [{ athleteId: 'i100006', oldest: evil.oldest, newest: evil.newest }] } })
      // Every planned workout is written (those the strange zip did not hold, one by one), and no entry is lost.
      expect(zipped.failed).toBe(0)
      for (const w of evil.workouts) expect(zipped.results.find((r) => r.eventId === w.id)).toMatchObject({ ok: true })
      const after = await filesUnder(out)
      expectInside(out, after)
      expect(after.every((f) => f.startsWith('i100006/'))).toBe(true)
      if (evil.workouts.length !== 2) expect(after).toEqual(expect.arrayContaining(['i100006/escape.fit', 'i100006/x.fit']))
    } finally {
      athlete.athlete.name = realName
      await h.core.invoke('roster:list', { refresh: true })
    }
  })

  it('never replaces a file: a name already there gets " (2)"', async () => {
    const week = plannedWeek(h.sim, 'i100002')
    const event = week.workouts[0]!
    const name = `${event.start_date_local!.slice(0, 10)} ${event.name}.fit`
    await mkdir(join(out, week.name), { recursive: true })
    await writeFile(join(out, week.name, name), 'the coach’s own file')
    const report = await saveMany({ selection: { events: [{ athleteId: week.athleteId, eventId: event.id! }] } })
    expect(report.results[0]).toMatchObject({ ok: true, fileName: `${week.name}/${name.replace(/\.fit$/, ' (2).fit')}` })
    expect(await readFile(join(out, week.name, name), 'utf8')).toBe('the coach’s own file')

    const one = async () => h.core.invoke('exports:saveEvent', { athleteId: week.athleteId, eventId: event.id!, format: 'fit' })
    const first = await one()
    const second = await one()
    expect(first).toMatchObject({ ok: true, value: { saved: true, location: out } })
    expect(second).toMatchObject({ ok: true, value: { saved: true } })
    const names = [(first as { value: { fileName: string } }).value.fileName, (second as { value: { fileName: string } }).value.fileName]
    expect(names[0]).toBe(`${event.start_date_local!.slice(0, 10)} ${week.name} - ${event.name}.fit`)
    expect(names[1]).toBe(names[0]!.replace(/\.fit$/, ' (2).fit'))
  })

  it('reports every workout of an athlete whose zip failed, and writes nothing for them', async () => {
    const weeks = ATHLETES.map((id) => plannedWeek(h.sim, id))
    h.sim.addFault({ path: `/api/v1/athlete/${weeks[1]!.athleteId}/workouts.zip`, status: 404 })
    const report = await saveMany({ selection: { ranges: weeks.map(({ athleteId, oldest, newest }) => ({ athleteId, oldest, newest })) } })
    const failed = report.results.filter((r) => !r.ok)
    expect(failed.map((r) => r.eventId).sort()).toEqual(weeks[1]!.workouts.map((w) => w.id).sort())
    for (const r of failed) expect(r).toMatchObject({ athleteId: weeks[1]!.athleteId, outcome: 'failed', error: expect.stringContaining('could not find') })
    expect(report).toMatchObject({ failed: weeks[1]!.workouts.length, written: weeks[0]!.workouts.length + weeks[2]!.workouts.length })
    const files = await exportedFiles(out)
    expect(files.some((f) => f.startsWith(`${weeks[1]!.name}/`))).toBe(false)
    expect(files).toHaveLength(report.written)
  })

  it('writes one zip with a folder per athlete, and none when cancelled', async () => {
    const weeks = ATHLETES.slice(0, 2).map((id) => plannedWeek(h.sim, id))
    const ranges = weeks.map(({ athleteId, oldest, newest }) => ({ athleteId, oldest, newest }))
    const report = await saveMany({ layout: 'zip', selection: { ranges } })
    expect(report.location).toMatch(/Workouts \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} \(fit\)\.zip$/)
    expect(await filesUnder(out)).toEqual([report.location!.split(sep).at(-1)])
    const entries = Object.keys(unzipSync(await readFile(report.location!)))
    expect(entries.sort()).toEqual(report.results.map((r) => r.fileName).sort())
    for (const w of weeks) expect(entries.filter((e) => e.startsWith(`${w.name}/`))).toHaveLength(w.workouts.length)

    const cancelOut = await tempFolder('coach-desk-cancel-')
    out = cancelOut
    h.sim.addFault({ path: /workouts\.zip$/, delayMs: 400 })
    const id = exportId()
    const running = h.core.invoke('exports:saveMany', { exportId: id, format: 'fit', layout: 'zip', selection: { ranges } })
    await new Promise((r) => setTimeout(r, 100))
    expect(await h.core.invoke('exports:cancel', { exportId: id })).toEqual({ ok: true, value: { cancelled: true } })
    const cancelled = await running
    expect(cancelled).toMatchObject({ ok: true, value: { cancelled: true, written: 0 } })
    expect(await filesUnder(cancelOut)).toEqual([])
  })

  it('asks for nothing and downloads nothing when the coach closes the dialog', async () => {
    const closing: ExportDialogs = { chooseSavePath: async () => null, chooseFolder: async () => null }
    const deps = await exportDeps(h.sim, out)
    const service = new ExportService({ ...deps, dialogs: closing })
    const week = plannedWeek(h.sim, 'i100001')
    await deps.roster.rows(['i100001'])
    h.sim.resetRequests()
    const report = await service.saveMany({ exportId: exportId(), format: 'zwo', layout: 'folders', selection: { events: [], ranges: [week] } })
    expect(report).toMatchObject({ dismissed: true, written: 0, results: [] })
    expect(h.sim.requests).toHaveLength(0)
  })
})

describe('file system failures through the service', () => {
  const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code })
  /** The real file system, with writes into the open file failing with `code`. */
  const failingWrites = (code: string): AtomicWriteFs => ({
    ...nodeFs,
    async open(path, flags) {
      const real = await nodeFs.open(path, flags)
      return { ...real, writeFile: async () => Promise.reject(errno(code)), sync: () => real.sync(), close: () => real.close() }
    },
  })
  const refusingFolder: AtomicWriteFs = { ...nodeFs, open: async () => Promise.reject(errno('EACCES')) }

  async function service(fs: AtomicWriteFs, dialogsFor: ExportDialogs = fixedFolderDialogs(out)) {
    return new ExportService({ ...(await exportDeps(h.sim, await tempFolder('coach-desk-data-'))), dialogs: dialogsFor, fs })
  }

  it('a full disk is a clear message and leaves no partial or temporary file', async () => {
    const week = plannedWeek(h.sim, 'i100001')
    const s = await service(failingWrites('ENOSPC'))
    const ref = { athleteId: week.athleteId, eventId: week.workouts[0]!.id! }
    await expect(s.saveEvent({ ...ref, format: 'zwo' })).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/not enough free space/) })
    const many = await s.saveMany({ exportId: exportId(), format: 'zwo', layout: 'folders', selection: { events: [ref], ranges: [] } })
    expect(many.results[0]).toMatchObject({ ok: false, error: expect.stringMatching(/not enough free space/) })
    await expect(s.saveMany({ exportId: exportId(), format: 'zwo', layout: 'zip', selection: { events: [ref], ranges: [] } })).rejects.toMatchObject({
      code: 'INTERNAL',
    })
    // Only the empty athlete folder the folder export made; no file, no temporary file.
    expect(await filesUnder(out)).toEqual([])
  })

  // The file system's refusal is injected here (as root, a chmod does not refuse); atomicWrite.test.ts
  // meets a real read-only folder where the system enforces one.
  it('an EACCES from the file system asks the coach to choose another folder', async () => {
    const week = plannedWeek(h.sim, 'i100002')
    const s = await service(refusingFolder)
    const r = s.saveEvent({ athleteId: week.athleteId, eventId: week.workouts[0]!.id!, format: 'fit' })
    await expect(r).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/not allowed to save.*Choose another folder/) })
    expect(await filesUnder(out)).toEqual([])
  })

  it('a name typed in the Save dialog longer than the disk takes is shortened, its extension kept', async () => {
    const week = plannedWeek(h.sim, 'i100001')
    for (const long of [`${'Sweet spot, long '.repeat(14)}.fit`, `${'Ü'.repeat(120)}.fit`]) {
      const s = await service(nodeFs, { chooseSavePath: async () => ({ path: join(out, long), replaceConfirmed: false }), chooseFolder: async () => out })
      const r = await s.saveEvent({ athleteId: week.athleteId, eventId: week.workouts[0]!.id!, format: 'fit' })
      expect(Buffer.byteLength(long)).toBeGreaterThan(237)
      expect(r.saved).toBe(true)
      expect(Buffer.byteLength(r.fileName!)).toBeLessThanOrEqual(255)
      expect(r.fileName!.endsWith('.fit')).toBe(true)
      expect(decodesAsFit(await readFile(join(out, r.fileName!)))).toBe(true)
    }
    expect((await filesUnder(out)).filter((f) => f.startsWith('.'))).toEqual([])
  })

  it('does not replace an existing file the dialog did not confirm', async () => {
    const week = plannedWeek(h.sim, 'i100003')
    const target = join(out, 'mine.fit')
    await writeFile(target, 'keep me')
    const s = await service(nodeFs, { chooseSavePath: async () => ({ path: target, replaceConfirmed: false }), chooseFolder: async () => out })
    const r = s.saveEvent({ athleteId: week.athleteId, eventId: week.workouts[0]!.id!, format: 'fit' })
    await expect(r).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already exists/) })
    expect(await readFile(target, 'utf8')).toBe('keep me')
    expect(await filesUnder(out)).toEqual(['mine.fit'])

    const confirmed = await service(nodeFs, { chooseSavePath: async () => ({ path: target, replaceConfirmed: true }), chooseFolder: async () => out })
    await confirmed.saveEvent({ athleteId: week.athleteId, eventId: week.workouts[0]!.id!, format: 'fit' })
    expect(decodesAsFit(await readFile(target))).toBe(true)
  })
})

describe('what the coach chooses, and what the service refuses', () => {
  async function service(dialogsFor: ExportDialogs | undefined, dataDir?: string) {
    return new ExportService({ ...(await exportDeps(h.sim, dataDir ?? (await tempFolder('coach-desk-data-')))), dialogs: dialogsFor })
  }
  const relative: ExportDialogs = { chooseSavePath: async () => ({ path: 'Exports/x.fit', replaceConfirmed: false }), chooseFolder: async () => 'Exports' }

  it('saving needs the desktop app’s dialogs, and says so before downloading anything', async () => {
    const s = await service(undefined)
    const week = plannedWeek(h.sim, 'i100001')
    h.sim.resetRequests()
    const ref = { athleteId: week.athleteId, eventId: week.workouts[0]!.id! }
    await expect(s.saveEvent({ ...ref, format: 'fit' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: 'Saving files needs the Coach Desk desktop app.' })
    await expect(s.saveMany({ exportId: exportId(), format: 'fit', layout: 'folders', selection: { events: [ref], ranges: [] } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    })
    expect(h.sim.requests.filter((r) => r.path.includes('/download.') || r.path.endsWith('.zip'))).toEqual([])
  })

  it('a place that is not an absolute path on this computer is refused, and nothing is written', async () => {
    const s = await service(relative)
    const week = plannedWeek(h.sim, 'i100001')
    const ref = { athleteId: week.athleteId, eventId: week.workouts[0]!.id! }
    const refused = { code: 'INVALID_INPUT', message: 'Choose a folder on this computer to save into.' }
    await expect(s.saveEvent({ ...ref, format: 'fit' })).rejects.toMatchObject(refused)
    for (const layout of ['folders', 'zip'] as const) {
      await expect(s.saveMany({ exportId: exportId(), format: 'fit', layout, selection: { events: [ref], ranges: [] } })).rejects.toMatchObject(refused)
    }
    expect(await filesUnder(out)).toEqual([])
  })

  it('a Save dialog closed saves nothing and says so', async () => {
    const chooseSavePath = vi.fn(async () => null)
    const s = await service({ chooseSavePath, chooseFolder: async () => null })
    const week = plannedWeek(h.sim, 'i100001')
    expect(await s.saveEvent({ athleteId: week.athleteId, eventId: week.workouts[0]!.id!, format: 'zwo' })).toEqual({ saved: false, fileName: null, location: null })
    const zip = await s.saveMany({ exportId: exportId(), format: 'zwo', layout: 'zip', selection: { events: [], ranges: [week] } })
    expect(zip).toMatchObject({ dismissed: true, cancelled: false, location: null, written: 0, results: [] })
    // The dialog was offered a zip of the week, by its dates.
    expect(chooseSavePath).toHaveBeenLastCalledWith(`Workouts ${week.oldest} to ${week.newest} (zwo).zip`, 'zip')
  })

  it('a single workout the format cannot carry, or a note, is refused by name before any dialog', async () => {
    const chooseSavePath = vi.fn(async () => null)
    const s = await service({ chooseSavePath, chooseFolder: async () => null })
    const swim = h.sim.state.athlete('i100006')!.events.find((e) => e.category === 'WORKOUT' && e.type === 'Swim')!
    await expect(s.saveEvent({ athleteId: 'i100006', eventId: swim.id!, format: 'zwo' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `“${swim.name}” was not saved: .zwo files (Zwift) carry rides and runs only, and this is a Swim workout. Export it as .fit instead.`,
    })
    const note = h.sim.state.athlete('i100002')!.events.find((e) => e.category === 'NOTE')!
    await expect(s.saveEvent({ athleteId: 'i100002', eventId: note.id!, format: 'fit' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/is a note, not a planned workout/) })
    expect(chooseSavePath).not.toHaveBeenCalled()
  })

  it('one export id runs once at a time; cancelling an export that is not running says so', async () => {
    let started!: () => void
    const running = new Promise<void>((r) => (started = r))
    const deps = await exportDeps(h.sim, await tempFolder('coach-desk-data-'))
    const s = new ExportService({ ...deps, dialogs: fixedFolderDialogs(out), emit: () => started() })
    const week = plannedWeek(h.sim, 'i100001')
    const id = exportId()
    const selection = { events: [{ athleteId: week.athleteId, eventId: week.workouts[0]!.id! }], ranges: [] }
    h.sim.addFault({ path: /download\.zwo$/, delayMs: 300, times: 1 })
    const first = s.saveMany({ exportId: id, format: 'zwo', layout: 'folders', selection })
    await running
    await expect(s.saveMany({ exportId: id, format: 'zwo', layout: 'folders', selection })).rejects.toMatchObject({ code: 'CONFLICT', message: 'This export is already running.' })
    expect(s.cancel(exportId())).toBe(false)
    expect(await first).toMatchObject({ written: 1, cancelled: false })
    // Once finished, it is no longer running: nothing to cancel, and it may run again.
    expect(s.cancel(id)).toBe(false)
    expect(await s.saveMany({ exportId: id, format: 'zwo', layout: 'folders', selection })).toMatchObject({ unchanged: 1 })
  })

  it('the report lists the athletes in the order chosen, each by date, then name; the folder is remembered for cleaning', async () => {
    const dataDir = await tempFolder('coach-desk-data-')
    const s = await service(fixedFolderDialogs(out), dataDir)
    const later = plannedWeek(h.sim, 'i100005')
    const first = plannedWeek(h.sim, 'i100002')
    const report = await s.saveMany({
      exportId: exportId(),
      format: 'fit',
      layout: 'folders',
      selection: { events: [], ranges: [later, first].map(({ athleteId, oldest, newest }) => ({ athleteId, oldest, newest })) },
    })
    const rows = report.results.map((r) => [r.athleteId, r.date, r.name])
    const expected = [later, first].flatMap((w) =>
      w.workouts
        .map((e) => [w.athleteId, e.start_date_local!.slice(0, 10), e.name])
        .sort((a, b) => a[1]!.localeCompare(b[1]!) || a[2]!.localeCompare(b[2]!)),
    )
    expect(rows).toEqual(expected)
    expect(report).toMatchObject({ exportId: expect.any(String), format: 'fit', layout: 'folders', dismissed: false, location: out, unchanged: 0, leftOut: 0, failed: 0 })
    expect(JSON.parse(await readFile(join(dataDir, 'export-folders.json'), 'utf8'))).toEqual([out])
  })

  it('the report reads like the calendar whatever order the files arrive in: athletes as chosen, then by date and name', async () => {
    const s = await service(fixedFolderDialogs(out))
    const [x, y] = ['i100004', 'i100005'].map((id) => plannedWeek(h.sim, id))
    const early = x!.workouts[0]!
    const day = x!.workouts.at(-1)!.start_date_local!
    const list = h.sim.state.athlete('i100004')!.events
    const zed = { ...early, id: 990_000_101, uid: 'sort-zed', name: 'Zed ride', start_date_local: day }
    const alpha = { ...early, id: 990_000_102, uid: 'sort-alpha', name: 'Alpha ride', start_date_local: day }
    list.push(zed, alpha)
    // The athlete chosen first answers last.
    h.sim.addFault({ path: new RegExp(`/athlete/${y!.athleteId}/events/\\d+/download`), delayMs: 400, times: 1 })
    try {
      const report = await s.saveMany({
        exportId: exportId(),
        format: 'fit',
        layout: 'folders',
        selection: {
          ranges: [],
          events: [y!.workouts[0]!, zed, alpha, early, { id: 999_999_001 }].map((e, i) => ({ athleteId: i === 0 ? y!.athleteId : x!.athleteId, eventId: e.id! })),
        },
      })
      expect(report.results.map((r) => [r.athleteId, r.eventId])).toEqual([
        [y!.athleteId, y!.workouts[0]!.id],
        // The event that could not be read has no date, so it comes first.
        [x!.athleteId, 999_999_001],
        [x!.athleteId, early.id],
        [x!.athleteId, alpha.id],
        [x!.athleteId, zed.id],
      ])
    } finally {
      list.splice(list.indexOf(zed), 1)
      list.splice(list.indexOf(alpha), 1)
    }
  })

  it('a zip of only workouts the format cannot carry is not written at all', async () => {
    const s = await service(fixedFolderDialogs(out))
    const swim = h.sim.state.athlete('i100006')!.events.find((e) => e.category === 'WORKOUT' && e.type === 'Swim')!
    const report = await s.saveMany({ exportId: exportId(), format: 'zwo', layout: 'zip', selection: { events: [{ athleteId: 'i100006', eventId: swim.id! }], ranges: [] } })
    expect(report).toMatchObject({ written: 0, leftOut: 1, failed: 0, cancelled: false })
    expect(await filesUnder(out)).toEqual([])
  })
})

describe('what an export leaves behind it: the log, the remembered folder, a cancelled zip', () => {
  /** A logger that keeps what it is told. */
  function recordingLog() {
    const lines: [string, unknown][] = []
    return { log: { ...silentLogger, info: (event: string, fields?: unknown) => void lines.push([event, fields]) }, lines }
  }

  it('logs each save with its counts, and never a path or a name', async () => {
    const { log, lines } = recordingLog()
    const s = new ExportService({ ...(await exportDeps(h.sim, await tempFolder('coach-desk-data-'))), dialogs: fixedFolderDialogs(out), log })
    const week = plannedWeek(h.sim, 'i100001')
    await s.saveEvent({ athleteId: week.athleteId, eventId: week.workouts[0]!.id!, format: 'fit' })
    await s.saveMany({ exportId: exportId(), format: 'zwo', layout: 'folders', selection: { events: [{ athleteId: week.athleteId, eventId: week.workouts[0]!.id! }], ranges: [] } })
    expect(lines).toEqual([
      ['exports.saved', { format: 'fit', files: 1 }],
      ['exports.saved', { format: 'zwo', layout: 'folders', written: 1, unchanged: 0, leftOut: 0, failed: 0, cancelled: false }],
    ])
  })

  it('remembers the folder a single file went to, for cleaning at the next start', async () => {
    const dataDir = await tempFolder('coach-desk-data-')
    const s = new ExportService({ ...(await exportDeps(h.sim, dataDir)), dialogs: fixedFolderDialogs(out) })
    const week = plannedWeek(h.sim, 'i100001')
    await s.saveEvent({ athleteId: week.athleteId, eventId: week.workouts[0]!.id!, format: 'zwo' })
    expect(JSON.parse(await readFile(join(dataDir, 'export-folders.json'), 'utf8'))).toEqual([out])
  })

  it('saves without a data folder, remembering nothing', async () => {
    const { dataDir: _unused, ...deps } = await exportDeps(h.sim, await tempFolder('coach-desk-data-'))
    const s = new ExportService({ ...deps, dialogs: fixedFolderDialogs(out) })
    const week = plannedWeek(h.sim, 'i100001')
    const ref = { athleteId: week.athleteId, eventId: week.workouts[0]!.id! }
    expect(await s.saveEvent({ ...ref, format: 'zwo' })).toMatchObject({ saved: true })
    expect(await s.saveMany({ exportId: exportId(), format: 'fit', layout: 'folders', selection: { events: [ref], ranges: [] } })).toMatchObject({ written: 1 })
  })

  it('a replace confirmed for one name does not replace another file the name was shortened to', async () => {
    const week = plannedWeek(h.sim, 'i100001')
    const long = `${'Sweet spot, long '.repeat(16)}.fit`
    const shortened = `${'Sweet spot, long '.repeat(16)}`.slice(0, 251).trimEnd()
    const s = new ExportService({
      ...(await exportDeps(h.sim, await tempFolder('coach-desk-data-'))),
      dialogs: { chooseSavePath: async () => ({ path: join(out, long), replaceConfirmed: true }), chooseFolder: async () => out },
    })
    await writeFile(join(out, `${shortened}.fit`), 'the coach’s file')
    await expect(s.saveEvent({ athleteId: week.athleteId, eventId: week.workouts[0]!.id!, format: 'fit' })).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(await readFile(join(out, `${shortened}.fit`), 'utf8')).toBe('the coach’s file')
  })

  it('a zip export cancelled after some files were gathered writes no zip, and says each was not saved', async () => {
    const [a, b] = ['i100001', 'i100002'].map((id) => plannedWeek(h.sim, id))
    h.sim.addFault({ path: new RegExp(`/athlete/${b!.athleteId}/workouts\\.zip$`), delayMs: 1500, times: 1 })
    let cancel = () => {}
    const s = new ExportService({
      ...(await exportDeps(h.sim, await tempFolder('coach-desk-data-'))),
      dialogs: fixedFolderDialogs(out),
      emit: (_event, payload) => {
        if ((payload as { done: number }).done === a!.workouts.length) cancel()
      },
    })
    const id = exportId()
    cancel = () => s.cancel(id)
    const report = await s.saveMany({ exportId: id, format: 'fit', layout: 'zip', selection: { events: [], ranges: [a!, b!].map(({ athleteId, oldest, newest }) => ({ athleteId, oldest, newest })) } })
    expect(report).toMatchObject({ cancelled: true, written: 0 })
    const gathered = report.results.filter((r) => r.athleteId === a!.athleteId)
    expect(gathered).toHaveLength(a!.workouts.length)
    for (const r of gathered) expect(r).toMatchObject({ ok: false, outcome: 'failed', fileName: null, error: 'Not saved: the export was cancelled.' })
    expect(await filesUnder(out)).toEqual([])
  })
})
