import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AthleteGroup } from '../../contract/groups'
import { connectedHarness, coreHarness, ok, type CoreHarness } from '../../testing/core'

// Saved athlete groups through the real core: the contract's checks, the session's account and the
// data folder, as the window reaches them over IPC.

const open: CoreHarness[] = []
afterEach(async () => {
  for (const h of open.splice(0).reverse()) await h.close()
})

/** The one groups file under the data folder, wherever the account's folder is. */
function groupsFile(dataDir: string): string {
  const [account] = readdirSync(join(dataDir, 'groups'))
  return join(dataDir, 'groups', account!, 'groups.json')
}

describe('athlete groups over IPC', () => {
  it('saves a pick for the connected account, lists it after a restart, replaces it by name and deletes it', async () => {
    const { h, roster } = await connectedHarness()
    open.push(h)
    const [a, b, c] = roster.athletes.filter((r) => !r.isSelf)
    h.sim.resetRequests()
    // A repeated athlete counts once; the name is tidied.
    const saved = await ok<AthleteGroup>(h.core.invoke('groups:save', { name: '  Ironman   squad ', athleteIds: [a!.id, b!.id, a!.id] }))
    expect(saved).toEqual({ id: expect.any(String), name: 'Ironman squad', athleteIds: [a!.id, b!.id] })
    expect(JSON.parse(readFileSync(groupsFile(h.dataDir), 'utf8'))).toEqual({ version: 1, groups: [saved] })
    // The account's folder is named by the server and the coach, so the next version finds it.
    const folder = createHash('sha256').update(`${h.sim.url}|${h.sim.coachId}`).digest('hex').slice(0, 16)
    expect(groupsFile(h.dataDir)).toBe(join(h.dataDir, 'groups', folder, 'groups.json'))
    // Groups are Coach Desk's own: saving one asks intervals.icu nothing.
    expect(h.sim.requests).toHaveLength(0)

    const restarted = await coreHarness({ core: { dataDir: h.dataDir, baseUrl: h.sim.url } })
    open.push(restarted)
    await ok(restarted.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey }))
    expect(await ok(restarted.core.invoke('groups:list', {}))).toEqual([saved])

    const replaced = await ok<AthleteGroup>(restarted.core.invoke('groups:save', { name: 'IRONMAN squad', athleteIds: [c!.id] }))
    expect(replaced).toEqual({ id: saved.id, name: 'IRONMAN squad', athleteIds: [c!.id] })
    expect(await ok(restarted.core.invoke('groups:delete', { groupId: saved.id }))).toEqual({ deleted: true })
    expect(await ok(restarted.core.invoke('groups:list', {}))).toEqual([])
    expect(JSON.parse(readFileSync(groupsFile(h.dataDir), 'utf8'))).toEqual({ version: 1, groups: [] })
  })

  it('answers a clear error for a groups file it cannot read, and leaves the file as it was', async () => {
    const { h, roster } = await connectedHarness()
    open.push(h)
    const id = roster.athletes[1]!.id
    await ok(h.core.invoke('groups:save', { name: 'Runners', athleteIds: [id] }))
    const file = groupsFile(h.dataDir)
    const broken = '{"version": 1, "groups": [{"name": "Runners", "athleteIds": "i1'
    writeFileSync(file, broken)

    const listed = await h.core.invoke('groups:list', {})
    expect(listed).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('could not be read') } })
    const saved = await h.core.invoke('groups:save', { name: 'Cyclists', athleteIds: [id] })
    expect(saved).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(readFileSync(file, 'utf8')).toBe(broken)
  })

  it('keeps the demo groups in memory, and has none before anyone connects', async () => {
    const h = await coreHarness()
    open.push(h)
    expect(await h.core.invoke('groups:list', {})).toMatchObject({ ok: false, error: { code: 'AUTH_MISSING' } })
    await ok(h.core.invoke('session:openDemo', {}))
    const roster = await ok<{ athletes: { id: string }[] }>(h.core.invoke('roster:list', {}))
    const saved = await ok<AthleteGroup>(h.core.invoke('groups:save', { name: 'Demo squad', athleteIds: [roster.athletes[1]!.id] }))
    expect(await ok(h.core.invoke('groups:list', {}))).toEqual([saved])
    expect(readdirSync(h.dataDir).includes('groups')).toBe(false)
  })
})
