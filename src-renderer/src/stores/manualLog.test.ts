import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { draftProblem, toManual, useManualLogStore, type ManualDraft } from './manualLog'
import { fail, ok, standIn } from '../testing/bridge'

// Logging sessions by hand: the draft rows as the contract wants them, and one request for all.


const row = (over: Partial<ManualDraft> = {}): ManualDraft => ({
  externalId: 'row-0001', date: '2026-12-01', startTime: '07:30', type: 'Run', name: ' Easy run ', minutes: '45', distanceKm: '', load: '', rpe: '', ...over,
})

function bridge(over: Record<string, unknown> = {}) {
  return standIn('athlete', { logManual: (a: { activities: unknown[] }) => ok(a.activities.map((_, i) => ({ id: `m${i}` }))), ...over })
}

beforeEach(() => setActivePinia(createPinia()))

describe('a draft row as sent', () => {
  it('turns minutes into seconds, kilometres (a comma or a point) into metres, and leaves empty fields out', () => {
    expect(toManual(row())).toEqual({ externalId: 'row-0001', date: '2026-12-01', startTime: '07:30', type: 'Run', name: 'Easy run', movingSecs: 2700 })
    expect(toManual(row({ minutes: ' 52.5 ', distanceKm: '10,25', load: '48', rpe: '6', startTime: '' }))).toEqual({
      externalId: 'row-0001', date: '2026-12-01', type: 'Run', name: 'Easy run', movingSecs: 3150, distanceM: 10250, load: 48, rpe: 6,
    })
    expect(toManual(row({ distanceKm: '0.0004' })).distanceM).toBe(0)
  })

  it('names the first problem, with its row when there are several', () => {
    expect(draftProblem([row()])).toBeNull()
    expect(draftProblem([row({ minutes: '' })])).toBe('Give the duration in minutes.')
    expect(draftProblem([row({ minutes: '  ' })])).toBe('Give the duration in minutes.')
    expect(draftProblem([row(), row({ name: '  ' }), row({ rpe: '11' })])).toBe('Row 2: Give the activity a name.')
    expect(draftProblem([row({ rpe: '11' })])).toBe('RPE is a whole number from 1 to 10.')
    expect(draftProblem([])).toBeNull()
  })
})

describe('the manual log', () => {
  it('opens with one strength session on today, and keeps rows already drafted', () => {
    const m = useManualLogStore()
    m.error = { code: 'NETWORK', message: 'offline' }
    m.start('2026-12-03')
    expect(m.open).toBe(true)
    expect(m.error).toBeNull()
    expect(m.drafts).toHaveLength(1)
    expect(m.drafts[0]).toMatchObject({ date: '2026-12-03', startTime: '09:00', type: 'WeightTraining', name: 'Strength session', minutes: '45', distanceKm: '', load: '', rpe: '' })
    expect(m.drafts[0]!.externalId).toMatch(/^[A-Za-z0-9-]{8,64}$/)
    m.drafts[0]!.name = 'Gym'
    m.start('2026-12-04')
    expect(m.drafts.map((d) => d.name)).toEqual(['Gym'])
  })

  it('a new row takes the last row’s date and sport, with a reference of its own', () => {
    const m = useManualLogStore()
    m.addRow('2026-12-03')
    expect(m.drafts[0]).toMatchObject({ date: '2026-12-03', type: 'WeightTraining' })
    m.drafts[0]!.date = '2026-11-28'
    m.drafts[0]!.type = 'Swim'
    m.addRow('2026-12-03')
    expect(m.drafts[1]).toMatchObject({ date: '2026-11-28', type: 'Swim', name: 'Strength session' })
    expect(m.drafts[1]!.externalId).not.toBe(m.drafts[0]!.externalId)
    m.addRow('2026-12-03')
    m.removeRow(1)
    expect(m.drafts.map((d) => d.type)).toEqual(['Swim', 'Swim'])
    expect(m.drafts).toHaveLength(2)
  })

  it('sends every row in one request and closes, counting what was logged', async () => {
    const b = bridge()
    const m = useManualLogStore()
    m.drafts = [row(), row({ externalId: 'row-0002', minutes: '30' })]
    m.open = true
    const sending = m.send('i1')
    expect(m.sending).toBe(true)
    expect(await sending).toBe(true)
    expect(m.sending).toBe(false)
    expect(b.logManual).toHaveBeenCalledWith({ athleteId: 'i1', activities: [toManual(row()), { ...toManual(row()), externalId: 'row-0002', movingSecs: 1800 }] })
    expect(m.lastLogged).toBe(2)
    expect(m.drafts).toEqual([])
    expect(m.open).toBe(false)
  })

  it('sends nothing while a row has a problem', async () => {
    const b = bridge()
    const m = useManualLogStore()
    m.drafts = [row({ minutes: '' })]
    expect(await m.send('i1')).toBe(false)
    expect(b.logManual).not.toHaveBeenCalled()
    expect(m.sending).toBe(false)
  })

  it('on failure keeps the very same rows, to send again without duplicates', async () => {
    const b = bridge({ logManual: vi.fn(() => fail('NETWORK', 'offline')) })
    const m = useManualLogStore()
    m.drafts = [row()]
    m.open = true
    const before = m.drafts[0]
    expect(await m.send('i1')).toBe(false)
    expect(m.error).toEqual({ code: 'NETWORK', message: 'offline' })
    expect(m.sending).toBe(false)
    expect(m.open).toBe(true)
    expect(m.drafts[0]).toStrictEqual(before)
    b.logManual.mockReturnValue(ok([{ id: 'm0' }]) as never)
    expect(await m.send('i1')).toBe(true)
    expect(m.error).toBeNull()
    expect(b.logManual.mock.calls.map(([a]) => (a as { activities: { externalId: string }[] }).activities[0]!.externalId)).toEqual(['row-0001', 'row-0001'])
  })
})
