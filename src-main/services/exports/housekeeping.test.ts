import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { coreHarness } from '../../testing/core'
import { dragFolder } from './drag'
import { cleanExportLeftovers, rememberExportFolder } from './housekeeping'

// Leftovers of a write cut short (the atomic writer's hidden temporary file) and of drags (main's
// drag folders) are removed at start and at quit, and nothing else is.

const made: string[] = []
afterEach(async () => {
  for (const d of made.splice(0)) await rm(d, { recursive: true, force: true })
})
async function tempDir(prefix: string) {
  const d = await mkdtemp(join(tmpdir(), prefix))
  made.push(d)
  return d
}

/** An export folder as a killed write leaves it: one temporary file beside the coach's files. */
async function exportFolderWithLeftovers() {
  const root = await tempDir('coach-desk-kept-')
  await mkdir(join(root, 'Maya Chen'))
  const keep = [join(root, 'Maya Chen', '2026-12-01 Tempo.fit'), join(root, 'Maya Chen', '.coach-desk-exports.json'), join(root, '.hidden-by-coach'), join(root, 'notes.tmp')]
  for (const f of keep) await writeFile(f, 'keep')
  const stale = [join(root, 'Maya Chen', '.2026-12-02 Threshold.fit.0123456789ab.tmp'), join(root, '.Workouts (fit).zip.abcdefabcdef.tmp')]
  for (const f of stale) await writeFile(f, 'half a file')
  return { root, keep, stale }
}

describe('cleaning export leftovers', () => {
  it('removes the writer’s temporary files from remembered folders and their athlete folders, and old drag folders', async () => {
    const dataDir = await tempDir('coach-desk-data-')
    const { root, keep, stale } = await exportFolderWithLeftovers()
    await rememberExportFolder(dataDir, root)
    await mkdir(join(dragFolder(dataDir), 'a1'), { recursive: true })
    await writeFile(join(dragFolder(dataDir), 'a1', 'x.fit'), 'x')

    expect(await cleanExportLeftovers(dataDir)).toEqual({ tempFiles: 2, dragFolders: 1 })
    for (const f of stale) expect(existsSync(f), f).toBe(false)
    for (const f of keep) expect(existsSync(f), f).toBe(true)
    expect(await readdir(dragFolder(dataDir))).toEqual([])
  })

  it('keeps what is younger than the age asked for', async () => {
    const dataDir = await tempDir('coach-desk-data-')
    const { root, stale } = await exportFolderWithLeftovers()
    await rememberExportFolder(dataDir, root)
    const old = new Date(Date.now() - 10 * 60_000)
    await utimes(stale[0]!, old, old)
    expect(await cleanExportLeftovers(dataDir, { minAgeMs: 60_000 })).toEqual({ tempFiles: 1, dragFolders: 0 })
    expect(existsSync(stale[1]!)).toBe(true)
  })

  it('the core cleans at start and at quit', async () => {
    const h = await coreHarness()
    made.push(h.dataDir)
    const { root, stale } = await exportFolderWithLeftovers()
    await rememberExportFolder(h.dataDir, root)
    await mkdir(join(dragFolder(h.dataDir), 'from-last-run'), { recursive: true })
    await h.core.start()
    for (const f of stale) expect(existsSync(f)).toBe(false)
    expect(existsSync(join(dragFolder(h.dataDir), 'from-last-run'))).toBe(false)

    await writeFile(stale[0]!, 'cut short again')
    await mkdir(join(dragFolder(h.dataDir), 'this-run'), { recursive: true })
    await h.close()
    expect(existsSync(stale[0]!)).toBe(false)
    expect(existsSync(join(dragFolder(h.dataDir), 'this-run'))).toBe(false)
  })
})

describe('the folders exported into, remembered for cleaning', () => {
  const listed = async (dataDir: string) => JSON.parse(await readFile(join(dataDir, 'export-folders.json'), 'utf8')) as unknown
  const tempNamed = async (dir: string) => {
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, '.Tempo.fit.0123456789ab.tmp'), 'half')
  }

  it('keeps the most recent first, each once, at most twenty', async () => {
    const dataDir = await tempDir('coach-desk-data-')
    await rememberExportFolder(dataDir, '/exports/first')
    expect(await listed(dataDir)).toEqual(['/exports/first'])
    for (let i = 1; i <= 22; i++) await rememberExportFolder(dataDir, `/exports/${i}`)
    expect(await listed(dataDir)).toHaveLength(20)
    await rememberExportFolder(dataDir, '/exports/5')
    const list = (await listed(dataDir)) as string[]
    expect(list).toHaveLength(20)
    expect(list.slice(0, 3)).toEqual(['/exports/5', '/exports/22', '/exports/21'])
    expect(list.filter((d) => d === '/exports/5')).toHaveLength(1)
    // 22 down to 3 were kept; 5 moved to the front.
    expect(list.at(-1)).toBe('/exports/3')
  })

  it('leaves the list as it is when the folder is already the most recent', async () => {
    const dataDir = await tempDir('coach-desk-data-')
    await writeFile(join(dataDir, 'export-folders.json'), '[ "/exports/a",  "/exports/b" ]')
    await rememberExportFolder(dataDir, '/exports/a')
    expect(await readFile(join(dataDir, 'export-folders.json'), 'utf8')).toBe('[ "/exports/a",  "/exports/b" ]')
    await rememberExportFolder(dataDir, '/exports/b')
    expect(await listed(dataDir)).toEqual(['/exports/b', '/exports/a'])
  })

  it('reads a damaged or foreign list as empty, and drops entries that are not absolute folders', async () => {
    const dataDir = await tempDir('coach-desk-data-')
    const root = await tempDir('coach-desk-kept-')
    await tempNamed(root)
    await writeFile(join(dataDir, 'export-folders.json'), JSON.stringify([root, 'relative/folder', 42, null]))
    await rememberExportFolder(dataDir, '/exports/new')
    expect(await listed(dataDir)).toEqual(['/exports/new', root])
    for (const damaged of ['not json', '{"folders": []}']) {
      await writeFile(join(dataDir, 'export-folders.json'), damaged)
      expect(await cleanExportLeftovers(dataDir)).toEqual({ tempFiles: 0, dragFolders: 0 })
      // Remembering starts the list afresh.
      await rememberExportFolder(dataDir, '/exports/after')
      expect(await listed(dataDir)).toEqual(['/exports/after'])
    }
    expect(await readdir(root)).toEqual(['.Tempo.fit.0123456789ab.tmp'])
  })

  it('cleans only the twenty most recent folders, and one level of athlete folders below each', async () => {
    const dataDir = await tempDir('coach-desk-data-')
    const root = await tempDir('coach-desk-kept-')
    const folders = Array.from({ length: 21 }, (_, i) => join(root, `export-${i}`))
    for (const f of folders) await tempNamed(f)
    await tempNamed(join(folders[20]!, 'Maya Chen', 'deeper'))
    await writeFile(join(dataDir, 'export-folders.json'), JSON.stringify([folders[20], ...folders.slice(0, 20)]))
    // The 21st listed is beyond what is kept; the folder two levels down is not an athlete folder.
    expect(await cleanExportLeftovers(dataDir)).toEqual({ tempFiles: 20, dragFolders: 0 })
    expect(await readdir(folders[19]!)).toEqual(['.Tempo.fit.0123456789ab.tmp'])
    expect(await readdir(join(folders[20]!, 'Maya Chen', 'deeper'))).toEqual(['.Tempo.fit.0123456789ab.tmp'])
  })

  it('keeps a drag folder younger than the age asked for, and removes an older one', async () => {
    const dataDir = await tempDir('coach-desk-data-')
    const now = Date.now()
    await mkdir(join(dragFolder(dataDir), 'young'), { recursive: true })
    await mkdir(join(dragFolder(dataDir), 'old'), { recursive: true })
    const old = new Date(now - 2 * 60_000)
    await utimes(join(dragFolder(dataDir), 'old'), old, old)
    expect(await cleanExportLeftovers(dataDir, { now, minAgeMs: 60_000 })).toEqual({ tempFiles: 0, dragFolders: 1 })
    expect(await readdir(dragFolder(dataDir))).toEqual(['young'])
  })

  it('removes what is exactly the age asked for', async () => {
    const dataDir = await tempDir('coach-desk-data-')
    const root = await tempDir('coach-desk-kept-')
    await rememberExportFolder(dataDir, root)
    await tempNamed(root)
    await mkdir(join(dragFolder(dataDir), 'a-minute-old'), { recursive: true })
    // Whole seconds, so the file system keeps the times exactly.
    const now = Math.floor(Date.now() / 1000) * 1000
    const minuteAgo = (now - 60_000) / 1000
    await utimes(join(root, '.Tempo.fit.0123456789ab.tmp'), minuteAgo, minuteAgo)
    await utimes(join(dragFolder(dataDir), 'a-minute-old'), minuteAgo, minuteAgo)
    expect(await cleanExportLeftovers(dataDir, { now, minAgeMs: 60_000 })).toEqual({ tempFiles: 1, dragFolders: 1 })
  })
})
