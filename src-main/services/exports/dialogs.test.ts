import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fixedFolderDialogs } from './dialogs'

// The browser host's and the tests' stand-in for the Save and folder dialogs: one fixed folder.

const made: string[] = []
afterEach(async () => {
  for (const d of made.splice(0)) await rm(d, { recursive: true, force: true })
})

describe('exports without a native dialog', () => {
  it('go into the fixed folder, made when first needed, under the name offered or the next free one', async () => {
    const root = await mkdtemp(join(tmpdir(), 'coach-desk-dialogs-'))
    made.push(root)
    const dir = join(root, 'Exports')
    const dialogs = fixedFolderDialogs(dir)
    expect(await dialogs.chooseSavePath('2026-12-01 Alice - Tempo.fit', 'fit')).toEqual({ path: join(dir, '2026-12-01 Alice - Tempo.fit'), replaceConfirmed: false })
    expect(existsSync(dir)).toBe(true)
    await writeFile(join(dir, '2026-12-01 Alice - Tempo.fit'), 'saved before')
    expect(await dialogs.chooseSavePath('2026-12-01 Alice - Tempo.fit', 'fit')).toEqual({ path: join(dir, '2026-12-01 Alice - Tempo (2).fit'), replaceConfirmed: false })
    await writeFile(join(dir, 'Workouts (zwo).zip'), 'saved before')
    expect((await dialogs.chooseSavePath('Workouts (zwo).zip', 'zip'))!.path).toBe(join(dir, 'Workouts (zwo) (2).zip'))
  })

  it('choose that folder for many files, made when first needed', async () => {
    const root = await mkdtemp(join(tmpdir(), 'coach-desk-dialogs-'))
    made.push(root)
    const dir = join(root, 'Many', 'Exports')
    expect(await fixedFolderDialogs(dir).chooseFolder()).toBe(dir)
    expect(existsSync(dir)).toBe(true)
    // Chosen again, the folder is there already.
    expect(await fixedFolderDialogs(dir).chooseFolder()).toBe(dir)
  })
})
