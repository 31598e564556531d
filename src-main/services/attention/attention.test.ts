import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ActivityComment, AttentionList, AttentionSettings } from '../../contract/attention'
import { FIXED_NOW } from '../../sim/testHarness'
import { coreHarness, type CoreHarness } from '../../testing/core'
import { addDays } from '../dates'
import { DEFAULT_SETTINGS } from './rules'

let h: CoreHarness | null = null
afterEach(async () => {
  await h?.close()
  h = null
})

async function connected(athletes?: number) {
  h = await coreHarness({ sim: { now: () => FIXED_NOW, athletes }, core: { now: () => FIXED_NOW } })
  await h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey })
  h.sim.resetRequests()
  return h
}

async function value<T>(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.value as T
}

const rulesOf = (list: AttentionList, id: string) => list.rows.find((r) => r.athleteId === id)?.flags.map((f) => f.rule) ?? []

describe('needs attention against the simulator', () => {
  it('flags the seeded athletes with each rule and its reason, sorted by attention', async () => {
    const h = await connected()
    const list = await value<AttentionList>(h.core.invoke('attention:list', {}))
    expect(list.rows).toHaveLength(12)
    expect(rulesOf(list, 'i100007')).toContain('missedWorkouts')
    expect(rulesOf(list, 'i100008')).toEqual(expect.arrayContaining(['rampRate', 'form']))
    expect(rulesOf(list, 'i100009')).toEqual(expect.arrayContaining(['sickOrInjured', 'inactive']))
    expect(rulesOf(list, 'i100010')).toContain('wellnessBaseline')
    expect(rulesOf(list, 'i100002')).toContain('unreadComment')
    expect(rulesOf(list, 'i100003')).toContain('unreadComment')
    expect(rulesOf(list, 'i100001')).not.toContain('unreadComment')
    const injured = list.rows.find((r) => r.athleteId === 'i100009')!
    expect(injured.flags.find((f) => f.rule === 'sickOrInjured')?.reason).toMatch(/^Injured from .*: Calf strain$/)
    const scores = list.rows.map((r) => r.flags.reduce((s, f) => s + (f.severity === 'high' ? 2 : 1), 0))
    expect([...scores].sort((a, b) => b - a)).toEqual(scores)
    // The review queue: unticked activities of the last days and the ones with unread comments, oldest first.
    expect(list.queue.length).toBeGreaterThan(5)
    expect(list.queue.map((q) => q.start)).toEqual([...list.queue.map((q) => q.start)].sort())
    expect(list.queue.some((q) => q.athleteId === 'i100002' && q.unread === 1)).toBe(true)
    // Compliance per week matches the simulator's own activities; Oliver's skipped sessions are listed.
    const maya = list.compliance.find((c) => c.athleteId === 'i100001')!
    expect(maya.weeks).toHaveLength(5)
    const week = maya.weeks[3]!
    const sim = h.sim.state.athlete('i100001')!
    const inWeek = sim.activities.filter((a) => (a.start_date_local ?? '') >= week.monday && (a.start_date_local ?? '').slice(0, 10) <= addDays(week.monday, 6))
    expect(week.doneCount).toBe(inWeek.length)
    expect(week.doneLoad).toBe(inWeek.reduce((s, a) => s + (a.icu_training_load ?? 0), 0))
    // The next A race, from the simulator's calendar, with days to go and form on the day.
    const race = h.sim.state.athlete('i100002')!.events.find((e) => e.category === 'RACE_A')!
    const jamal = list.rows.find((r) => r.athleteId === 'i100002')!
    expect(jamal.nextRace).toMatchObject({ date: race.start_date_local!.slice(0, 10), name: race.name, daysToGo: expect.any(Number), form: expect.any(Number) })
    expect(list.rows.find((r) => r.athleteId === 'i100001')!.nextRace).toBeNull()
    const oliver = list.compliance.find((c) => c.athleteId === 'i100007')!
    expect(oliver.weeks.flatMap((w) => w.missed).length).toBeGreaterThanOrEqual(3)
  })

  it('costs one events, one activities and one wellness read per athlete plus one chats read, and none when cached', async () => {
    const h = await connected()
    await value(h.core.invoke('roster:list', {}))
    h.sim.resetRequests()
    const list = await value<AttentionList>(h.core.invoke('attention:list', {}))
    const paths = h.sim.requests.map((r) => r.path.replace(/i\d{6}/, 'ID'))
    expect(paths.filter((p) => p.endsWith('/events'))).toHaveLength(12)
    expect(paths.filter((p) => p.endsWith('/activities'))).toHaveLength(12)
    expect(paths.filter((p) => p.endsWith('/wellness'))).toHaveLength(12)
    expect(h.sim.requests.filter((r) => r.path.endsWith('/chats')).map((r) => r.path)).toEqual([`/api/v1/athlete/${h.sim.coachId}/chats`])
    expect(h.sim.requests).toHaveLength(37)
    expect(list.requests).toBe(37)
    h.sim.resetRequests()
    const again = await value<AttentionList>(h.core.invoke('attention:list', {}))
    expect(h.sim.requests).toHaveLength(0)
    expect(again.requests).toBe(0)
  })

  it('skips the wellness reads when the wellness rule is off, and keeps the settings in the data folder', async () => {
    const h = await connected()
    const settings: AttentionSettings = structuredClone(DEFAULT_SETTINGS)
    settings.rules.wellnessBaseline.on = false
    settings.rules.inactive.days = 9
    settings.notifications = false
    await value(h.core.invoke('attention:saveSettings', { settings }))
    expect(JSON.parse(readFileSync(join(h.dataDir, 'attention', 'settings.json'), 'utf8'))).toEqual(settings)
    expect(await value(h.core.invoke('attention:settings', {}))).toEqual(settings)
    const list = await value<AttentionList>(h.core.invoke('attention:list', { refresh: true }))
    expect(h.sim.requests.filter((r) => r.path.endsWith('/wellness'))).toHaveLength(0)
    expect(rulesOf(list, 'i100010')).not.toContain('wellnessBaseline')
    expect(list.settings).toEqual(settings)
  })

  it('marks an activity reviewed with coach_tick only, and locally for a read-only athlete', async () => {
    const h = await connected()
    const list = await value<AttentionList>(h.core.invoke('attention:list', {}))
    const item = list.queue.find((q) => q.athleteId === 'i100001')!
    h.sim.resetRequests()
    expect(await value(h.core.invoke('attention:markReviewed', { athleteId: item.athleteId, activityId: item.activityId }))).toEqual({ activityId: item.activityId, via: 'coach_tick' })
    const put = h.sim.requests.find((r) => r.method === 'PUT')!
    expect(put.path).toBe(`/api/v1/activity/${item.activityId}`)
    expect(put.body).toEqual({ coach_tick: 1 })
    expect(h.sim.state.athlete('i100001')!.activities.find((a) => a.id === item.activityId)!.coach_tick).toBe(1)
    const after = await value<AttentionList>(h.core.invoke('attention:list', {}))
    expect(after.queue.some((q) => q.activityId === item.activityId)).toBe(false)

    const readOnly = list.queue.find((q) => q.athleteId === 'i100011')!
    h.sim.resetRequests()
    expect(await value(h.core.invoke('attention:markReviewed', { athleteId: 'i100011', activityId: readOnly.activityId }))).toMatchObject({ via: 'local' })
    expect(h.sim.requests.filter((r) => r.method === 'PUT')).toHaveLength(0)
    const later = await value<AttentionList>(h.core.invoke('attention:list', {}))
    expect(later.queue.some((q) => q.activityId === readOnly.activityId)).toBe(false)
  })

  it('reads the comments, marks the athlete’s as seen, and adds one that lands in the simulator', async () => {
    const h = await connected()
    const list = await value<AttentionList>(h.core.invoke('attention:list', {}))
    const item = list.queue.find((q) => q.athleteId === 'i100002' && q.unread > 0)!
    const comments = await value<ActivityComment[]>(h.core.invoke('attention:comments', { activityId: item.activityId }))
    expect(comments).toHaveLength(1)
    expect(comments[0]).toMatchObject({ fromCoach: false, seen: false, authorName: 'Jamal Okafor' })
    expect(comments[0]!.content).toMatch(/Legs felt heavy/)
    const chat = h.sim.state.chatOfActivity(item.activityId)!
    expect(chat.lastSeen.get(h.sim.coachId)).toBe(comments[0]!.id)
    const after = await value<AttentionList>(h.core.invoke('attention:list', {}))
    expect(rulesOf(after, 'i100002')).not.toContain('unreadComment')

    h.sim.resetRequests()
    const added = await value<ActivityComment>(h.core.invoke('attention:addComment', { activityId: item.activityId, content: '  Good call on the last rep.  ' }))
    expect(added).toMatchObject({ fromCoach: true, content: 'Good call on the last rep.' })
    expect(h.sim.requests.find((r) => r.method === 'POST')?.body).toEqual({ content: 'Good call on the last rep.' })
    expect(chat.messages.at(-1)).toMatchObject({ id: added.id, athlete_id: h.sim.coachId, content: 'Good call on the last rep.' })
    const again = await value<ActivityComment[]>(h.core.invoke('attention:comments', { activityId: item.activityId }))
    expect(again.map((c) => c.content)).toEqual([comments[0]!.content, 'Good call on the last rep.'])
  })

  it('starts a comment thread on an activity that had none', async () => {
    const h = await connected()
    const activity = h.sim.state.athlete('i100005')!.activities.at(-1)!
    expect(h.sim.state.chatOfActivity(activity.id!)).toBeUndefined()
    await value(h.core.invoke('attention:addComment', { activityId: activity.id!, content: 'Strong finish.' }))
    expect(h.sim.state.chatOfActivity(activity.id!)?.messages.map((m) => m.content)).toEqual(['Strong finish.'])
    expect(activity.icu_chat_id).toBe(h.sim.state.chatOfActivity(activity.id!)!.id)
  })

  it('projects fitness over the planned workouts to the end of the chart, from the last day intervals.icu knows', async () => {
    const h = await connected()
    const athlete = h.sim.state.athlete('i100001')!
    const today = athlete.wellness.at(-1)!.id!
    const series = await value<{ days: { date: string }[]; projection: { date: string; ctl: number; atl: number; form: number }[] }>(
      h.core.invoke('athlete:fitness', { athleteId: 'i100001', oldest: addDays(today, -20), newest: addDays(today, 21) }),
    )
    expect(series.projection.map((d) => d.date)).toEqual(Array.from({ length: 21 }, (_, i) => addDays(today, i + 1)))
    const planned = athlete.events.filter((e) => e.category === 'WORKOUT' && (e.start_date_local ?? '').slice(0, 10) === addDays(today, 1))
    const load = planned.reduce((s, e) => s + (e.icu_training_load ?? 0), 0)
    const last = athlete.wellness.at(-1)!
    const keep = Math.exp(-1 / 42)
    expect(series.projection[0]!.ctl).toBeCloseTo(last.ctl! * keep + load * (1 - keep), 0)
    expect(series.projection.every((d) => Math.abs(d.form - (d.ctl - d.atl)) < 0.2)).toBe(true)
  })
})
