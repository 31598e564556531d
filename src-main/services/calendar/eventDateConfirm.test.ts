import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CalEvent } from '../../contract/calendar'
import type { RosterList } from '../../contract/schemas'
import { coreHarness, ok, type CoreHarness } from '../../testing/core'
import { coachDate } from '../dates'

// One event from the editor meets the rule bulk placement holds: a date before the athlete's own today or more
// than a year ahead is written only with the coach's yes. Main refuses it, sending nothing, so a window that
// skipped its own check cannot put a typo'd year on the calendar. Real core, real HTTP to the simulator.

// 20:00 in London on Thu 3 Dec 2026: already Fri 4 Dec in Auckland (UTC+13), still Thu 3 Dec in San Francisco.
const NOW = new Date('2026-12-03T20:00:00Z')

describe('one event on a date that needs the coach’s yes, held in main', () => {
  let h: CoreHarness
  let roster: RosterList
  beforeEach(async () => {
    h = await coreHarness({ sim: { now: () => NOW }, core: { now: () => NOW } })
    await ok(h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey }))
    roster = await ok<RosterList>(h.core.invoke('roster:list', {}))
  })
  afterEach(() => h.close())

  const athlete = (first: string) => roster.athletes.find((a) => a.name.startsWith(`${first} `))!
  const writes = () => h.sim.requests.filter((r) => r.method !== 'GET')
  const named = (athleteId: string, name: string) => h.sim.state.athlete(athleteId)!.events.filter((e) => e.name === name)
  const note = (date: string) => ({ name: 'Check in', category: 'NOTE' as const, date })
  const refusal = (words: string) => ({ ok: false, error: { code: 'INVALID_INPUT', message: `Nothing was written: confirm this date first. ${words}` } })
  const pastWords = (date: string, name: string, today: string) => `${coachDate(date)} is in the past for ${name} (today is ${coachDate(today)}).`

  it('creates on a day before the athlete’s own today only with the yes, and sends nothing without it', async () => {
    const aroha = athlete('Aroha')
    h.sim.resetRequests()
    // Thu 3 Dec is still today in London, but yesterday in Auckland.
    expect(await h.core.invoke('calendar:createEvent', { athleteId: aroha.id, fields: note('2026-12-03') })).toEqual(refusal(pastWords('2026-12-03', aroha.name, '2026-12-04')))
    expect(await h.core.invoke('calendar:createEvent', { athleteId: aroha.id, fields: note('2026-12-03'), confirmDate: false })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(writes()).toEqual([])
    expect(named(aroha.id, 'Check in')).toEqual([])

    const made = await ok<CalEvent>(h.core.invoke('calendar:createEvent', { athleteId: aroha.id, fields: note('2026-12-03'), confirmDate: true }))
    expect(made.date).toBe('2026-12-03')
    expect(named(aroha.id, 'Check in').map((e) => e.start_date_local)).toEqual(['2026-12-03T00:00:00'])
  })

  it('creates on the athlete’s today and a year from it without a yes; a day further needs one', async () => {
    const maya = athlete('Maya')
    await ok(h.core.invoke('calendar:createEvent', { athleteId: maya.id, fields: { ...note('2026-12-03'), name: 'Today' } }))
    await ok(h.core.invoke('calendar:createEvent', { athleteId: maya.id, fields: { ...note('2027-12-03'), name: 'In a year' } }))
    expect(named(maya.id, 'Today')).toHaveLength(1)
    expect(named(maya.id, 'In a year')).toHaveLength(1)

    h.sim.resetRequests()
    const far = await h.core.invoke('calendar:createEvent', { athleteId: maya.id, fields: note('2027-12-04') })
    expect(far).toEqual(refusal(`${coachDate('2027-12-04')} is more than a year ahead for ${maya.name}.`))
    expect(writes()).toEqual([])
    await ok(h.core.invoke('calendar:createEvent', { athleteId: maya.id, fields: note('2027-12-04'), confirmDate: true }))
    expect(named(maya.id, 'Check in').map((e) => e.start_date_local?.slice(0, 10))).toEqual(['2027-12-04'])
  })

  it('moves an event to last month or past next year only with the yes', async () => {
    const oliver = athlete('Oliver')
    const made = await ok<CalEvent>(h.core.invoke('calendar:createEvent', { athleteId: oliver.id, fields: note('2026-12-10') }))
    const onServer = () => h.sim.state.athlete(oliver.id)!.events.find((e) => e.id === made.id)!.start_date_local
    for (const [date, words] of [
      ['2026-11-10', pastWords('2026-11-10', oliver.name, '2026-12-03')],
      ['2028-01-10', `${coachDate('2028-01-10')} is more than a year ahead for ${oliver.name}.`],
    ] as const) {
      h.sim.resetRequests()
      expect(await h.core.invoke('calendar:updateEvent', { athleteId: oliver.id, eventId: made.id, fields: { name: 'Check in', date } })).toEqual(refusal(words))
      expect(writes()).toEqual([])
      expect(onServer()).toBe('2026-12-10T00:00:00')
    }
    await ok(h.core.invoke('calendar:updateEvent', { athleteId: oliver.id, eventId: made.id, fields: { date: '2026-11-10' }, confirmDate: true }))
    expect(onServer()).toBe('2026-11-10T00:00:00')
  })

  it('edits a past event without a yes while its date stays', async () => {
    const oliver = athlete('Oliver')
    const made = await ok<CalEvent>(h.core.invoke('calendar:createEvent', { athleteId: oliver.id, fields: note('2026-11-20'), confirmDate: true }))
    await ok(h.core.invoke('calendar:updateEvent', { athleteId: oliver.id, eventId: made.id, fields: { name: 'Checked in' } }))
    // The editor may send the date it loaded with the new name: the same date is no move.
    await ok(h.core.invoke('calendar:updateEvent', { athleteId: oliver.id, eventId: made.id, fields: { name: 'Called', date: '2026-11-20' } }))
    expect(named(oliver.id, 'Called').map((e) => e.start_date_local)).toEqual(['2026-11-20T00:00:00'])
    // Moving it to another past day is a new date, and asks again.
    expect(await h.core.invoke('calendar:updateEvent', { athleteId: oliver.id, eventId: made.id, fields: { date: '2026-11-21' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('checks the athlete before the yes: one not on the roster is not found, confirmed or not', async () => {
    expect(await h.core.invoke('calendar:createEvent', { athleteId: 'i999999', fields: note('2026-12-10'), confirmDate: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
