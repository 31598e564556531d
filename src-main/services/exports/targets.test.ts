import { unzipSync } from 'fflate'
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { filesUnder } from '../../testing/exports'
import { nodeFs, type AtomicWriteFs } from './atomicWrite'
import type { FetchedFile } from './download'
import { MANIFEST_FILE, sha256 } from './manifest'
import { FolderTarget, requireInsideRoot, ZipTarget } from './targets'

// Where a many-workout export puts its files, on a real temporary folder: names, " (2)", the
// folder's list of what Coach Desk wrote, and what is never replaced.

const made: string[] = []
afterEach(async () => {
  for (const d of made.splice(0)) await rm(d, { recursive: true, force: true })
})
async function folder(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'coach-desk-targets-'))
  made.push(d)
  return d
}

const bytes = (s: string) => new TextEncoder().encode(s)
function file(eventId: number | null, base: string, content: string, athleteId = 'i1'): FetchedFile {
  return { athleteId, eventId, label: base, date: null, base, bytes: bytes(content) }
}
/** The manifest's entries as written to disk. */
async function manifestOf(dir: string): Promise<Record<string, { name: string; sha256: string }>> {
  return (JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as { files: Record<string, { name: string; sha256: string }> }).files
}
const workoutFiles = async (root: string) => (await filesUnder(root)).filter((f) => !f.endsWith(MANIFEST_FILE))

describe('exporting into a folder', () => {
  it('writes each file into its athlete’s folder and lists it there after the export', async () => {
    const root = await folder()
    const t = new FolderTarget(root, '.zwo')
    expect(t.location).toBe(root)
    expect(await t.add(file(1, '2026-12-01 Tempo', 'one'), 'Alice Martin')).toEqual({ fileName: 'Alice Martin/2026-12-01 Tempo.zwo', outcome: 'written' })
    expect(await t.add(file(2, '2026-12-02 Long', 'two', 'i2'), 'Bo Lee')).toEqual({ fileName: 'Bo Lee/2026-12-02 Long.zwo', outcome: 'written' })
    await t.finish()
    expect(await readFile(join(root, 'Alice Martin', '2026-12-01 Tempo.zwo'), 'utf8')).toBe('one')
    expect(await manifestOf(join(root, 'Alice Martin'))).toEqual({ '1.zwo': { name: '2026-12-01 Tempo.zwo', sha256: sha256(bytes('one')) } })
    expect(await manifestOf(join(root, 'Bo Lee'))).toEqual({ '2.zwo': { name: '2026-12-02 Long.zwo', sha256: sha256(bytes('two')) } })
  })

  it('gives a second workout of the same name " (2)", and a namesake athlete the folder "Name (2)"', async () => {
    const root = await folder()
    const t = new FolderTarget(root, '.fit')
    const placed = await Promise.all([
      t.add(file(1, 'Tempo', 'a', 'i1'), 'Sam Lee'),
      t.add(file(2, 'Tempo', 'b', 'i1'), 'Sam Lee'),
      t.add(file(3, 'Tempo', 'c', 'i2'), 'Sam Lee'),
      t.add(file(4, 'Tempo', 'd', 'i1'), 'Sam Lee'),
    ])
    expect(placed.map((p) => p.fileName)).toEqual(['Sam Lee/Tempo.fit', 'Sam Lee/Tempo (2).fit', 'Sam Lee (2)/Tempo.fit', 'Sam Lee/Tempo (3).fit'])
    await t.finish()
    expect(await readFile(join(root, 'Sam Lee', 'Tempo (2).fit'), 'utf8')).toBe('b')
    expect(await readFile(join(root, 'Sam Lee (2)', 'Tempo.fit'), 'utf8')).toBe('c')
  })

  it('the second export leaves an identical file alone, replaces a changed one in place and moves a renamed one', async () => {
    const root = await folder()
    const first = new FolderTarget(root, '.zwo')
    await first.add(file(1, 'Same', 'same'), 'Alice')
    await first.add(file(2, 'Changed', 'old'), 'Alice')
    await first.add(file(3, 'Before', 'renamed'), 'Alice')
    await first.finish()

    const again = new FolderTarget(root, '.zwo')
    expect(await again.add(file(1, 'Same', 'same'), 'Alice')).toEqual({ fileName: 'Alice/Same.zwo', outcome: 'unchanged' })
    expect(await again.add(file(2, 'Changed', 'new'), 'Alice')).toEqual({ fileName: 'Alice/Changed.zwo', outcome: 'replaced' })
    expect(await again.add(file(3, 'After', 'renamed'), 'Alice')).toEqual({ fileName: 'Alice/After.zwo', outcome: 'replaced' })
    await again.finish()
    expect(await workoutFiles(root)).toEqual(['Alice/After.zwo', 'Alice/Changed.zwo', 'Alice/Same.zwo'])
    expect(await readFile(join(root, 'Alice', 'Changed.zwo'), 'utf8')).toBe('new')
    expect(await manifestOf(join(root, 'Alice'))).toEqual({
      '1.zwo': { name: 'Same.zwo', sha256: sha256(bytes('same')) },
      '2.zwo': { name: 'Changed.zwo', sha256: sha256(bytes('new')) },
      '3.zwo': { name: 'After.zwo', sha256: sha256(bytes('renamed')) },
    })
  })

  it('a new workout whose name is on disk gets " (2)"; the workout that file belongs to keeps it', async () => {
    const root = await folder()
    const first = new FolderTarget(root, '.zwo')
    await first.add(file(1, 'Tempo', 'one'), 'Alice')
    await first.finish()
    const again = new FolderTarget(root, '.zwo')
    expect(await again.add(file(2, 'Tempo', 'two'), 'Alice')).toEqual({ fileName: 'Alice/Tempo (2).zwo', outcome: 'written' })
    expect(await again.add(file(1, 'Tempo', 'one'), 'Alice')).toEqual({ fileName: 'Alice/Tempo.zwo', outcome: 'unchanged' })
  })

  it('a file another workout of this export already claimed is not claimed twice', async () => {
    const root = await folder()
    const first = new FolderTarget(root, '.zwo')
    await first.add(file(1, 'Tempo', 'same'), 'Alice')
    await first.finish()
    const again = new FolderTarget(root, '.zwo')
    // Event 2 has the same name and bytes, so it takes the file on disk as its own first.
    expect(await again.add(file(2, 'Tempo', 'same'), 'Alice')).toEqual({ fileName: 'Alice/Tempo.zwo', outcome: 'unchanged' })
    expect(await again.add(file(1, 'Tempo', 'same'), 'Alice')).toEqual({ fileName: 'Alice/Tempo (2).zwo', outcome: 'written' })
    expect(await workoutFiles(root)).toEqual(['Alice/Tempo (2).zwo', 'Alice/Tempo.zwo'])
  })

  it('never replaces a file the coach changed, nor one of the same name that holds something else', async () => {
    const root = await folder()
    const first = new FolderTarget(root, '.zwo')
    await first.add(file(1, 'Tempo', 'ours'), 'Alice')
    await first.finish()
    await writeFile(join(root, 'Alice', 'Tempo.zwo'), 'the coach’s edits')
    await writeFile(join(root, 'Alice', 'Long.zwo'), 'the coach’s own file')

    const again = new FolderTarget(root, '.zwo')
    expect(await again.add(file(1, 'Tempo', 'ours'), 'Alice')).toEqual({ fileName: 'Alice/Tempo (2).zwo', outcome: 'written' })
    expect(await again.add(file(2, 'Long', 'a long ride'), 'Alice')).toEqual({ fileName: 'Alice/Long (2).zwo', outcome: 'written' })
    await again.finish()
    expect(await readFile(join(root, 'Alice', 'Tempo.zwo'), 'utf8')).toBe('the coach’s edits')
    expect(await readFile(join(root, 'Alice', 'Long.zwo'), 'utf8')).toBe('the coach’s own file')
  })

  it('takes a file of the very name and content, from before the folder kept its list, as already there', async () => {
    const root = await folder()
    await mkdir(join(root, 'Alice'))
    await writeFile(join(root, 'Alice', 'Tempo.fit'), 'same bytes')
    const t = new FolderTarget(root, '.fit')
    expect(await t.add(file(1, 'Tempo', 'same bytes'), 'Alice')).toEqual({ fileName: 'Alice/Tempo.fit', outcome: 'unchanged' })
    // A zip entry with no event is not listed, but still never doubled.
    expect(await t.add(file(null, 'Tempo', 'same bytes'), 'Alice')).toEqual({ fileName: 'Alice/Tempo (2).fit', outcome: 'written' })
    await t.finish()
    expect(await manifestOf(join(root, 'Alice'))).toEqual({ '1.fit': { name: 'Tempo.fit', sha256: sha256(bytes('same bytes')) } })
  })

  it('writes no list for a folder where nothing changed', async () => {
    const root = await folder()
    await mkdir(join(root, 'Alice'))
    const t = new FolderTarget(root, '.fit')
    await t.add(file(null, 'From the zip', 'x'), 'Alice')
    await t.finish()
    expect(await filesUnder(root)).toEqual(['Alice/From the zip.fit'])
  })

  it('shortens a name too long for the disk, keeping the extension, with room for " (2)"', async () => {
    const root = await folder()
    const t = new FolderTarget(root, '.fit')
    const long = 'Ü'.repeat(200)
    const [a, b] = await Promise.all([t.add(file(1, long, 'a'), 'Alice'), t.add(file(2, long, 'b'), 'Alice')])
    const names = [a!.fileName, b!.fileName].map((f) => f.slice('Alice/'.length))
    // 255 bytes less " (99).fit" (9 bytes) is 246: 123 two-byte letters.
    expect(names[0]).toBe(`${'Ü'.repeat(123)}.fit`)
    expect(names[1]).toBe(`${'Ü'.repeat(123)} (2).fit`)
    for (const n of names) expect(Buffer.byteLength(n)).toBeLessThanOrEqual(255)
  })

  it('when another program takes the free name just before the write, the next one is used', async () => {
    const root = await folder()
    let planted = 0
    const racing: AtomicWriteFs = {
      ...nodeFs,
      async link(temp, path) {
        if (planted++ === 0) await writeFile(path, 'another program')
        return nodeFs.link(temp, path)
      },
    }
    const t = new FolderTarget(root, '.fit', racing)
    expect(await t.add(file(1, 'Tempo', 'ours'), 'Alice')).toEqual({ fileName: 'Alice/Tempo (2).fit', outcome: 'written' })
    expect(await readFile(join(root, 'Alice', 'Tempo.fit'), 'utf8')).toBe('another program')
    expect(await readFile(join(root, 'Alice', 'Tempo (2).fit'), 'utf8')).toBe('ours')
  })

  it('gives up with CONFLICT after five names taken from under it, and writes nothing of its own', async () => {
    const root = await folder()
    const racing: AtomicWriteFs = {
      ...nodeFs,
      async link(temp, path) {
        await writeFile(path, 'another program')
        return nodeFs.link(temp, path)
      },
    }
    const t = new FolderTarget(root, '.fit', racing)
    await expect(t.add(file(1, 'Tempo', 'ours'), 'Alice')).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Other files keep taking the name “Tempo.fit”') })
    const left = await filesUnder(root)
    // Only the other program's five files: no temporary file of ours.
    expect(left).toEqual(['Alice/Tempo (2).fit', 'Alice/Tempo (3).fit', 'Alice/Tempo (4).fit', 'Alice/Tempo (5).fit', 'Alice/Tempo.fit'])
  })

  it('a failed write is the coach’s message, and the next file is still written', async () => {
    const root = await folder()
    let calls = 0
    const full: AtomicWriteFs = {
      ...nodeFs,
      async open(path, flags) {
        if (calls++ === 0) throw Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' })
        return nodeFs.open(path, flags)
      },
    }
    const t = new FolderTarget(root, '.fit', full)
    const [a, b] = await Promise.allSettled([t.add(file(1, 'Tempo', 'x'), 'Alice'), t.add(file(2, 'Long', 'y'), 'Alice')])
    expect(a).toMatchObject({ status: 'rejected', reason: { code: 'INTERNAL', message: expect.stringMatching(/not enough free space/) } })
    expect(b).toMatchObject({ status: 'fulfilled', value: { fileName: 'Alice/Long.fit' } })
  })

  it('replacing a file of ours that fails is the coach’s message, and the file stays as it was', async () => {
    const root = await folder()
    const first = new FolderTarget(root, '.zwo')
    await first.add(file(1, 'Tempo', 'old'), 'Alice')
    await first.finish()
    const readOnly: AtomicWriteFs = { ...nodeFs, rename: async () => Promise.reject(Object.assign(new Error('EROFS: simulated'), { code: 'EROFS' })) }
    const again = new FolderTarget(root, '.zwo', readOnly)
    await expect(again.add(file(1, 'Tempo', 'new'), 'Alice')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/not allowed to save "Tempo\.zwo"/) })
    expect(await readFile(join(root, 'Alice', 'Tempo.zwo'), 'utf8')).toBe('old')
  })

  it('a list that cannot be saved fails the export with the coach’s message', async () => {
    const root = await folder()
    const t = new FolderTarget(root, '.fit', {
      ...nodeFs,
      rename: async () => Promise.reject(Object.assign(new Error('EROFS: simulated'), { code: 'EROFS' })),
    })
    await t.add(file(1, 'Tempo', 'x'), 'Alice')
    await expect(t.finish()).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/not allowed to save "\.coach-desk-exports\.json"/) })
  })

  it('a file where the athlete’s folder should be is a CONFLICT, and nothing is written', async () => {
    const root = await folder()
    await writeFile(join(root, 'Alice'), 'a file, not a folder')
    const t = new FolderTarget(root, '.fit')
    await expect(t.add(file(1, 'Tempo', 'x'), 'Alice')).rejects.toMatchObject({ code: 'CONFLICT', message: `A file is in the way of the folder ${root}. Coach Desk did not replace it.` })
  })
})

describe('an athlete folder that is a link', () => {
  it('is refused when it leads outside the chosen folder, and accepted inside it', async () => {
    const root = await folder()
    const elsewhere = await folder()
    await symlink(elsewhere, join(root, 'Alice'), 'dir')
    await expect(requireInsideRoot(root, join(root, 'Alice'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `The folder “Alice” in ${root} is a link to ${elsewhere}, outside the folder you chose. Coach Desk did not write there; remove the link or choose another folder.`,
    })
    // A link to the chosen folder itself is refused too: the files would land beside the athlete folders.
    await symlink(root, join(root, 'Bo'), 'dir')
    await expect(requireInsideRoot(root, join(root, 'Bo'))).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await symlink(join(root, '..'), join(root, 'Up'), 'dir')
    await expect(requireInsideRoot(root, join(root, 'Up'))).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await mkdir(join(root, 'real'))
    await symlink(join(root, 'real'), join(root, 'Cy'), 'dir')
    await expect(requireInsideRoot(root, join(root, 'Cy'))).resolves.toBeUndefined()
  })

  it('a folder that is gone is a clear error', async () => {
    const root = await folder()
    await expect(requireInsideRoot(root, join(root, 'missing'))).rejects.toMatchObject({ code: 'INTERNAL', message: `Coach Desk could not create the folder ${root} (ENOENT). Try again.` })
  })

  it('nothing is written through a link outside the chosen folder', async () => {
    const root = await folder()
    const elsewhere = await folder()
    await symlink(elsewhere, join(root, 'Alice'), 'dir')
    const t = new FolderTarget(root, '.fit')
    await expect(t.add(file(1, 'Tempo', 'x'), 'Alice')).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(await filesUnder(elsewhere)).toEqual([])
  })
})

describe('exporting into one zip', () => {
  it('holds a folder per athlete, " (2)" for a name taken in that folder, and is written only at the end', async () => {
    const root = await folder()
    const path = join(root, 'Workouts (fit).zip')
    const t = new ZipTarget(path, '.fit', false)
    expect(t.location).toBe(path)
    expect(t.size).toBe(0)
    const placed = [
      await t.add(file(1, 'Tempo', 'a', 'i1'), 'Sam Lee'),
      await t.add(file(2, 'TEMPO', 'b', 'i1'), 'Sam Lee'),
      await t.add(file(3, 'Tempo', 'c', 'i2'), 'Sam Lee'),
    ]
    expect(placed).toEqual([
      { fileName: 'Sam Lee/Tempo.fit', outcome: 'written' },
      { fileName: 'Sam Lee/TEMPO (2).fit', outcome: 'written' },
      { fileName: 'Sam Lee (2)/Tempo.fit', outcome: 'written' },
    ])
    expect(t.size).toBe(3)
    expect(await filesUnder(root)).toEqual([])
    await t.finish()
    const entries = unzipSync(await readFile(path))
    expect(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, new TextDecoder().decode(v)]))).toEqual({
      'Sam Lee/Tempo.fit': 'a',
      'Sam Lee/TEMPO (2).fit': 'b',
      'Sam Lee (2)/Tempo.fit': 'c',
    })
  })

  it('replaces an existing zip only when the Save dialog confirmed it', async () => {
    const root = await folder()
    const path = join(root, 'w.zip')
    await writeFile(path, 'the coach’s zip')
    const refused = new ZipTarget(path, '.fit', false)
    await refused.add(file(1, 'Tempo', 'a'), 'Alice')
    await expect(refused.finish()).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already exists/) })
    expect(await readFile(path, 'utf8')).toBe('the coach’s zip')

    const confirmed = new ZipTarget(path, '.fit', true)
    await confirmed.add(file(1, 'Tempo', 'a'), 'Alice')
    await confirmed.finish()
    expect(Object.keys(unzipSync(await readFile(path)))).toEqual(['Alice/Tempo.fit'])
  })
})
