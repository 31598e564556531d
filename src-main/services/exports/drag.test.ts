import { Decoder, Stream } from '@garmin/fitsdk'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, utimes } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { isAbsolute, join, resolve, sep } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { dragStarter } from '../../dragOut'
import { coreHarness, type CoreHarness } from '../../testing/core'
import { exportDeps, plannedWeek } from '../../testing/exports'
import { nodeFs } from './atomicWrite'
import { DragFiles, dragFolder } from './drag'

// Drag and drop through the core, with the Electron glue and a fake webContents standing in for
// the window: what reaches startDrag must be files main wrote into its own drag folder.

let h: CoreHarness
beforeAll(async () => {
  h = await coreHarness()
  await h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey, storage: 'memory' })
})
afterAll(() => h.close())

function window() {
  const webContents = { startDrag: vi.fn() }
  const icon = { isEmpty: () => false }
  return { webContents, ctx: { startDrag: dragStarter(webContents, icon, dragFolder(h.dataDir)) } }
}

describe('exports:startDrag', () => {
  it('writes the files into main’s drag folder first, then starts the drag with absolute paths', async () => {
    const week = plannedWeek(h.sim, 'i100001')
    const refs = week.workouts.slice(0, 2).map((e) => ({ athleteId: week.athleteId, eventId: e.id! }))
    const { webContents, ctx } = window()
    expect(await h.core.invoke('exports:prepareDrag', { events: refs, format: 'fit' })).toEqual({ ok: true, value: { ready: 2 } })
    h.sim.resetRequests()
    const r = await h.core.invoke('exports:startDrag', { events: refs, format: 'fit' }, ctx)
    expect(r).toMatchObject({ ok: true, value: { skipped: [] } })
    // Prepared on pointer-down, so the drag itself asked intervals.icu nothing.
    expect(h.sim.requests).toHaveLength(0)
    expect(webContents.startDrag).toHaveBeenCalledTimes(1)
    const item = webContents.startDrag.mock.calls[0]![0] as { file: string; files: string[]; icon: unknown }
    expect(item.files).toHaveLength(2)
    expect(item.file).toBe(item.files[0])
    const root = resolve(dragFolder(h.dataDir)) + sep
    for (const file of item.files) {
      expect(isAbsolute(file)).toBe(true)
      expect(file.startsWith(root)).toBe(true)
      expect(statSync(file).isFile()).toBe(true)
      const d = new Decoder(Stream.fromByteArray(readFileSync(file)))
      expect(d.checkIntegrity()).toBe(true)
    }
    const date = week.workouts[0]!.start_date_local!.slice(0, 10)
    expect(item.files[0]!.split(sep).at(-1)).toBe(`${date} ${week.name} - ${week.workouts[0]!.name}.fit`)
  })

  it('refuses unknown events and starts no drag', async () => {
    const { webContents, ctx } = window()
    const r = await h.core.invoke('exports:startDrag', { events: [{ athleteId: 'i100001', eventId: 999_999_999 }], format: 'zwo' }, ctx)
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const stranger = await h.core.invoke('exports:startDrag', { events: [{ athleteId: 'i999999', eventId: 1 }], format: 'zwo' }, ctx)
    expect(stranger).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(webContents.startDrag).not.toHaveBeenCalled()
  })

  it('drags what it can and names what it left out', async () => {
    const a = h.sim.state.athlete('i100002')!
    const note = a.events.find((e) => e.category === 'NOTE')!
    const workout = plannedWeek(h.sim, 'i100002').workouts[0]!
    const { webContents, ctx } = window()
    const r = await h.core.invoke(
      'exports:startDrag',
      { events: [{ athleteId: 'i100002', eventId: workout.id! }, { athleteId: 'i100002', eventId: note.id! }], format: 'zwo' },
      ctx,
    )
    expect(r).toMatchObject({ ok: true, value: { files: [expect.stringMatching(/\.zwo$/)], skipped: [{ eventId: note.id, reason: expect.stringMatching(/not a planned workout/) }] } })
    expect((webContents.startDrag.mock.calls[0]![0] as { files: string[] }).files).toHaveLength(1)
  })

  it('two workouts with the same name become two files, the second " (2)", neither overwriting the other', async () => {
    const week = plannedWeek(h.sim, 'i100004')
    const first = week.workouts[0]!
    const twin = { ...first, id: 990_000_001, uid: 'twin', description: '- 7m 61%' }
    h.sim.state.athlete('i100004')!.events.push(twin)
    try {
      const { webContents, ctx } = window()
      const refs = [first, twin].map((e) => ({ athleteId: 'i100004', eventId: e.id! }))
      const r = await h.core.invoke('exports:startDrag', { events: refs, format: 'zwo' }, ctx)
      const base = `${first.start_date_local!.slice(0, 10)} ${week.name} - ${first.name}`
      expect(r).toMatchObject({ ok: true, value: { files: [`${base}.zwo`, `${base} (2).zwo`], skipped: [] } })
      const files = (webContents.startDrag.mock.calls[0]![0] as { files: string[] }).files
      expect(files.map((f) => statSync(f).isFile())).toEqual([true, true])
      // Each file holds its own workout.
      expect(readFileSync(files[1]!, 'utf8')).toContain('Duration="420"')
      expect(readFileSync(files[0]!, 'utf8')).not.toContain('Duration="420"')
    } finally {
      const list = h.sim.state.athlete('i100004')!.events
      list.splice(list.indexOf(twin), 1)
    }
  })

  it('leaves a swim out of a .zwo drag and says why', async () => {
    // A triathlete with a planned swim and run (which weeks hold them depends on today's date).
    const workout = (a: { events: { category?: string | null; type?: string | null }[] }, type: string) => a.events.find((e) => e.category === 'WORKOUT' && e.type === type)
    const athlete = h.sim.state.coached.find((a) => a.athlete.icu_permission !== 'READ' && workout(a, 'Swim') && workout(a, 'Run'))!
    const swim = workout(athlete, 'Swim') as { id: number }
    const run = workout(athlete, 'Run') as { id: number }
    const { ctx } = window()
    const r = await h.core.invoke('exports:startDrag', { events: [{ athleteId: athlete.id, eventId: swim.id }, { athleteId: athlete.id, eventId: run.id }], format: 'zwo' }, ctx)
    expect(r).toMatchObject({ ok: true, value: { files: [expect.stringMatching(/\.zwo$/)], skipped: [{ eventId: swim.id, reason: expect.stringMatching(/rides and runs only.*Swim/) }] } })
    const name = (swim as { name?: string | null }).name || String(swim.id)
    expect((r as { value: { skipped: { reason: string }[] } }).value.skipped[0]!.reason).toBe(
      `“${name}”: .zwo files (Zwift) carry rides and runs only, and this is a Swim workout. Export it as .fit instead.`,
    )
  })

  it('refuses a path from the renderer, whatever it is called', async () => {
    const { webContents, ctx } = window()
    for (const args of [
      { events: [{ athleteId: 'i100001', eventId: 1 }], format: 'zwo', file: '/etc/passwd' },
      { events: [{ athleteId: 'i100001', eventId: 1 }], format: 'zwo', files: [join(h.dataDir, 'drag', 'x.zwo')] },
      { file: '/etc/passwd', icon: '/tmp/x.png' },
    ]) {
      expect(await h.core.invoke('exports:startDrag', args, ctx)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
    expect(webContents.startDrag).not.toHaveBeenCalled()
  })

  it('says that dragging out needs the desktop app where the transport cannot drag (the browser host)', async () => {
    const week = plannedWeek(h.sim, 'i100001')
    h.sim.resetRequests()
    const r = await h.core.invoke('exports:startDrag', { events: [{ athleteId: week.athleteId, eventId: week.workouts[0]!.id! }], format: 'zwo' })
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/desktop app/) } })
    expect(h.sim.requests).toHaveLength(0)
  })
})

describe('files prepared for a drag, on the clock', () => {
  const made: string[] = []
  afterAll(async () => {
    for (const d of made) await rm(d, { recursive: true, force: true })
  })
  async function dragFiles() {
    const dataDir = await mkdtemp(join(tmpdir(), 'coach-desk-drag-'))
    made.push(dataDir)
    const clock = { now: 1_000_000 }
    const deps = await exportDeps(h.sim, dataDir)
    return { drag: new DragFiles({ ...deps, clock: () => clock.now }), clock, dataDir }
  }
  const downloads = () => h.sim.requests.filter((r) => r.path.includes('/download.'))

  it('a drag within a minute of the pointer-down uses what it prepared; a later one downloads again', async () => {
    const { drag, clock } = await dragFiles()
    const week = plannedWeek(h.sim, 'i100001')
    const refs = [{ athleteId: week.athleteId, eventId: week.workouts[0]!.id! }]
    h.sim.resetRequests()
    expect(await drag.prepare(refs, 'zwo')).toEqual({ ready: 1 })
    expect(downloads()).toHaveLength(1)
    clock.now += 59_999
    await drag.start(refs, 'zwo', () => {})
    expect(downloads()).toHaveLength(1)
    clock.now += 60_000
    await drag.start(refs, 'zwo', () => {})
    expect(downloads()).toHaveLength(2)
    // Another format is another file.
    await drag.prepare(refs, 'fit')
    expect(downloads()).toHaveLength(3)
  })

  it('a pointer-down within five seconds of the last reuses its download; after that it downloads afresh', async () => {
    const { drag, clock } = await dragFiles()
    const week = plannedWeek(h.sim, 'i100002')
    const refs = [{ athleteId: week.athleteId, eventId: week.workouts[0]!.id! }]
    h.sim.resetRequests()
    await drag.prepare(refs, 'zwo')
    clock.now += 4_999
    await drag.prepare(refs, 'zwo')
    expect(downloads()).toHaveLength(1)
    clock.now += 1
    await drag.prepare(refs, 'zwo')
    expect(downloads()).toHaveLength(2)
  })

  it('a download that failed is not kept: the drag tries again', async () => {
    const { drag } = await dragFiles()
    const week = plannedWeek(h.sim, 'i100003')
    const ref = { athleteId: week.athleteId, eventId: week.workouts[0]!.id! }
    h.sim.addFault({ path: new RegExp(`/events/${ref.eventId}/download`), status: 404, times: 1 })
    try {
      expect(await drag.prepare([ref], 'fit')).toEqual({ ready: 0 })
      const started = vi.fn()
      const r = await drag.start([ref], 'fit', started)
      expect(r.skipped).toEqual([])
      expect(started).toHaveBeenCalledTimes(1)
    } finally {
      h.sim.clearFaults()
    }
  })

  it('a drag whose files cannot be written says why, starts no drag and leaves no folder of its own', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'coach-desk-drag-'))
    made.push(dataDir)
    const full = { ...nodeFs, open: async () => Promise.reject(Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' })) }
    const drag = new DragFiles({ ...(await exportDeps(h.sim, dataDir)), fs: full })
    const week = plannedWeek(h.sim, 'i100001')
    const started = vi.fn()
    await expect(drag.start([{ athleteId: week.athleteId, eventId: week.workouts[0]!.id! }], 'zwo', started)).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringMatching(/not enough free space/),
    })
    expect(started).not.toHaveBeenCalled()
    expect(await readdir(dragFolder(dataDir))).toEqual([])
  })

  it('when nothing can be dragged, says why and starts no drag, leaving no folder', async () => {
    const { drag, dataDir } = await dragFiles()
    const note = h.sim.state.athlete('i100002')!.events.find((e) => e.category === 'NOTE')!
    const started = vi.fn()
    await expect(drag.start([{ athleteId: 'i100002', eventId: note.id! }], 'zwo', started)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/is a note, not a planned workout/),
    })
    expect(started).not.toHaveBeenCalled()
    expect(existsSync(dragFolder(dataDir))).toBe(false)
    const swim = h.sim.state.athlete('i100006')!.events.find((e) => e.category === 'WORKOUT' && e.type === 'Swim')!
    await expect(drag.start([{ athleteId: 'i100006', eventId: swim.id! }], 'zwo', started)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `“${swim.name || swim.id}”: .zwo files (Zwift) carry rides and runs only, and this is a Swim workout. Export it as .fit instead.`,
    })
  })

  it('a slow download that fails does not drop the newer one prepared meanwhile', async () => {
    const { drag, clock } = await dragFiles()
    const week = plannedWeek(h.sim, 'i100005')
    const refs = [{ athleteId: week.athleteId, eventId: week.workouts[0]!.id! }]
    h.sim.resetRequests()
    h.sim.addFault({ path: new RegExp(`/events/${refs[0]!.eventId}/download`), status: 404, delayMs: 400, times: 1 })
    try {
      const slow = drag.prepare(refs, 'zwo')
      await new Promise((r) => setTimeout(r, 100))
      clock.now += 5_000
      expect(await drag.prepare(refs, 'zwo')).toEqual({ ready: 1 })
      expect(await slow).toEqual({ ready: 0 })
      await drag.start(refs, 'zwo', () => {})
      expect(downloads()).toHaveLength(2)
    } finally {
      h.sim.clearFaults()
    }
  })

  it('each drag gets a fresh folder; one from more than an hour ago is removed at the next drag', async () => {
    const { drag, clock, dataDir } = await dragFiles()
    clock.now = Date.now()
    const week = plannedWeek(h.sim, 'i100001')
    const refs = [{ athleteId: week.athleteId, eventId: week.workouts[0]!.id! }]
    const old = join(dragFolder(dataDir), 'from-an-earlier-drag')
    const recent = join(dragFolder(dataDir), 'from-a-recent-drag')
    await mkdir(old, { recursive: true })
    await mkdir(recent, { recursive: true })
    const hourAgo = new Date(clock.now - 60 * 60_000 - 1_000)
    await utimes(old, hourAgo, hourAgo)
    // Whole seconds, so the file system keeps the time exactly: an hour to the millisecond is kept.
    clock.now = Math.floor(clock.now / 1000) * 1000
    const exactly = join(dragFolder(dataDir), 'exactly-an-hour-ago')
    await mkdir(exactly)
    await utimes(exactly, (clock.now - 60 * 60_000) / 1000, (clock.now - 60 * 60_000) / 1000)
    const minutesAgo = new Date(clock.now - 59 * 60_000)
    await utimes(recent, minutesAgo, minutesAgo)
    const paths: string[][] = []
    await drag.start(refs, 'zwo', (files) => paths.push(files))
    await drag.start(refs, 'zwo', (files) => paths.push(files))
    const folders = await readdir(dragFolder(dataDir))
    expect(folders).not.toContain('from-an-earlier-drag')
    expect(folders).toContain('from-a-recent-drag')
    expect(folders).toContain('exactly-an-hour-ago')
    expect(folders).toHaveLength(4)
    expect(paths[0]![0]).not.toBe(paths[1]![0])
    expect(paths.map((p) => p[0]!.split(sep).at(-1))).toEqual([paths[0]![0]!.split(sep).at(-1), paths[0]![0]!.split(sep).at(-1)])
  })
})
