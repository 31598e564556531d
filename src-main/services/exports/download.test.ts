import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { CalendarLoader } from '../calendar/load'
import type { IcuHttp, RequestOptions } from '../../icu/http'
import type { Event } from '../../icu/types'
import { eventMeta, eventMetaOf, fetchEventFile, fetchRangeFiles, fileFor, plannedWorkouts, requireWorkout, unzipWorkouts } from './download'
import type { EventMeta } from './names'

// Getting workout files from intervals.icu, with the HTTP client answering from a table: which
// request each step sends, and what it makes of the answer.

/** An IcuHttp that records each request and answers with `answer(request)`. */
function http(answer: (req: RequestOptions) => unknown) {
  const requests: RequestOptions[] = []
  const client = {
    request: async (req: RequestOptions) => {
      requests.push(req)
      return answer(req)
    },
  } as unknown as IcuHttp
  return { client, requests }
}
const noCache: Pick<CalendarLoader, 'find'> = { find: () => null }
const bytes = (s: string) => new TextEncoder().encode(s)
const text = (b: Uint8Array) => new TextDecoder().decode(b)
const meta = (over: Partial<EventMeta> = {}): EventMeta => ({ athleteId: 'i1', eventId: 7, name: 'Tempo', date: '2026-12-01', category: 'WORKOUT', sport: 'Ride', ...over })

describe('what an export knows of an event', () => {
  it('comes from the calendar already loaded, without a request', async () => {
    const { client, requests } = http(() => {
      throw new Error('no request expected')
    })
    const loader = { find: (a: string, id: number) => (a === 'i1' && id === 7 ? { name: 'Tempo', date: '2026-12-01', category: 'WORKOUT', type: 'Run' } : null) } as unknown as Pick<CalendarLoader, 'find'>
    expect(await eventMeta(client, loader, { athleteId: 'i1', eventId: 7 })).toEqual(meta({ sport: 'Run' }))
    expect(requests).toEqual([])
  })

  it('else from one GET of the event', async () => {
    const { client, requests } = http(() => ({ id: 7, name: 'Tempo', start_date_local: '2026-12-01T06:00:00', category: 'NOTE', type: 'Ride' }))
    const signal = new AbortController().signal
    expect(await eventMeta(client, noCache, { athleteId: 'i1', eventId: 7 }, signal)).toEqual(meta({ category: 'NOTE' }))
    expect(requests).toEqual([{ path: '/athlete/i1/events/7', signal }])
  })

  it('takes a workout without a name, date, category or sport as an unnamed workout', () => {
    expect(eventMetaOf('i1', {} as Event)).toEqual({ athleteId: 'i1', eventId: 0, name: '', date: '', category: 'WORKOUT', sport: null })
  })
})

describe('the planned workouts of a range', () => {
  it('asks for the range’s workouts and keeps those that start inside it, by date then id', async () => {
    const events: Partial<Event>[] = [
      { id: 30, category: 'WORKOUT', name: 'Late', start_date_local: '2026-12-07T18:00:00' },
      { id: 20, category: 'WORKOUT', name: 'Second', start_date_local: '2026-12-02T06:00:00' },
      { id: 10, category: 'WORKOUT', name: 'First', start_date_local: '2026-12-02T06:00:00' },
      { id: 5, category: 'WORKOUT', name: 'Started the week before', start_date_local: '2026-11-30T06:00:00' },
      { id: 40, category: 'WORKOUT', name: 'After', start_date_local: '2026-12-08T06:00:00' },
      { id: 50, category: 'NOTE', name: 'A note', start_date_local: '2026-12-03T00:00:00' },
      { category: 'WORKOUT', name: 'No id', start_date_local: '2026-12-03T00:00:00' },
    ]
    const { client, requests } = http(() => events)
    const signal = new AbortController().signal
    const got = await plannedWorkouts(client, { athleteId: 'i1', oldest: '2026-12-01', newest: '2026-12-07' }, signal)
    expect(got.map((w) => w.eventId)).toEqual([10, 20, 30])
    expect(got[0]).toEqual({ athleteId: 'i1', eventId: 10, name: 'First', date: '2026-12-02', category: 'WORKOUT', sport: null })
    expect(requests[0]).toMatchObject({ path: '/athlete/i1/events', query: { oldest: '2026-12-01', newest: '2026-12-07', category: 'WORKOUT' } })
    expect(requests[0]!.signal).toBe(signal)
  })

  it('keeps the first and the last day of the range', async () => {
    const { client } = http(() => [
      { id: 2, category: 'WORKOUT', start_date_local: '2026-12-07T06:00:00' },
      { id: 1, category: 'WORKOUT', start_date_local: '2026-12-01T06:00:00' },
    ])
    expect((await plannedWorkouts(client, { athleteId: 'i1', oldest: '2026-12-01', newest: '2026-12-07' })).map((w) => w.eventId)).toEqual([1, 2])
  })

  it('is empty when intervals.icu answers nothing', async () => {
    const { client } = http(() => null)
    expect(await plannedWorkouts(client, { athleteId: 'i1', oldest: '2026-12-01', newest: '2026-12-07' })).toEqual([])
  })
})

describe('an event that has no workout file', () => {
  it('is refused with what it is, in words', () => {
    expect(() => requireWorkout(meta())).not.toThrow()
    expect(() => requireWorkout(meta({ category: 'NOTE', name: 'Rest' }))).toThrow('“Rest” is a note, not a planned workout, so it has no workout file.')
    expect(() => requireWorkout(meta({ category: 'RACE_A', name: '' }))).toThrow('“7” is a race a, not a planned workout, so it has no workout file.')
    expect(() => requireWorkout(meta({ category: 'SET_EFTP' }))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining('is a set eftp,') }))
  })
})

describe('one workout’s file', () => {
  it('is downloaded in the format asked and named after the planned workout', async () => {
    const { client, requests } = http(() => bytes('<workout_file/>'))
    const signal = new AbortController().signal
    const file = await fetchEventFile(client, meta(), 'zwo', signal)
    expect(requests[0]).toMatchObject({ path: '/athlete/i1/events/7/download.zwo', binary: true })
    expect(requests[0]!.signal).toBe(signal)
    expect(file).toEqual({ athleteId: 'i1', eventId: 7, label: 'Tempo', date: '2026-12-01', base: '2026-12-01 Tempo', bytes: bytes('<workout_file/>') })
  })

  it('an empty answer is a server failure, not an empty file', async () => {
    const { client } = http(() => new Uint8Array(0))
    await expect(fetchEventFile(client, meta(), 'fit')).rejects.toMatchObject({ code: 'SERVER', message: 'intervals.icu sent an empty file for “Tempo”. Try again later.' })
  })

  it('an unnamed, undated workout is labelled by its id', () => {
    expect(fileFor(meta({ name: '', date: '' }), bytes('x'))).toMatchObject({ label: 'Workout 7', date: null, base: 'workout-7' })
  })
})

describe('a range’s workouts.zip', () => {
  it('is one request, and holds the format’s files in name order, named by their last path segment', async () => {
    const zip = zipSync({
      'b/2026-12-02 Long.FIT': bytes('long'),
      'c/week/2026-12-03 Hills.fit': bytes('hills'),
      'a/': {},
      'notes.txt': bytes('not a workout'),
      'a/2026-12-01 Tempo.fit': bytes('tempo'),
      'x.zwo': bytes('another format'),
    })
    const { client, requests } = http(() => zip)
    const signal = new AbortController().signal
    const files = await fetchRangeFiles(client, { athleteId: 'i1', oldest: '2026-12-01', newest: '2026-12-07' }, 'fit', signal)
    expect(requests[0]).toMatchObject({ path: '/athlete/i1/workouts.zip', query: { ext: 'fit', oldest: '2026-12-01', newest: '2026-12-07' }, binary: true })
    expect(requests[0]!.signal).toBe(signal)
    expect(files.map((f) => ({ ...f, bytes: text(f.bytes) }))).toEqual([
      { athleteId: 'i1', eventId: null, label: '2026-12-01 Tempo', date: null, base: '2026-12-01 Tempo', bytes: 'tempo' },
      { athleteId: 'i1', eventId: null, label: '2026-12-02 Long', date: null, base: '2026-12-02 Long', bytes: 'long' },
      { athleteId: 'i1', eventId: null, label: '2026-12-03 Hills', date: null, base: '2026-12-03 Hills', bytes: 'hills' },
    ])
  })

  it('an entry named only by the extension is named by its place in the zip', () => {
    const [only] = unzipWorkouts(zipSync({ 'x/.erg': bytes('e') }), 'i1', 'erg')
    expect(only).toMatchObject({ label: '', base: 'workout-1' })
  })

  it('what is not a zip is a clear server failure', () => {
    expect(() => unzipWorkouts(bytes('<html>busy</html>'), 'i1', 'fit')).toThrow(
      expect.objectContaining({ code: 'SERVER', message: 'intervals.icu sent a zip Coach Desk could not open. Try again.', detail: expect.any(String) }),
    )
  })

  it('refuses more than 2000 files of the format', () => {
    const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`w${i}.fit`, bytes('x')]))
    expect(unzipWorkouts(zipSync({ ...many(2000), 'extra.txt': bytes('x') }), 'i1', 'fit')).toHaveLength(2000)
    expect(() => unzipWorkouts(zipSync(many(2001)), 'i1', 'fit')).toThrow(
      expect.objectContaining({ code: 'SERVER', message: 'intervals.icu sent a larger zip than Coach Desk expects. Export a shorter range.' }),
    )
  })

  it('refuses files that would unpack to more than 200 MB, before unpacking them', () => {
    const MB = 1024 * 1024
    // Two small entries whose headers claim the sizes below, as a runaway answer's would.
    const claiming = (sizes: number[]) => {
      const zip = zipSync(Object.fromEntries(sizes.map((_, i) => [`w${i}.fit`, bytes('x')])), { level: 0 })
      const view = new DataView(zip.buffer)
      let entry = 0
      for (let at = 0; at < zip.length - 4; at++) {
        // Local header (original size at +22) and central directory header (at +24).
        if (view.getUint32(at, true) === 0x04034b50) view.setUint32(at + 22, sizes[entry % sizes.length]!, true)
        if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, sizes[entry++ % sizes.length]!, true)
      }
      return zip
    }
    expect(() => unzipWorkouts(claiming([150 * MB, 60 * MB]), 'i1', 'fit')).toThrow(expect.objectContaining({ code: 'SERVER', message: expect.stringContaining('larger zip') }))
    expect(() => unzipWorkouts(claiming([100 * MB, 100 * MB]), 'i1', 'fit')).not.toThrow(expect.objectContaining({ message: expect.stringContaining('larger zip') }))
  })
})
