import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { coreHarness, ok } from '../../testing/core'
import { plannedWeek } from '../../testing/exports'

// Each export channel reaches its service, through a core made for this test (the suites of the services
// themselves share one core across their tests). Real core, real HTTP to the simulator.

describe('the export channels', () => {
  it('are each wired to the service that answers them', async () => {
    const h = await coreHarness()
    try {
      await ok(h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey }))
      const week = plannedWeek(h.sim, 'i100001')
      const refs = week.workouts.slice(0, 2).map((e) => ({ athleteId: week.athleteId, eventId: e.id! }))
      expect(await h.core.invoke('exports:cancel', { exportId: randomUUID() })).toEqual({ ok: true, value: { cancelled: false } })
      expect(await h.core.invoke('exports:prepareDrag', { events: refs, format: 'zwo' })).toEqual({ ok: true, value: { ready: 2 } })
      // The browser host has no native drag: the service says so.
      expect(await h.core.invoke('exports:startDrag', { events: refs, format: 'zwo' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('desktop app') } })
      // No dialogs in this core (the browser host's): the service says saving needs the desktop app.
      const desktopOnly = { ok: false, error: { code: 'INVALID_INPUT', message: 'Saving files needs the Coach Desk desktop app.' } }
      expect(await h.core.invoke('exports:saveEvent', { ...refs[0]!, format: 'zwo' })).toEqual(desktopOnly)
      expect(await h.core.invoke('exports:saveMany', { exportId: randomUUID(), format: 'zwo', layout: 'zip', selection: { events: refs } })).toEqual(desktopOnly)
    } finally {
      await h.close()
    }
  })
})
