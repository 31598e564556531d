import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { silentLogger } from '../log'
import { electronUpdates } from './electronUpdates'

const dir = mkdtempSync(join(tmpdir(), 'coach-desk-updates-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const opts = (over: { isPackaged?: boolean; resourcesPath?: string }) => ({
  isPackaged: true,
  resourcesPath: dir,
  dataDir: dir,
  currentVersion: '0.1.0',
  dialog: { showMessageBox: vi.fn() },
  getWindow: () => null,
  log: silentLogger,
  ...over,
})

describe('update checks in Electron', () => {
  it('are off where the app is not packaged, even with a feed', async () => {
    writeFileSync(join(dir, 'app-update.yml'), 'provider: github\nowner: coaches\nrepo: coach-desk\n')
    expect(await electronUpdates(opts({ isPackaged: false }) as never)).toBeNull()
  })

  it('are off in a package built without a release feed (no app-update.yml)', async () => {
    const empty = mkdtempSync(join(dir, 'no-feed-'))
    expect(await electronUpdates(opts({ resourcesPath: empty }) as never)).toBeNull()
  })
})
