import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '..')
// An Electron dist folder with no binary in it: the same as an install that skipped the download.
const empty = mkdtempSync(join(tmpdir(), 'coach-desk-no-electron-'))
afterAll(() => rmSync(empty, { recursive: true, force: true }))

describe('npm run dist without the Electron binary', () => {
  it('stops before building anything, saying what is missing and how to get it, without a stack trace', () => {
    const r = spawnSync(process.execPath, ['scripts/dist.mjs'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty },
    })
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('the Electron binary is not installed')
    expect(r.stderr).toContain('npm ci')
    expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
    expect(r.stdout).not.toContain('electron-builder')
  })
})
