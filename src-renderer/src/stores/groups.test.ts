import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useGroupsStore } from './groups'
import { fail, ok, standIn } from '../testing/bridge'

// The saved athlete groups against a stand-in bridge.

const group = (id: string, name: string, athleteIds: string[] = ['i1']) => ({ id, name, athleteIds })

function bridge(over: Record<string, unknown> = {}) {
  return standIn('groups', {
    list: () => ok([group('g1', 'Juniors'), group('g2', 'Masters')]),
    save: (a: { name: string; athleteIds: string[] }) => ok(group(a.name === 'Juniors' ? 'g1' : 'g9', a.name, a.athleteIds)),
    delete: () => ok({}),
    ...over,
  })
}

beforeEach(() => setActivePinia(createPinia()))

describe('the saved groups', () => {
  it('loads the groups and says when loading failed, keeping what it had', async () => {
    const b = bridge()
    const g = useGroupsStore()
    await g.load()
    expect(g.groups.map((x) => x.name)).toEqual(['Juniors', 'Masters'])
    expect(g.loaded).toBe(true)
    b.list.mockReturnValueOnce(fail('NETWORK', 'offline') as never)
    await g.load()
    expect(g.error).toEqual({ code: 'NETWORK', message: 'offline' })
    expect(g.groups).toHaveLength(2)
    await g.load()
    expect(g.error).toBeNull()
  })

  it('saves a new group in name order, and a group saved again under its name replaces it', async () => {
    const b = bridge()
    const g = useGroupsStore()
    await g.load()
    const picked = ['i2', 'i3']
    const saved = await g.save('Elite', picked)
    expect(saved).toEqual(group('g9', 'Elite', ['i2', 'i3']))
    expect(b.save).toHaveBeenCalledWith({ name: 'Elite', athleteIds: ['i2', 'i3'] })
    expect(g.groups.map((x) => x.name)).toEqual(['Elite', 'Juniors', 'Masters'])
    await g.save('Juniors', ['i7'])
    expect(g.groups.map((x) => [x.id, x.athleteIds])).toEqual([['g9', ['i2', 'i3']], ['g1', ['i7']], ['g2', ['i1']]])
  })

  it('a failed save keeps the groups and says why; the next success clears it', async () => {
    const b = bridge()
    const g = useGroupsStore()
    await g.load()
    b.save.mockReturnValueOnce(fail('INVALID_INPUT', 'Give the group a name.') as never)
    expect(await g.save('', ['i1'])).toBeNull()
    expect(g.error).toEqual({ code: 'INVALID_INPUT', message: 'Give the group a name.' })
    expect(g.groups).toHaveLength(2)
    await g.save('Elite', ['i1'])
    expect(g.error).toBeNull()
  })

  it('removes a group, and keeps it when the removal failed', async () => {
    const b = bridge()
    const g = useGroupsStore()
    await g.load()
    b.delete.mockReturnValueOnce(fail('NETWORK', 'offline') as never)
    await g.remove('g1')
    expect(g.groups.map((x) => x.id)).toEqual(['g1', 'g2'])
    expect(g.error?.code).toBe('NETWORK')
    await g.remove('g1')
    expect(b.delete).toHaveBeenLastCalledWith({ groupId: 'g1' })
    expect(g.groups.map((x) => x.id)).toEqual(['g2'])
    expect(g.error).toBeNull()
  })

  it('forgets everything for another account', async () => {
    const b = bridge()
    const g = useGroupsStore()
    b.list.mockReturnValueOnce(fail('NETWORK', 'offline') as never)
    await g.load()
    await g.save('Elite', ['i1'])
    g.error = { code: 'NETWORK', message: 'offline' }
    g.loaded = true
    g.clear()
    expect(g.groups).toEqual([])
    expect(g.loaded).toBe(false)
    expect(g.error).toBeNull()
  })
})
