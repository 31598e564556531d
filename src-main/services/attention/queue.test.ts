import { describe, expect, it } from 'vitest'
import type { RosterRow } from '../../contract/schemas'
import type { LoadedAthlete } from './load'
import { reviewQueue } from './queue'
import type { AthleteAttentionData, DoneActivity } from './rules'

// The review queue of two athletes whose today is 20 March 2026: it reaches back to 6 March.

function activity(id: string, start: string, over: Partial<DoneActivity> = {}): DoneActivity {
  return { id, start, type: 'Ride', name: `Ride ${id}`, load: 50, secs: 3600, pairedEventId: null, compliance: null, coachTick: null, chatId: null, stub: false, ...over }
}

function athlete(id: string, name: string, activities: DoneActivity[], unread: AthleteAttentionData['unread'] = []): LoadedAthlete {
  const row = { id, name } as RosterRow
  const data: AthleteAttentionData = {
    today: '2026-03-20',
    form: null,
    rampRate: null,
    fitness: null,
    fatigue: null,
    workouts: [],
    races: [],
    activities,
    daysOff: [],
    wellness: null,
    unread,
    loadedFrom: '2026-02-16',
  }
  return { row, data, error: null }
}

describe('the review queue', () => {
  it('lists what the coach has not reviewed of the last fourteen days, with what the row shows', () => {
    const maya = athlete('i1', 'Maya', [
      activity('a1', '2026-03-05T23:00:00'),
      activity('a2', '2026-03-06T06:00:00', { type: 'Run', name: 'Tempo', load: 61, secs: 2700, compliance: 96, stub: true }),
      activity('a3', '2026-03-19T07:00:00', { coachTick: 0 }),
    ])
    expect(reviewQueue([maya], new Set())).toEqual([
      { activityId: 'a2', athleteId: 'i1', athleteName: 'Maya', start: '2026-03-06T06:00:00', type: 'Run', name: 'Tempo', movingSecs: 2700, load: 61, compliance: 96, unread: 0, stub: true },
      { activityId: 'a3', athleteId: 'i1', athleteName: 'Maya', start: '2026-03-19T07:00:00', type: 'Ride', name: 'Ride a3', movingSecs: 3600, load: 50, compliance: null, unread: 0, stub: false },
    ])
  })

  it('leaves out what was ticked on intervals.icu or marked in Coach Desk, unless the athlete has written since', () => {
    const maya = athlete(
      'i1',
      'Maya',
      [activity('ticked', '2026-03-10T07:00:00', { coachTick: 1 }), activity('marked', '2026-03-11T07:00:00'), activity('answered', '2026-03-12T07:00:00', { coachTick: 2 }), activity('open', '2026-03-13T07:00:00')],
      [{ activityId: 'answered', activityName: 'Ride answered', count: 3 }],
    )
    const queue = reviewQueue([maya], new Set(['marked']))
    expect(queue.map((q) => [q.activityId, q.unread])).toEqual([
      ['answered', 3],
      ['open', 0],
    ])
  })

  it('puts every athlete’s activities in one list, oldest first, and by name when two start together', () => {
    const zoe = athlete('i2', 'Zoe', [activity('z1', '2026-03-15T07:00:00'), activity('z2', '2026-03-12T18:00:00')])
    const abe = athlete('i3', 'Abe', [activity('b1', '2026-03-15T07:00:00'), activity('b2', '2026-03-16T06:00:00')])
    const failed: LoadedAthlete = { row: { id: 'i4', name: 'Ann' } as RosterRow, data: null, error: 'You have no access to this athlete.' }
    expect(reviewQueue([zoe, failed, abe], new Set()).map((q) => q.activityId)).toEqual(['z2', 'b1', 'z1', 'b2'])
  })
})
