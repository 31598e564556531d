import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { FolderManifest, MANIFEST_FILE, sha256 } from './manifest'

const made: string[] = []
afterEach(async () => {
  for (const d of made.splice(0)) await rm(d, { recursive: true, force: true })
})
const dir = async () => {
  const d = await mkdtemp(join(tmpdir(), 'coach-desk-manifest-'))
  made.push(d)
  return d
}
const bytes = (s: string) => new TextEncoder().encode(s)

describe("an athlete folder's list of the files Coach Desk wrote", () => {
  it('round-trips per event and format, and is written only when it changed', async () => {
    const d = await dir()
    const m = await FolderManifest.load(d)
    m.set(42, '.zwo', { name: 'a.zwo', sha256: sha256(bytes('x')) })
    await m.save()
    const again = await FolderManifest.load(d)
    expect(again.get(42, '.zwo')).toEqual({ name: 'a.zwo', sha256: sha256(bytes('x')) })
    expect(again.get(42, '.fit')).toBeUndefined()
    await writeFile(join(d, MANIFEST_FILE), 'sentinel')
    again.set(42, '.zwo', { name: 'a.zwo', sha256: sha256(bytes('x')) })
    await again.save()
    expect(await readFile(join(d, MANIFEST_FILE), 'utf8')).toBe('sentinel')
  })

  it('a file is ours only while it holds exactly what was written, and never through a link', async () => {
    const d = await dir()
    const m = await FolderManifest.load(d)
    await writeFile(join(d, 'a.zwo'), 'x')
    expect(await m.stillOurs({ name: 'a.zwo', sha256: sha256(bytes('x')) })).toBe(true)
    await writeFile(join(d, 'a.zwo'), 'edited by the coach')
    expect(await m.stillOurs({ name: 'a.zwo', sha256: sha256(bytes('x')) })).toBe(false)
    await writeFile(join(d, 'target'), 'x')
    await symlink(join(d, 'target'), join(d, 'b.zwo'))
    expect(await m.stillOurs({ name: 'b.zwo', sha256: sha256(bytes('x')) })).toBe(false)
    expect(await m.stillOurs({ name: '../escape.zwo', sha256: sha256(bytes('x')) })).toBe(false)
  })

  it('a damaged or foreign list counts as empty', async () => {
    const d = await dir()
    await writeFile(join(d, MANIFEST_FILE), '{"files": {"42.zwo": {"name": 3}, "x": {"name": "a", "sha256": "b"}}}')
    const m = await FolderManifest.load(d)
    expect(m.get(42, 'zwo')).toBeUndefined()
    await writeFile(join(d, MANIFEST_FILE), 'not json')
    expect((await FolderManifest.load(d)).get(42, 'zwo')).toBeUndefined()
  })
})

describe("the list's file", () => {
  it('says what wrote it, and names each file by event and format, with or without the dot', async () => {
    const d = await dir()
    const m = await FolderManifest.load(d)
    m.set(42, 'zwo', { name: 'a.zwo', sha256: 'abc' })
    await m.save()
    expect(JSON.parse(await readFile(join(d, MANIFEST_FILE), 'utf8'))).toEqual({ version: 1, app: 'Coach Desk', files: { '42.zwo': { name: 'a.zwo', sha256: 'abc' } } })
    expect((await FolderManifest.load(d)).get(42, '.zwo')).toEqual({ name: 'a.zwo', sha256: 'abc' })
  })

  it('is written again when a file’s content changed under the same name, and only once', async () => {
    const d = await dir()
    const m = await FolderManifest.load(d)
    m.set(1, '.fit', { name: 'a.fit', sha256: 'one' })
    await m.save()
    m.set(1, '.fit', { name: 'a.fit', sha256: 'two' })
    await m.save()
    expect((await FolderManifest.load(d)).get(1, '.fit')).toEqual({ name: 'a.fit', sha256: 'two' })
    await writeFile(join(d, MANIFEST_FILE), 'sentinel')
    await m.save()
    expect(await readFile(join(d, MANIFEST_FILE), 'utf8')).toBe('sentinel')
    m.set(1, '.fit', { name: 'b.fit', sha256: 'two' })
    await m.save()
    expect((await FolderManifest.load(d)).get(1, '.fit')).toEqual({ name: 'b.fit', sha256: 'two' })
  })

  it('keeps only entries keyed "<event id>.<format>"', async () => {
    const d = await dir()
    const entry = { name: 'a', sha256: 'b' }
    const files = { '41.fit': null, '42.zwo': entry, 'a42.zwo': entry, '43.zwo.bak': entry, '44.': entry, '45.fit': { name: 'a' }, '47.fit': { sha256: 'b' } }
    await writeFile(join(d, MANIFEST_FILE), JSON.stringify({ files }))
    const m = await FolderManifest.load(d)
    expect(m.get(42, '.zwo')).toEqual(entry)
    expect(m.get(43, '.zwo')).toBeUndefined()
    expect(m.get(45, '.fit')).toBeUndefined()
    expect(m.get(47, '.fit')).toBeUndefined()
    // What is dropped is not written back either.
    m.set(46, '.fit', entry)
    await m.save()
    expect(Object.keys((JSON.parse(await readFile(join(d, MANIFEST_FILE), 'utf8')) as { files: object }).files)).toEqual(['42.zwo', '46.fit'])
  })

  it('reads a list larger than 2 MB as empty', async () => {
    const d = await dir()
    const entry = { name: 'a', sha256: 'b' }
    const big = JSON.stringify({ files: { '42.zwo': entry }, padding: 'x'.repeat(2 * 1024 * 1024) })
    await writeFile(join(d, MANIFEST_FILE), big)
    expect((await FolderManifest.load(d)).get(42, '.zwo')).toBeUndefined()
    const bare = JSON.stringify({ files: { '42.zwo': entry }, padding: '' })
    const fits = JSON.stringify({ files: { '42.zwo': entry }, padding: 'x'.repeat(2 * 1024 * 1024 - Buffer.byteLength(bare)) })
    expect(Buffer.byteLength(fits)).toBe(2 * 1024 * 1024)
    await writeFile(join(d, MANIFEST_FILE), fits)
    expect((await FolderManifest.load(d)).get(42, '.zwo')).toEqual(entry)
  })
})

describe('a file the list names', () => {
  it('is read up to 64 MB; a larger one is not taken as ours', async () => {
    const d = await dir()
    const MB64 = 64 * 1024 * 1024
    const m = await FolderManifest.load(d)
    // Sparse files of zeros: the disk holds almost nothing.
    await writeFile(join(d, 'limit.fit'), '')
    await truncate(join(d, 'limit.fit'), MB64)
    const zeros = createHash('sha256').update(new Uint8Array(MB64)).digest('hex')
    expect(await m.stillOurs({ name: 'limit.fit', sha256: zeros })).toBe(true)
    await truncate(join(d, 'limit.fit'), MB64 + 1)
    const more = createHash('sha256').update(new Uint8Array(MB64 + 1)).digest('hex')
    expect(await m.stillOurs({ name: 'limit.fit', sha256: more })).toBe(false)
  })
})
