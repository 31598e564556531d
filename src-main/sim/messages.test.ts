import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, startTestSim } from './testHarness'
import type { SimHandle } from './types'

let sim: SimHandle
let api: ReturnType<typeof client>
beforeAll(async () => {
  sim = await startTestSim()
  api = client(sim)
})
afterAll(() => sim.close())

describe('activity comments and chats', () => {
  it('lists the coach’s activity chats with unread counts, newest first, and refuses another athlete’s list', async () => {
    const r = await api.get(`/athlete/${sim.coachId}/chats`)
    expect(r.status).toBe(200)
    const chats = r.body as { id: number; type: string; activity_id: string; athlete_id: string; new_message_count: number; updated: string }[]
    expect(chats.every((c) => c.type === 'ACTIVITY')).toBe(true)
    expect(chats.map((c) => c.updated)).toEqual([...chats.map((c) => c.updated)].sort().reverse())
    expect(chats.filter((c) => c.new_message_count > 0).map((c) => c.athlete_id).sort()).toEqual(['i100002', 'i100003'])
    expect((await api.get('/athlete/0/chats')).body).toEqual(chats)
    expect((await api.get('/athlete/i100002/chats')).status).toBe(403)
  })

  it('reads messages with the reader’s seen flag, moves the marker, and 404s an unknown chat or message', async () => {
    const chat = [...sim.state.chats.values()].find((c) => c.athleteId === 'i100003')!
    const before = (await api.get(`/activity/${chat.activityId}/messages`)).body as { id: number; seen: boolean; athlete_id: string }[]
    expect(before.map((m) => m.seen)).toEqual([true, false, false])
    const last = before.at(-1)!.id
    expect((await api.put(`/chats/${chat.id}/messages/${last}/seen`)).status).toBe(200)
    const after = (await api.get(`/activity/${chat.activityId}/messages`)).body as { seen: boolean }[]
    expect(after.every((m) => m.seen)).toBe(true)
    expect((await api.get(`/activity/${chat.activityId}/messages?sinceId=${before[0]!.id}`)).body).toHaveLength(2)
    expect((await api.put(`/chats/999/messages/${last}/seen`)).status).toBe(404)
    expect((await api.put(`/chats/${chat.id}/messages/1/seen`)).status).toBe(404)
  })

  it('adds a comment as the coach, refuses an empty one, and takes a coach_tick on the activity', async () => {
    const activity = sim.state.athlete('i100004')!.activities.at(-1)!
    expect((await api.post(`/activity/${activity.id}/messages`, { content: '  ' })).status).toBe(422)
    const r = await api.post(`/activity/${activity.id}/messages`, { content: 'Solid.' })
    expect(r.status).toBe(200)
    const { id, new_chat } = r.body as { id: number; new_chat: { id: number; type: string } }
    expect(new_chat).toMatchObject({ type: 'ACTIVITY', id: activity.icu_chat_id })
    expect(sim.state.chatOfActivity(activity.id!)!.messages).toEqual([expect.objectContaining({ id, athlete_id: sim.coachId, content: 'Solid.' })])
    expect((await api.put(`/activity/${activity.id}`, { coach_tick: 1 })).status).toBe(200)
    expect(activity.coach_tick).toBe(1)
    expect((await api.put(`/activity/${activity.id}`, { coach_tick: 'yes' })).status).toBe(422)
    expect((await api.put(`/activity/${activity.id}`, { coach_tick: 0 })).status).toBe(200)
    expect(activity.coach_tick).toBeNull()
  })

  it('answers 403 for a stranger’s activity', async () => {
    const stranger = [...sim.state.athletes.values()].find((a) => a.relation === 'stranger')!
    stranger.activities.push({ id: 'i1', name: 'x' })
    expect((await api.get('/activity/i1/messages')).status).toBe(403)
    expect((await api.post('/activity/i1/messages', { content: 'hi' })).status).toBe(403)
  })
})
