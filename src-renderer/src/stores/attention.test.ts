import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AttentionFlag, AttentionRow, ReviewItem } from '@contract'
import { useAttentionStore } from './attention'
import { useNoticesStore } from './notices'
import { fail, ok } from '../testing/bridge'

// Needs attention against a stand-in bridge: what is flagged, what is announced, and the review queue.


const flag = (rule: string, reason: string, severity: 'high' | 'medium' = 'medium') => ({ rule, reason, severity }) as AttentionFlag
const athlete = (athleteId: string, name: string, flags: AttentionFlag[], nextRace: AttentionRow['nextRace'] = null): AttentionRow =>
  ({ athleteId, name, timezone: 'UTC', today: '2026-12-03', form: 0, flags, nextRace, error: null })
const item = (activityId: string, athleteId: string, unread = 0) => ({ activityId, athleteId, athleteName: athleteId, unread }) as ReviewItem
const race = { date: '2027-01-10', name: 'Cross nationals', daysToGo: 38, form: 5 }

function list(rows: AttentionRow[], notifications = true, queue: ReviewItem[] = []) {
  return { rows, queue, compliance: [], settings: { rules: {}, notifications }, fetchedAt: '2026-12-03T08:00:00Z' }
}

function bridge(first = list([])) {
  const attention = {
    list: vi.fn(() => ok(first)),
    saveSettings: vi.fn((a: { settings: unknown }) => ok(a.settings)),
    markReviewed: vi.fn(() => ok({ via: 'coach_tick' })),
    comments: vi.fn(() => ok([{ id: 1, content: 'Legs heavy' }])),
    addComment: vi.fn((a: { content: string }) => ok({ id: 2, content: a.content })),
  }
  const app = { notify: vi.fn((note: { title: string; body: string }) => ok({ shown: note.title !== '' })) }
  window.coachDesk = { attention, app } as never
  return { attention, app }
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  useAttentionStore().stopWatching()
  vi.useRealTimers()
})

describe('needs attention', () => {
  it('sorts athletes into flagged and calm, scores high flags double, and finds an athlete’s row and race', async () => {
    bridge(list([athlete('i1', 'Maya', [flag('missed', '2 missed', 'high'), flag('ramp', 'ramp 9')], race), athlete('i2', 'Tom', [])]))
    const a = useAttentionStore()
    const loading = a.load()
    expect(a.loading).toBe(true)
    await loading
    expect(a.loading).toBe(false)
    expect(a.flagged.map((r) => r.athleteId)).toEqual(['i1'])
    expect(a.calm.map((r) => r.athleteId)).toEqual(['i2'])
    expect(a.scores).toEqual({ i1: 3, i2: 0 })
    expect(a.raceOf('i1')).toEqual(race)
    expect(a.raceOf('i2')).toBeNull()
    expect(a.raceOf('i9')).toBeNull()
    expect(a.rowOf('i2')?.name).toBe('Tom')
    expect(a.rowOf('i9')).toBeNull()
    expect(a.fetchedAt).toBe('2026-12-03T08:00:00Z')
    expect(a.settings).toEqual({ rules: {}, notifications: true })
  })

  it('announces nothing on the first load, then only what is new, up to three and a count of the rest', async () => {
    const b = bridge(list([athlete('i1', 'Maya', [flag('missed', '2 missed')])]))
    const a = useAttentionStore()
    await a.load()
    expect(useNoticesStore().items).toEqual([])
    const rows = ['Ann', 'Bob', 'Cid', 'Dan', 'Eve'].map((n, i) => athlete(`n${i}`, n, [flag('ramp', `ramp of ${n}`)]))
    b.attention.list.mockReturnValueOnce(ok(list([athlete('i1', 'Maya', [flag('missed', '2 missed')]), ...rows])))
    await a.load(true)
    expect(b.attention.list).toHaveBeenLastCalledWith({ refresh: true, background: false })
    expect(useNoticesStore().items.map((n) => [n.text, n.tone])).toEqual([
      ['Ann: ramp of Ann', 'info'],
      ['Bob: ramp of Bob', 'info'],
      ['Cid: ramp of Cid', 'info'],
      ['2 more need your attention', 'info'],
    ])
    expect(b.app.notify.mock.calls.map(([n]) => n)).toEqual([
      { title: 'Ann', body: 'ramp of Ann' },
      { title: 'Bob', body: 'ramp of Bob' },
      { title: 'Cid', body: 'ramp of Cid' },
    ])
  })

  it('cuts a desktop notification to what the system shows, and a refused one is quiet', async () => {
    const b = bridge()
    b.app.notify.mockReturnValue(fail('UNSUPPORTED', 'no notifications') as never)
    const a = useAttentionStore()
    await a.load()
    const name = 'N'.repeat(130)
    const reason = 'r'.repeat(450)
    b.attention.list.mockReturnValueOnce(ok(list([athlete('i1', name, [flag('ramp', reason)])])))
    await a.load()
    expect(b.app.notify).toHaveBeenCalledWith({ title: 'N'.repeat(120), body: 'r'.repeat(400) })
    expect(useNoticesStore().items).toHaveLength(1)
  })

  it('with notifications off, remembers what is new without announcing it', async () => {
    const b = bridge(list([], false))
    const a = useAttentionStore()
    await a.load()
    b.attention.list.mockReturnValueOnce(ok(list([athlete('i1', 'Maya', [flag('ramp', 'ramp 9')])], false)))
    await a.load()
    expect(useNoticesStore().items).toEqual([])
    expect(b.app.notify).not.toHaveBeenCalled()
    b.attention.list.mockReturnValueOnce(ok(list([athlete('i1', 'Maya', [flag('ramp', 'ramp 9')])], true)))
    await a.load()
    expect(useNoticesStore().items).toEqual([])
  })

  it('says why the list failed and keeps what it showed', async () => {
    const b = bridge(list([athlete('i1', 'Maya', [])]))
    const a = useAttentionStore()
    await a.load()
    b.attention.list.mockReturnValueOnce(fail('NETWORK', 'offline') as never)
    await a.load()
    expect(a.error).toEqual({ code: 'NETWORK', message: 'offline' })
    expect(a.loading).toBe(false)
    expect(a.rows).toHaveLength(1)
    await a.load()
    expect(a.error).toBeNull()
  })

  it('loads in the background after twenty seconds unless loaded already, then every quarter of an hour', async () => {
    vi.useFakeTimers()
    const b = bridge()
    const a = useAttentionStore()
    a.watch()
    a.watch()
    await vi.advanceTimersByTimeAsync(19_999)
    expect(b.attention.list).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(b.attention.list).toHaveBeenCalledExactlyOnceWith({ refresh: false, background: true })
    await vi.advanceTimersByTimeAsync(15 * 60_000 - 20_001)
    expect(b.attention.list).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(b.attention.list).toHaveBeenCalledTimes(2)
    a.stopWatching()
    await vi.advanceTimersByTimeAsync(60 * 60_000)
    expect(b.attention.list).toHaveBeenCalledTimes(2)
    expect(a.rows).toEqual([])
    expect(a.fetchedAt).toBeNull()
  })

  it('skips the first background load when the list was loaded meanwhile, or is loading', async () => {
    vi.useFakeTimers()
    const b = bridge()
    const a = useAttentionStore()
    a.watch()
    await a.load()
    await vi.advanceTimersByTimeAsync(20_000)
    expect(b.attention.list).toHaveBeenCalledTimes(1)
    a.stopWatching()
    a.watch()
    a.loading = true
    await vi.advanceTimersByTimeAsync(20_000)
    expect(b.attention.list).toHaveBeenCalledTimes(1)
  })

  it('saves the settings and loads the list under them; a refused save says why', async () => {
    const b = bridge()
    const a = useAttentionStore()
    const settings = { rules: {}, notifications: false } as never
    await a.saveSettings(settings)
    expect(b.attention.saveSettings).toHaveBeenCalledWith({ settings: { rules: {}, notifications: false } })
    expect(b.attention.list).toHaveBeenCalledTimes(1)
    b.attention.saveSettings.mockReturnValueOnce(fail('INVALID_INPUT', 'bad rule') as never)
    await a.saveSettings(settings)
    expect(a.error).toEqual({ code: 'INVALID_INPUT', message: 'bad rule' })
    expect(b.attention.list).toHaveBeenCalledTimes(1)
  })

  it('marks an activity reviewed: it leaves the queue, and how it was marked is kept', async () => {
    const b = bridge(list([], true, [item('a1', 'i1'), item('a2', 'i2')]))
    const a = useAttentionStore()
    await a.load()
    const marking = a.markReviewed(item('a1', 'i1'))
    expect(a.reviewing).toBe('a1')
    expect(await marking).toBe(true)
    expect(a.reviewing).toBeNull()
    expect(b.attention.markReviewed).toHaveBeenCalledWith({ athleteId: 'i1', activityId: 'a1' })
    expect(a.queue.map((q) => q.activityId)).toEqual(['a2'])
    expect(a.reviewedVia).toEqual({ a1: 'coach_tick' })
    b.attention.markReviewed.mockReturnValueOnce(fail('NETWORK', 'offline') as never)
    expect(await a.markReviewed(item('a2', 'i2'))).toBe(false)
    expect(a.queue.map((q) => q.activityId)).toEqual(['a2'])
    expect(a.reviewing).toBeNull()
    expect(useNoticesStore().items.map((n) => [n.text, n.tone])).toEqual([['offline', 'error']])
  })

  it('reading comments marks them seen: the unread count and the athlete’s comment flag go, other flags stay', async () => {
    const rows = [athlete('i1', 'Maya', [flag('unreadComment', '2 unread comments'), flag('ramp', 'ramp 9')]), athlete('i2', 'Tom', [flag('unreadComment', '1 unread comment')])]
    const b = bridge(list(rows, true, [item('a1', 'i1', 2), item('a2', 'i2', 1)]))
    const a = useAttentionStore()
    await a.load()
    await a.loadComments('a1')
    expect(b.attention.comments).toHaveBeenCalledWith({ activityId: 'a1' })
    expect(a.comments.a1).toEqual([{ id: 1, content: 'Legs heavy' }])
    expect(a.queue.map((q) => q.unread)).toEqual([0, 1])
    expect(a.rows.map((r) => r.flags.map((f) => f.rule))).toEqual([['ramp'], ['unreadComment']])
    expect(a.commentsError.a1).toBeNull()
  })

  it('says why comments could not be read or sent, for that activity only', async () => {
    const b = bridge()
    const a = useAttentionStore()
    b.attention.comments.mockReturnValueOnce(fail('NETWORK', 'offline') as never)
    await a.loadComments('a1')
    expect(a.commentsError).toEqual({ a1: { code: 'NETWORK', message: 'offline' } })
    expect(a.comments.a1).toBeUndefined()
    await a.loadComments('a1')
    expect(a.commentsError.a1).toBeNull()
    b.attention.addComment.mockReturnValueOnce(fail('READ_ONLY', 'no') as never)
    expect(await a.addComment('a1', 'Nice')).toBe(false)
    expect(a.commentsError.a1).toEqual({ code: 'READ_ONLY', message: 'no' })
    expect(a.sending).toBe(false)
  })

  it('adds a comment after the ones read', async () => {
    const b = bridge()
    const a = useAttentionStore()
    const sending = a.addComment('a1', 'Nice one')
    expect(a.sending).toBe(true)
    expect(await sending).toBe(true)
    expect(a.sending).toBe(false)
    expect(b.attention.addComment).toHaveBeenCalledWith({ activityId: 'a1', content: 'Nice one' })
    expect(a.comments.a1).toEqual([{ id: 2, content: 'Nice one' }])
    await a.loadComments('a1')
    await a.addComment('a1', 'Rest tomorrow')
    expect(a.comments.a1).toEqual([{ id: 1, content: 'Legs heavy' }, { id: 2, content: 'Rest tomorrow' }])
  })
})
