import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useTemplatesStore } from './templates'
import { useCalendarStore } from './calendar'
import { fail, ok, standIn } from '../testing/bridge'

// Week templates against a stand-in bridge.

const template = (id: string, name: string) => ({ id, name, sourceAthleteId: 'i1', weekStart: '2026-11-30', createdAt: '2026-12-01T10:00:00Z', events: [] })

function bridge(over: Record<string, unknown> = {}) {
  return standIn('workouts', {
    templates: () => ok([template('t1', 'Base week'), template('t2', 'Taper')]),
    saveWeekTemplate: (a: { name: string }) => ok(template(a.name === 'Taper' ? 't2' : 't9', a.name)),
    deleteTemplate: () => ok({}),
    planTemplate: () => ok({ planId: 'p1', changes: [{}], skipped: [] }),
    ...over,
  })
}

beforeEach(() => setActivePinia(createPinia()))

describe('week templates', () => {
  it('loads the list, loading only meanwhile, and says why when it fails', async () => {
    const b = bridge()
    const t = useTemplatesStore()
    const loading = t.load()
    expect(t.loading).toBe(true)
    await loading
    expect(t.loading).toBe(false)
    expect(t.list.map((x) => x.id)).toEqual(['t1', 't2'])
    b.templates.mockReturnValueOnce(fail('NETWORK', 'offline') as never)
    await t.load()
    expect(t.error).toEqual({ code: 'NETWORK', message: 'offline' })
    expect(t.loading).toBe(false)
    expect(t.list).toHaveLength(2)
  })

  it('puts a saved template first, replacing one of the same id', async () => {
    const b = bridge()
    const t = useTemplatesStore()
    await t.load()
    const saving = t.save('i1', '2026-11-30', 'Build')
    expect(t.saving).toBe(true)
    expect((await saving)?.id).toBe('t9')
    expect(t.saving).toBe(false)
    expect(b.saveWeekTemplate).toHaveBeenCalledWith({ athleteId: 'i1', weekStart: '2026-11-30', name: 'Build' })
    expect(t.list.map((x) => x.id)).toEqual(['t9', 't1', 't2'])
    await t.save('i1', '2026-11-30', 'Taper')
    expect(t.list.map((x) => x.id)).toEqual(['t2', 't9', 't1'])
  })

  it('a failed save returns nothing, says why and clears on the next', async () => {
    const b = bridge()
    const t = useTemplatesStore()
    b.saveWeekTemplate.mockReturnValueOnce(fail('INVALID_INPUT', 'That week is empty.') as never)
    expect(await t.save('i1', '2026-11-30', 'Empty')).toBeNull()
    expect(t.error).toEqual({ code: 'INVALID_INPUT', message: 'That week is empty.' })
    expect(t.saving).toBe(false)
    await t.save('i1', '2026-11-30', 'Build')
    expect(t.error).toBeNull()
  })

  it('removes a template, and keeps it when the removal failed', async () => {
    const b = bridge()
    const t = useTemplatesStore()
    await t.load()
    b.deleteTemplate.mockReturnValueOnce(fail('NETWORK', 'offline') as never)
    await t.remove('t1')
    expect(t.list.map((x) => x.id)).toEqual(['t1', 't2'])
    expect(t.error?.code).toBe('NETWORK')
    await t.remove('t1')
    expect(b.deleteTemplate).toHaveBeenLastCalledWith({ templateId: 't1' })
    expect(t.list.map((x) => x.id)).toEqual(['t2'])
  })

  it('plans a template for athletes into the calendar preview', async () => {
    const b = bridge()
    const t = useTemplatesStore()
    t.error = { code: 'NETWORK', message: 'offline' }
    expect(await t.plan('t1', ['i2', 'i3'], { kind: 'week', weekOffset: 1 })).toBe(true)
    expect(t.error).toBeNull()
    expect(b.planTemplate).toHaveBeenCalledWith({ templateId: 't1', athleteIds: ['i2', 'i3'], start: { kind: 'week', weekOffset: 1 }, placement: undefined })
    const cal = useCalendarStore()
    expect(cal.phase).toBe('preview')
    expect(cal.plan?.planId).toBe('p1')
  })
})
