import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SessionStatus } from '../contract/schemas'
import { coreHarness, ok, type CoreHarness } from '../testing/core'
import { notTheOwner, sameAthlete } from './session'

describe('connecting as yourself', () => {
  let h: CoreHarness
  beforeEach(async () => {
    h = await coreHarness()
  })
  afterEach(() => h.close())

  it('refuses a coached athlete’s id with the coach’s key, naming both, and stores nothing', async () => {
    const lena = h.sim.state.coached[2]!
    const coach = h.sim.state.coach
    const r = await h.core.invoke('session:connect', { athleteId: lena.id, apiKey: h.sim.apiKey })
    const coachName = `${coach.athlete.firstname} ${coach.athlete.lastname}`
    const lenaName = `${lena.athlete.firstname} ${lena.athlete.lastname}`
    expect(r).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: `This key belongs to ${coachName} (${coach.id}); you entered ${lenaName}'s id (${lena.id}). Enter ${coach.id} to connect as yourself.` },
    })
    expect(await h.secrets.accounts()).toEqual([])
    expect(await ok<SessionStatus>(h.core.invoke('session:status', {}))).toMatchObject({ state: 'disconnected' })
  })

  it('accepts I12345 and the plain number, and stores the owner’s id as intervals.icu spells it', async () => {
    const bare = h.sim.coachId.replace(/^i/, '')
    const tested = await ok<{ athleteId: string }>(h.core.invoke('session:testConnection', { athleteId: ` I${bare} `, apiKey: h.sim.apiKey }))
    expect(tested.athleteId).toBe(h.sim.coachId)
    const status = await ok<SessionStatus>(h.core.invoke('session:connect', { athleteId: bare, apiKey: h.sim.apiKey }))
    expect(status).toMatchObject({ state: 'connected', athleteId: h.sim.coachId })
    expect(await h.secrets.accounts()).toEqual([h.sim.coachId])
  })

  it('still says a wrong key is refused', async () => {
    const r = await h.core.invoke('session:testConnection', { athleteId: h.sim.coachId, apiKey: 'not-the-key-123' })
    expect(r).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID', message: expect.stringMatching(/refused this API key/) } })
  })
})

describe('the rules', () => {
  it('takes i12345 and 12345 for the same athlete', () => {
    expect(sameAthlete('i12345', '12345')).toBe(true)
    expect(sameAthlete('i12345', 'I12345')).toBe(true)
    expect(sameAthlete('i12345', 'i123456')).toBe(false)
  })

  it('says whose key it is and whose id was typed, or that the id is not the owner’s', () => {
    expect(notTheOwner({ id: 'i1', name: 'Dana Reyes' }, { id: 'i9', name: null })).toBe(
      'This key belongs to Dana Reyes (i1); you entered i9, which is not this key\'s owner. Enter i1 to connect as yourself.',
    )
  })
})
