import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
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
