import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../contract/errors'
import { silentLogger } from '../../log'
import { GroupStore } from './store'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'coach-desk-groups-'))
  dirs.push(d)
  return d
}
const account = { server: 'https://intervals.icu', athleteId: 'i100000' }

describe('athlete groups in the data folder', () => {
  it('keeps groups per account across a restart, sorted by name, replacing a group saved again under its name', async () => {
    const dir = dataDir()
    const store = new GroupStore(dir, silentLogger)
    expect(await store.list(account)).toEqual([])
    const squad = await store.save(account, 'Ironman squad', ['i2', 'i3'])
    await store.save(account, 'Bike only', ['i4'])
    const again = await store.save(account, 'ironman SQUAD', ['i5'])
    expect(again.id).toBe(squad.id)

    const restarted = new GroupStore(dir, silentLogger)
    expect(await restarted.list(account)).toEqual([
      { id: expect.any(String), name: 'Bike only', athleteIds: ['i4'] },
      { id: squad.id, name: 'ironman SQUAD', athleteIds: ['i5'] },
    ])
    expect(await restarted.list({ ...account, athleteId: 'i7' })).toEqual([])
    // Only the file itself: no temporary file left beside it.
    expect(readdirSync(dirname(store.fileOf(account)))).toEqual(['groups.json'])

    expect(await restarted.delete(account, squad.id)).toBe(true)
    expect(await restarted.delete(account, squad.id)).toBe(false)
    expect((await new GroupStore(dir, silentLogger).list(account)).map((g) => g.name)).toEqual(['Bike only'])
  })

  it('keeps the demo groups in memory and writes nothing', async () => {
    const dir = dataDir()
    const demo = new GroupStore(dir, silentLogger)
    const g = await demo.save(null, 'Runners', ['i1'])
    expect(await demo.list(null)).toEqual([g])
    expect(readdirSync(dir)).toEqual([])
    expect(await new GroupStore(dir, silentLogger).list(null)).toEqual([])
  })

  it.each([
    ['text that is not JSON', 'not json {'],
    ['JSON of another shape', '{"groups": [{"name": 5}]}'],
    ['a list where the file holds an object', '[]'],
  ])('a file holding %s gives a clear error and is never written over', async (_, content) => {
    const dir = dataDir()
    const store = new GroupStore(dir, silentLogger)
    const file = store.fileOf(account)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, content)

    const listing = await store.list(account).catch((e: unknown) => e)
    expect(listing).toBeInstanceOf(AppError)
    expect(listing).toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('could not be read') })
    expect((listing as AppError).message).toContain(file)
    await expect(store.save(account, 'Runners', ['i1'])).rejects.toMatchObject({ code: 'INTERNAL' })
    await expect(store.delete(account, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'INTERNAL' })
    // Nothing lost: the file holds what it held.
    expect(readFileSync(file, 'utf8')).toBe(content)
  })

  it('refuses more groups than it keeps, with the reason', async () => {
    const store = new GroupStore(dataDir(), silentLogger)
    for (let i = 0; i < 100; i++) await store.save(null, `Group ${i}`, ['i1'])
    await expect(store.save(null, 'One more', ['i1'])).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('at most 100') })
    // Replacing one under its name still works, the first saved as well as any other.
    await expect(store.save(null, 'Group 7', ['i2'])).resolves.toMatchObject({ name: 'Group 7', athleteIds: ['i2'] })
    await expect(store.save(null, 'Group 0', ['i3'])).resolves.toMatchObject({ name: 'Group 0', athleteIds: ['i3'] })
  })
})

describe('athlete groups when the data folder misbehaves', () => {
  it('a groups file that cannot be opened (a folder in its place) is a clear error', async () => {
    const dir = dataDir()
    const store = new GroupStore(dir, silentLogger)
    mkdirSync(store.fileOf(account), { recursive: true })
    await expect(store.list(account)).rejects.toMatchObject({ code: 'INTERNAL', message: 'Coach Desk could not open your saved athlete groups in its data folder.', detail: expect.stringContaining('EISDIR') })
  })

  it('an account folder that cannot be made (a link to nowhere in its place) is a clear error on save', async () => {
    const dir = dataDir()
    const store = new GroupStore(dir, silentLogger)
    mkdirSync(join(dir, 'groups'))
    symlinkSync(join(dir, 'nowhere', 'at-all'), dirname(store.fileOf(account)))
    await expect(store.save(account, 'Runners', ['i1'])).rejects.toMatchObject({ code: 'INTERNAL', message: 'Coach Desk could not save your athlete groups in its data folder.', detail: expect.any(String) })
    expect(readdirSync(join(dir, 'groups'))).toHaveLength(1)
  })

  it('keeps each account in its own folder, named by a hash that shows neither the server nor the athlete', () => {
    const store = new GroupStore('/data', silentLogger)
    const file = store.fileOf(account)
    expect(file).toMatch(/^\/data\/groups\/[0-9a-f]{16}\/groups\.json$/)
    expect(file).not.toContain('i100000')
    expect(store.fileOf({ ...account, server: 'https://other.example' })).not.toBe(file)
    expect(store.fileOf({ ...account, athleteId: 'i100001' })).not.toBe(file)
    expect(new GroupStore('/data', silentLogger).fileOf(account)).toBe(file)
  })

  it('hands out copies: changing a listed or saved group changes nothing kept', async () => {
    const demo = new GroupStore(dataDir(), silentLogger)
    const saved = await demo.save(null, 'Runners', ['i1'])
    saved.athleteIds.push('i9')
    const [listed] = await demo.list(null)
    listed!.name = 'Changed'
    expect(await demo.list(null)).toEqual([{ id: saved.id, name: 'Runners', athleteIds: ['i1'] }])
  })

  it('lists the demo’s groups by name without reordering what it keeps', async () => {
    const demo = new GroupStore(dataDir(), silentLogger)
    await demo.save(null, 'Zed', ['i1'])
    await demo.save(null, 'Alpha', ['i2'])
    expect((await demo.list(null)).map((g) => g.name)).toEqual(['Alpha', 'Zed'])
    // A group saved again under its name keeps its place and its id.
    const zed = await demo.save(null, 'ZED', ['i3'])
    expect(await demo.list(null)).toEqual([
      { id: expect.any(String), name: 'Alpha', athleteIds: ['i2'] },
      { id: zed.id, name: 'ZED', athleteIds: ['i3'] },
    ])
  })

  it('deleting a group that is not there writes nothing', async () => {
    const dir = dataDir()
    const store = new GroupStore(dir, silentLogger)
    expect(await store.delete(account, '00000000-0000-4000-8000-000000000000')).toBe(false)
    expect(readdirSync(dir)).toEqual([])
  })

  it('a file of groups that does not read warns in the log, naming the file', async () => {
    const dir = dataDir()
    const warnings: [string, unknown][] = []
    const log = { ...silentLogger, warn: (event: string, fields?: unknown) => void warnings.push([event, fields]) }
    const store = new GroupStore(dir, log)
    mkdirSync(dirname(store.fileOf(account)), { recursive: true })
    writeFileSync(store.fileOf(account), '{"version": 2, "groups": []}')
    await expect(store.list(account)).rejects.toMatchObject({ code: 'INTERNAL', detail: expect.any(String) })
    expect(warnings).toEqual([['groups.unreadable', { file: store.fileOf(account) }]])
  })
})
