import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ActivityComment, AttentionList, AttentionSettings } from '../../contract/attention'
import { FIXED_NOW } from '../../sim/testHarness'
import { coreHarness, type CoreHarness } from '../../testing/core'
import { DEFAULT_SETTINGS } from './rules'

// The attention service against the simulator: when it reads again, how a review is kept when
// intervals.icu will not take it, and the comment threads.

let h: CoreHarness | null = null
afterEach(async () => {
  await h?.close()
  h = null
})

let clock = FIXED_NOW.getTime()
async function connected(): Promise<CoreHarness> {
  clock = FIXED_NOW.getTime()
  h = await coreHarness({ sim: { now: () => FIXED_NOW }, core: { now: () => new Date(clock) } })
  await h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey })
  h.sim.resetRequests()
  return h
}

async function value<T>(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.value as T
}
async function failure(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<{ code: string; message: string }> {
  const r = await p
  if (r.ok) throw new Error('succeeded')
  return r.error as { code: string; message: string }
}

const list = (h: CoreHarness, args: { refresh?: boolean } = {}) => value<AttentionList>(h.core.invoke('attention:list', args))
const MINUTE = 60_000

describe('when the attention list is read again', () => {
  it('keeps a load for fifteen minutes of the same connection, and reads again after, on a reconnect, or when asked', async () => {
    const h = await connected()
    expect((await list(h)).requests).toBe(37)
    clock += 15 * MINUTE
    const cached = await list(h)
    expect(cached.requests).toBe(0)
    expect(cached.fetchedAt).toBe(FIXED_NOW.toISOString())
    clock += 1
    const later = await list(h)
    expect(later.requests).toBe(37)
    expect(later.fetchedAt).toBe(new Date(clock).toISOString())
    expect((await list(h, { refresh: true })).requests).toBe(37)
    await h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey })
    expect((await list(h)).requests).toBe(37)
  })

  it('lists every coached athlete but not the coach, and reads wellness once the rule is switched back on', async () => {
    const h = await connected()
    const settings: AttentionSettings = structuredClone(DEFAULT_SETTINGS)
    settings.rules.wellnessBaseline.on = false
    await value(h.core.invoke('attention:saveSettings', { settings }))
    const first = await list(h)
    expect(first.requests).toBe(25)
    expect(first.rows.map((r) => r.athleteId)).not.toContain(h.sim.coachId)
    expect(first.compliance).toHaveLength(12)
    settings.rules.wellnessBaseline.on = true
    await value(h.core.invoke('attention:saveSettings', { settings }))
    h.sim.resetRequests()
    const again = await list(h)
    expect(h.sim.requests.filter((r) => r.path.endsWith('/wellness'))).toHaveLength(12)
    expect(again.requests).toBe(37)
  })

  it('says the settings could not be saved when the data folder cannot take them, and keeps using the saved ones', async () => {
    const h = await connected()
    writeFileSync(join(h.dataDir, 'attention'), 'not a folder')
    const settings: AttentionSettings = structuredClone(DEFAULT_SETTINGS)
    settings.rules.form.min = -20
    expect(await failure(h.core.invoke('attention:saveSettings', { settings }))).toMatchObject({ code: 'INTERNAL', message: 'Coach Desk could not save the attention settings in its data folder.' })
    expect(await value(h.core.invoke('attention:settings', {}))).toEqual(DEFAULT_SETTINGS)
  })
})

describe('a refresh in the background', () => {
  it('lets the page the coach opens go first, which a refresh the coach asked for does not', async () => {
    h = await coreHarness({ sim: { now: () => FIXED_NOW }, core: { now: () => FIXED_NOW, limiter: { perSecond: 1000, burst: 1000, maxInFlight: 2 } } })
    await h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey })
    await value(h.core.invoke('roster:list', {}))
    h.sim.setLatency(60)
    const attentionReadsBefore = async (athleteId: string, background: boolean): Promise<number> => {
      h!.sim.resetRequests()
      const refresh = h!.core.invoke('attention:list', { refresh: true, background })
      await waitFor(() => h!.sim.requests.some((r) => r.path.endsWith('/events')))
      await value(h!.core.invoke('athlete:get', { athleteId }))
      await refresh
      const at = h!.sim.requests.findIndex((r) => r.path === `/api/v1/athlete/${athleteId}`)
      return h!.sim.requests.slice(0, at).filter((r) => /\/(events|activities|wellness|chats)$/.test(r.path)).length
    }
    // Of the refresh's 37 reads, some have gone when the page's read starts; asked for by the coach, all of them.
    expect(await attentionReadsBefore('i100001', true)).toBeLessThan(25)
    expect(await attentionReadsBefore('i100002', false)).toBeGreaterThanOrEqual(37)
  })
})

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10))
  if (!check()) throw new Error('waited in vain')
}

describe('marking an activity reviewed', () => {
  it('keeps a Strava import’s review in Coach Desk without asking intervals.icu, which will not change it', async () => {
    const h = await connected()
    h.sim.state.athlete('i100012')!.activities.push({ id: 'i9900001', icu_athlete_id: 'i100012', start_date_local: '2026-03-09T08:00:00', source: 'STRAVA' } as never)
    const stub = (await list(h)).queue.find((q) => q.stub)!
    expect(stub.activityId).toBe('i9900001')
    h.sim.resetRequests()
    expect(await value(h.core.invoke('attention:markReviewed', { athleteId: stub.athleteId, activityId: stub.activityId }))).toEqual({ activityId: stub.activityId, via: 'local' })
    expect(h.sim.requests.filter((r) => r.method === 'PUT')).toHaveLength(0)
    expect((await list(h)).queue.some((q) => q.activityId === stub.activityId)).toBe(false)
  })

  it.each([
    { status: 422, why: 'intervals.icu refuses the update' },
    { status: 403, why: 'the access is read-only' },
  ])('keeps the review in Coach Desk when $why ($status)', async ({ status }) => {
    const h = await connected()
    const item = (await list(h)).queue.find((q) => q.athleteId === 'i100001' && !q.stub)!
    h.sim.addFault({ method: 'PUT', path: `/api/v1/activity/${item.activityId}`, status })
    expect(await value(h.core.invoke('attention:markReviewed', { athleteId: item.athleteId, activityId: item.activityId }))).toEqual({ activityId: item.activityId, via: 'local' })
    expect(h.sim.state.athlete('i100001')!.activities.find((a) => a.id === item.activityId)!.coach_tick ?? null).toBeNull()
    expect((await list(h)).queue.some((q) => q.activityId === item.activityId)).toBe(false)
  })

  it('passes on any other refusal, and says so when the data folder cannot keep a review', async () => {
    const h = await connected()
    const queue = (await list(h)).queue
    const item = queue.find((q) => q.athleteId === 'i100001' && !q.stub)!
    h.sim.addFault({ method: 'PUT', path: `/api/v1/activity/${item.activityId}`, status: 409, times: 1 })
    expect(await failure(h.core.invoke('attention:markReviewed', { athleteId: item.athleteId, activityId: item.activityId }))).toMatchObject({ code: 'CONFLICT' })
    expect((await list(h)).queue.some((q) => q.activityId === item.activityId)).toBe(true)

    writeFileSync(join(h.dataDir, 'attention'), 'not a folder')
    const readOnly = queue.find((q) => q.athleteId === 'i100011')!
    expect(await failure(h.core.invoke('attention:markReviewed', { athleteId: readOnly.athleteId, activityId: readOnly.activityId }))).toEqual({
      code: 'INTERNAL',
      message: 'Coach Desk could not note the review in its data folder.',
    })
  })
})

describe('comments', () => {
  it('reads a thread oldest first without deleted ones, and marks it seen up to the last, asking for the chat only when not loaded', async () => {
    const h = await connected()
    const activity = h.sim.state.athlete('i100003')!.activities.at(-2)!
    const chat = h.sim.state.chatOfActivity(activity.id!)!
    const [coachLine, first, second] = chat.messages
    chat.messages.push({ ...first!, id: second!.id! + 1, content: 'Never mind.', deleted: true } as never)
    // Written in another order than sent, as a thread can come back.
    chat.messages.reverse()
    const comments = await value<ActivityComment[]>(h.core.invoke('attention:comments', { activityId: activity.id }))
    expect(comments.map((c) => [c.id, c.fromCoach, c.seen])).toEqual([
      [coachLine!.id, true, true],
      [first!.id, false, false],
      [second!.id, false, false],
    ])
    expect(comments[1]).toMatchObject({ authorId: 'i100003', authorName: h.sim.state.athlete('i100003')!.athlete.name, created: first!.created, content: first!.content })
    // Not loaded yet: the chat id comes from the activity.
    expect(h.sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /api/v1/activity/${activity.id}/messages`,
      `GET /api/v1/activity/${activity.id}`,
      `PUT /api/v1/chats/${chat.id}/messages/${second!.id}/seen`,
    ])
    expect(chat.lastSeen.get(h.sim.coachId)).toBe(second!.id)

    h.sim.resetRequests()
    await value(h.core.invoke('attention:comments', { activityId: activity.id }))
    expect(h.sim.requests.map((r) => r.method)).toEqual(['GET'])
  })

  it('names a writer without a name by their id, or as someone', async () => {
    const h = await connected()
    const activity = h.sim.state.athlete('i100003')!.activities.at(-2)!
    const chat = h.sim.state.chatOfActivity(activity.id!)!
    chat.messages[1]!.name = ''
    chat.messages[2]!.name = ''
    delete chat.messages[2]!.athlete_id
    delete chat.messages[2]!.content
    const comments = await value<ActivityComment[]>(h.core.invoke('attention:comments', { activityId: activity.id }))
    expect(comments.slice(1).map((c) => [c.authorId, c.authorName, c.content])).toEqual([
      ['i100003', 'i100003', chat.messages[1]!.content],
      [null, 'Someone', ''],
    ])
  })

  it('clears the athlete’s unread comment from the list once read, with the chat id the load already knew', async () => {
    const h = await connected()
    const before = await list(h)
    const item = before.queue.find((q) => q.athleteId === 'i100003' && q.unread > 0)!
    expect(before.rows.find((r) => r.athleteId === 'i100003')!.flags.map((f) => f.rule)).toContain('unreadComment')
    h.sim.resetRequests()
    await value(h.core.invoke('attention:comments', { activityId: item.activityId }))
    expect(h.sim.requests.map((r) => r.method)).toEqual(['GET', 'PUT'])
    const after = await list(h)
    expect(after.requests).toBe(0)
    expect(after.rows.find((r) => r.athleteId === 'i100003')!.flags.map((f) => f.rule)).not.toContain('unreadComment')
    expect(after.queue.find((q) => q.activityId === item.activityId)?.unread ?? 0).toBe(0)
  })

  it('adds the coach’s comment under the coach’s name, and reads the thread it started without asking for its chat', async () => {
    const h = await connected()
    await list(h)
    const activity = h.sim.state.athlete('i100005')!.activities.at(-1)!
    clock += 5 * MINUTE
    const added = await value<ActivityComment>(h.core.invoke('attention:addComment', { activityId: activity.id, content: 'Strong finish.' }))
    const chat = h.sim.state.chatOfActivity(activity.id!)!
    expect(added).toEqual({
      id: chat.messages[0]!.id,
      authorId: h.sim.coachId,
      authorName: h.sim.state.coach.athlete.name,
      fromCoach: true,
      created: new Date(clock).toISOString(),
      content: 'Strong finish.',
      seen: true,
    })
    chat.messages.push({ id: added.id + 1, athlete_id: 'i100005', name: 'Athlete', content: 'Thanks!', created: FIXED_NOW.toISOString() })
    h.sim.resetRequests()
    const thread = await value<ActivityComment[]>(h.core.invoke('attention:comments', { activityId: activity.id }))
    expect(thread.map((c) => c.content)).toEqual(['Strong finish.', 'Thanks!'])
    expect(h.sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /api/v1/activity/${activity.id}/messages`, `PUT /api/v1/chats/${chat.id}/messages/${added.id + 1}/seen`])
  })
})
