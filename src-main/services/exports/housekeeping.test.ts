import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises'
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
