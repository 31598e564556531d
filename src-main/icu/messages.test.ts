import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSim, type SimHandle } from '../sim'
import { silentLogger } from '../log'
import { IcuHttp } from './http'
import { RateLimiter } from './limiter'
import { listActivityMessages, listChats, markChatSeen, sendActivityMessage } from './messages'

// Activity comments and chats against the simulator: what the coach writes lands once, and what the
// athlete wrote is read in full.

let sim: SimHandle
let http: IcuHttp
beforeAll(async () => {
  sim = await startSim()
  http = new IcuHttp({
    baseUrl: sim.url,
    apiKey: () => sim.apiKey,
    limiter: new RateLimiter({ perSecond: 100, burst: 100, maxInFlight: 4 }),
    log: silentLogger,
    timeoutMs: 2000,
    backoffBaseMs: 10,
  })
})
afterAll(() => sim.close())
beforeEach(() => sim.clearFaults())

const activityOf = (athleteId: string) => sim.state.athlete(athleteId)!.activities.at(-1)!

describe('activity comments', () => {
  it('a comment the coach sends is stored once on the activity’s chat, and reads back with the rest', async () => {
    const activity = activityOf('i100004')
    const sent = await sendActivityMessage(http, activity.id!, 'Good pacing on the last rep.')
    const chat = sim.state.chatOfActivity(activity.id!)!
    expect(chat.messages.filter((m) => m.content === 'Good pacing on the last rep.')).toEqual([expect.objectContaining({ id: sent.id, athlete_id: sim.coachId })])
    const read = await listActivityMessages(http, activity.id!)
    expect(read?.at(-1)).toMatchObject({ id: sent.id, content: 'Good pacing on the last rep.', seen: true })
  })

  it('reads every comment of a long thread, not only the server’s first page', async () => {
    const activity = activityOf('i100005')
    const first = await sendActivityMessage(http, activity.id!, 'comment 1')
    const chat = sim.state.chatOfActivity(activity.id!)!
    for (let i = 2; i <= 150; i++) chat.messages.push({ ...chat.messages[0]!, id: first.id! + 10_000 + i, content: `comment ${i}` })
    const read = await listActivityMessages(http, activity.id!)
    expect(read).toHaveLength(150)
    expect(read?.[0]?.content).toBe('comment 1')
  })

  it('is not sent a second time when the answer is lost: the coach would see it twice', async () => {
    const activity = activityOf('i100006')
    sim.addFault({ method: 'POST', path: /\/messages$/, dropAfter: true, times: 1 })
    await expect(sendActivityMessage(http, activity.id!, 'Once only')).rejects.toMatchObject({ code: 'NETWORK' })
    expect(sim.state.chatOfActivity(activity.id!)!.messages.filter((m) => m.content === 'Once only')).toHaveLength(1)
  })

  it('reaches an activity whose id needs encoding in the path', async () => {
    const activity = activityOf('i100004')
    const odd = `${activity.id}/x`
    await expect(listActivityMessages(http, odd)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(sim.requests.at(-1)?.path).toContain(encodeURIComponent(odd))
  })
})

describe('chats', () => {
  it('lists the coach’s chats, and marking one seen moves the coach’s read marker on the server', async () => {
    const chats = (await listChats(http, sim.coachId)) ?? []
    const unread = chats.find((c) => (c.new_message_count ?? 0) > 0)!
    const chat = sim.state.chats.get(unread.id!)!
    const last = chat.messages.at(-1)!.id!
    await markChatSeen(http, unread.id!, last)
    expect(chat.lastSeen.get(sim.coachId)).toBe(last)
    const after = (await listChats(http, sim.coachId)) ?? []
    expect(after.find((c) => c.id === unread.id)?.new_message_count).toBe(0)
  })

  it('refuses another athlete’s chat list as FORBIDDEN', async () => {
    await expect(listChats(http, 'i100002')).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('a cancelled read or write', () => {
  it.each([
    ['listing comments', (s: AbortSignal) => listActivityMessages(http, activityOf('i100004').id!, { signal: s })],
    ['sending a comment', (s: AbortSignal) => sendActivityMessage(http, activityOf('i100004').id!, 'never sent', { signal: s })],
    ['listing chats', (s: AbortSignal) => listChats(http, sim.coachId, { signal: s })],
    ['marking a chat seen', (s: AbortSignal) => markChatSeen(http, 1, 1, { signal: s })],
  ])('%s stops before anything reaches the server', async (_, call) => {
    sim.resetRequests()
    const abort = new AbortController()
    abort.abort()
    await expect(call(abort.signal)).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(sim.requests).toHaveLength(0)
  })
})
