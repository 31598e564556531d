import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../log'
import { DEFAULT_SETTINGS } from './rules'
import { AttentionStore } from './store'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'coach-desk-attention-'))
  dirs.push(d)
  return d
}
const account = { server: 'https://intervals.icu', athleteId: 'i100000' }

describe('attention settings and local reviews in the data folder', () => {
  it('starts from the defaults, keeps what was saved across a restart, and ignores a file it cannot read as settings', async () => {
    const dir = dataDir()
    expect(await new AttentionStore(dir, silentLogger).settings()).toEqual(DEFAULT_SETTINGS)
    const saved = structuredClone(DEFAULT_SETTINGS)
    saved.rules.form.min = -25
    saved.notifications = false
    await new AttentionStore(dir, silentLogger).saveSettings(saved)
    expect(await new AttentionStore(dir, silentLogger).settings()).toEqual(saved)
    // No temporary file is left beside it.
    expect(readdirSync(join(dir, 'attention'))).toEqual(['settings.json'])
    writeFileSync(join(dir, 'attention', 'settings.json'), '{"rules": {"form": {"on": "maybe"}}}')
    expect(await new AttentionStore(dir, silentLogger).settings()).toEqual(DEFAULT_SETTINGS)
    writeFileSync(join(dir, 'attention', 'settings.json'), 'not json')
    expect(await new AttentionStore(dir, silentLogger).settings()).toEqual(DEFAULT_SETTINGS)
  })

  it('keeps activities reviewed in Coach Desk per account across a restart; the demo keeps them in memory only', async () => {
    const dir = dataDir()
    await new AttentionStore(dir, silentLogger).addReviewed(account, 'i47600123')
    await new AttentionStore(dir, silentLogger).addReviewed(account, 'i47600456')
    const restarted = new AttentionStore(dir, silentLogger)
    expect([...(await restarted.reviewed(account))]).toEqual(['i47600123', 'i47600456'])
    expect((await restarted.reviewed({ ...account, athleteId: 'i5' })).size).toBe(0)

    const demoDir = dataDir()
    const demo = new AttentionStore(demoDir, silentLogger)
    await demo.addReviewed(null, 'i1')
    expect([...(await demo.reviewed(null))]).toEqual(['i1'])
    expect(readdirSync(demoDir)).toEqual([])
  })

  it('reads a reviewed file that is not a list as empty', async () => {
    const dir = dataDir()
    const store = new AttentionStore(dir, silentLogger)
    await store.addReviewed(account, 'i1')
    const [folder] = readdirSync(join(dir, 'attention'))
    writeFileSync(join(dir, 'attention', folder!, 'reviewed.json'), '{"i1": true}')
    expect((await store.reviewed(account)).size).toBe(0)
  })
})
