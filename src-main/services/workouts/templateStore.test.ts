import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TemplateStore } from './templateStore'
import type { StoredEvent, StoredTemplate } from './weekTemplate'

const ID_A = '0b7d4a52-1c2e-4f3a-9d8e-112233445566'
const ID_B = '9f0e1d2c-3b4a-4596-8776-aabbccddeeff'

const ride: StoredEvent = {
  day: 1,
  days: 1,
  category: 'WORKOUT',
  name: 'Tempo',
  type: 'Ride',
  description: '- 1h 80%',
  indoor: false,
  moving_time: 3600,
  icu_training_load: 60,
  hide_from_athlete: false,
  athlete_cannot_edit: false,
  load_target: null,
  time_target: null,
  distance_target: null,
}
const template = (id: string, over: Partial<StoredTemplate> = {}): StoredTemplate => ({
  version: 1,
  id,
  name: 'Build week',
  sourceAthleteId: 'i1',
  sourceName: 'Lena Fischer',
  weekStart: '2026-12-07',
  createdAt: '2026-12-03T10:00:00.000Z',
  events: [ride],
  ...over,
})

let root: string
let folder: string
let store: TemplateStore
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'coach-desk-templates-'))
  folder = join(root, 'templates')
  store = new TemplateStore(folder)
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('week templates in the data folder', () => {
  it('lists none before the first is saved, without making the folder', async () => {
    expect(await store.list()).toEqual([])
    expect(readdirSync(root)).toEqual([])
  })

  it('saves a template as one readable JSON file named by its id, and reads it back the same', async () => {
    const t = template(ID_A)
    await store.save(t)
    expect(readdirSync(folder)).toEqual([`${ID_A}.json`])
    expect(JSON.parse(readFileSync(join(folder, `${ID_A}.json`), 'utf8'))).toEqual(t)
    expect(await store.get(ID_A)).toEqual(t)
    // Saving again overwrites it.
    await store.save({ ...t, name: 'Recovery week' })
    expect((await store.get(ID_A)).name).toBe('Recovery week')
  })

  it('lists the newest first, leaving alone files Coach Desk did not write', async () => {
    await store.save(template(ID_A, { name: 'Older', createdAt: '2026-11-01T08:00:00.000Z' }))
    await store.save(template(ID_B, { name: 'Newer', createdAt: '2026-12-01T08:00:00.000Z' }))
    writeFileSync(join(folder, 'notes.txt'), 'mine')
    writeFileSync(join(folder, `${ID_B.toUpperCase()}.json`), JSON.stringify(template(ID_B.toUpperCase())))
    writeFileSync(join(folder, `x${ID_A}.json`), JSON.stringify(template(`x${ID_A}`)))
    expect((await store.list()).map((t) => t.name)).toEqual(['Newer', 'Older'])
    expect(readFileSync(join(folder, 'notes.txt'), 'utf8')).toBe('mine')
  })

  it('takes a file that is not a template it wrote (another version, another id, no events, too many, not JSON) as none', async () => {
    mkdirSync(folder)
    const files: [string, string][] = [
      [ID_A, JSON.stringify(template(ID_A, { version: 2 as 1 }))],
      [ID_B, JSON.stringify(template(ID_A))],
    ]
    for (const [id, text] of files) writeFileSync(join(folder, `${id}.json`), text)
    expect(await store.read(ID_A)).toBeNull()
    expect(await store.read(ID_B)).toBeNull()
    expect(await store.list()).toEqual([])
    await expect(store.get(ID_A)).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'That template is no longer there.' })

    writeFileSync(join(folder, `${ID_A}.json`), JSON.stringify({ ...template(ID_A), events: 'none' }))
    expect(await store.read(ID_A)).toBeNull()
    writeFileSync(join(folder, `${ID_A}.json`), JSON.stringify(template(ID_A, { events: Array.from({ length: 201 }, () => ride) })))
    expect(await store.read(ID_A)).toBeNull()
    writeFileSync(join(folder, `${ID_A}.json`), JSON.stringify(template(ID_A, { events: Array.from({ length: 200 }, () => ride) })))
    expect((await store.read(ID_A))?.events).toHaveLength(200)
    writeFileSync(join(folder, `${ID_A}.json`), '{"version": 1,')
    expect(await store.read(ID_A)).toBeNull()
    writeFileSync(join(folder, `${ID_A}.json`), 'null')
    expect(await store.read(ID_A)).toBeNull()
  })

  it('refuses an id that is not a template’s, so no other file is read or deleted', async () => {
    writeFileSync(join(root, 'secret.json'), '{}')
    for (const id of ['../secret', `${ID_A}x`, `x${ID_A}`, ID_A.toUpperCase(), '']) {
      await expect(store.delete(id)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: 'That is not a template.' })
      await expect(store.get(id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    }
    expect(readdirSync(root)).toEqual(['secret.json'])
  })

  it('refuses a week of more than 200 events and writes nothing', async () => {
    await expect(store.save(template(ID_A, { events: Array.from({ length: 201 }, () => ride) }))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'A week template holds at most 200 events.',
    })
    expect(readdirSync(root)).toEqual([])
    await store.save(template(ID_A, { events: Array.from({ length: 200 }, () => ride) }))
    expect((await store.get(ID_A)).events).toHaveLength(200)
  })

  it('says when the data folder will not take the file', async () => {
    mkdirSync(join(folder, `${ID_A}.json`), { recursive: true })
    await expect(store.save(template(ID_A))).rejects.toMatchObject({ code: 'INTERNAL', message: 'Coach Desk could not save the template in its data folder.' })
    expect(readdirSync(folder)).toEqual([`${ID_A}.json`])
  })

  it('deletes a template once; a second delete finds nothing', async () => {
    await store.save(template(ID_A))
    await store.save(template(ID_B))
    expect(await store.delete(ID_A)).toBe(true)
    expect(readdirSync(folder)).toEqual([`${ID_B}.json`])
    expect(await store.delete(ID_A)).toBe(false)
  })

  it('passes on a failure of the file system other than a missing file', async () => {
    mkdirSync(join(folder, `${ID_A}.json`), { recursive: true })
    await expect(store.delete(ID_A)).rejects.toMatchObject({ code: expect.stringMatching(/^E(ISDIR|PERM)$/) })
    writeFileSync(join(root, 'plain'), 'a file where the folder should be')
    await expect(new TemplateStore(join(root, 'plain')).list()).rejects.toMatchObject({ code: 'ENOTDIR' })
  })
})
