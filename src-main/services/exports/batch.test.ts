import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../contract/errors'
import type { ExportFormat, ExportItem } from '../../contract/exports'
import type { IcuHttp, RequestOptions } from '../../icu/http'
import type { Event } from '../../icu/types'
import type { CalendarLoader } from '../calendar/load'
import { exportBatch, type Selection } from './batch'
import type { FetchedFile } from './download'

// One many-workout export, from the selection to the report's rows, with intervals.icu answering
// from a table and the files placed in memory: which requests it sends and what each row says.

interface Table {
  events?: Record<string, Partial<Event>[]>
  /** Athletes whose events list fails so. */
  listFails?: Record<string, AppError>
  /** Answers by path: bytes, or an error to throw. */
  files?: Record<string, Uint8Array | AppError>
}

function setup(table: Table, opts: { format?: ExportFormat; failPlace?: (f: FetchedFile) => boolean; aborted?: boolean } = {}) {
  const requests: string[] = []
  const http = {
    request: async (req: RequestOptions) => {
      requests.push(req.path)
      const list = /^\/athlete\/(\w+)\/events$/.exec(req.path)
      if (list && table.listFails?.[list[1]!]) throw table.listFails[list[1]!]
      if (list) return table.events?.[list[1]!] ?? []
      const one = /^\/athlete\/(\w+)\/events\/(\d+)$/.exec(req.path)
      if (one) {
        const e = table.events?.[one[1]!]?.find((x) => x.id === Number(one[2]))
        if (!e) throw new AppError('NOT_FOUND', 'intervals.icu could not find that. It may have been deleted.', `HTTP 404 ${req.path}`)
        return e
      }
      const answer = table.files?.[req.path]
      if (answer instanceof AppError) throw answer
      if (answer) return answer
      throw new AppError('NOT_FOUND', 'intervals.icu could not find that. It may have been deleted.', `HTTP 404 ${req.path}`)
    },
  } as unknown as IcuHttp
  const placed: FetchedFile[] = []
  const progress: [number, number, string | null][] = []
  const controller = new AbortController()
  if (opts.aborted) controller.abort()
  // Nothing in the calendar's cache: every event is read from intervals.icu.
  const loader: Pick<CalendarLoader, 'find'> = { find: () => null }
  const format = opts.format ?? 'zwo'
  const run = (selection: Partial<Selection>) =>
    exportBatch(
      { events: [], ranges: [], ...selection },
      {
        http,
        loader,
        format,
        signal: controller.signal,
        place: async (f) => {
          if (opts.failPlace?.(f)) throw new AppError('CONFLICT', `A file named "${f.base}" is in the way.`)
          placed.push(f)
          return { fileName: `${f.athleteId}/${f.base}.${format}`, outcome: 'written' }
        },
        progress: (done, total, fileName) => progress.push([done, total, fileName]),
      },
    )
  return { run, requests, placed, progress }
}

const bytes = (s: string) => new TextEncoder().encode(s)
const ride = (id: number, day: string, name: string, over: Partial<Event> = {}): Partial<Event> => ({
  id,
  name,
  category: 'WORKOUT',
  type: 'Ride',
  start_date_local: `2026-12-${day}T06:00:00`,
  ...over,
})
const WEEK = { athleteId: 'i1', oldest: '2026-12-01', newest: '2026-12-07' }
const byId = (rows: ExportItem[]) => Object.fromEntries(rows.map((r) => [r.eventId ?? r.name, r]))
const refusal = (path: string, says = '') => new AppError('INVALID_INPUT', 'intervals.icu refused this.', `HTTP 422 ${path}${says ? `: ${says}` : ''}`)

describe('exporting a range', () => {
  it('costs one events request and one workouts.zip, and reports each workout with the file it got', async () => {
    const { run, requests, placed, progress } = setup({
      events: { i1: [ride(2, '03', 'Long'), ride(1, '01', 'Tempo')] },
      files: { '/athlete/i1/workouts.zip': zipSync({ '2026-12-01 Tempo.zwo': bytes('tempo'), '2026-12-03 Long.zwo': bytes('long') }) },
    })
    const rows = await run({ ranges: [WEEK] })
    expect(requests).toEqual(['/athlete/i1/events', '/athlete/i1/workouts.zip'])
    expect(byId(rows)).toEqual({
      1: { athleteId: 'i1', eventId: 1, name: 'Tempo', date: '2026-12-01', fileName: 'i1/2026-12-01 Tempo.zwo', ok: true, outcome: 'written', error: null },
      2: { athleteId: 'i1', eventId: 2, name: 'Long', date: '2026-12-03', fileName: 'i1/2026-12-03 Long.zwo', ok: true, outcome: 'written', error: null },
    })
    // Named after the planned workout, with the zip entry's bytes.
    expect(placed.map((f) => [f.eventId, f.base, new TextDecoder().decode(f.bytes)]).sort()).toEqual([
      [1, '2026-12-01 Tempo', 'tempo'],
      [2, '2026-12-03 Long', 'long'],
    ])
    expect(progress[0]).toEqual([0, 2, null])
    expect(progress.slice(1).map(([done, total]) => [done, total])).toEqual([
      [1, 2],
      [2, 2],
    ])
    expect(progress.slice(1).map(([, , name]) => name).sort()).toEqual(['i1/2026-12-01 Tempo.zwo', 'i1/2026-12-03 Long.zwo'])
  })

  it('fetches alone a workout the zip left out, and keeps an entry no workout claims', async () => {
    const { run, requests } = setup({
      events: { i1: [ride(1, '01', 'Tempo'), ride(2, '03', 'Long')] },
      files: {
        '/athlete/i1/workouts.zip': zipSync({ '2026-12-01 Tempo.zwo': bytes('t'), 'Mystery.zwo': bytes('m'), 'Other.zwo': bytes('o') }),
        '/athlete/i1/events/2/download.zwo': bytes('long'),
      },
    })
    const rows = await run({ ranges: [WEEK] })
    expect(requests).toContain('/athlete/i1/events/2/download.zwo')
    expect(byId(rows)[2]).toMatchObject({ ok: true, outcome: 'written', fileName: 'i1/2026-12-03 Long.zwo' })
    expect(byId(rows).Mystery).toEqual({ athleteId: 'i1', eventId: null, name: 'Mystery', date: null, fileName: 'i1/Mystery.zwo', ok: true, outcome: 'written', error: null })
    expect(byId(rows).Other).toMatchObject({ ok: true, fileName: 'i1/Other.zwo' })
    expect(rows).toHaveLength(4)
  })

  it('an extra entry without a name of its own is "Workout"', async () => {
    const { run } = setup({
      events: { i1: [ride(1, '01', 'Tempo')] },
      files: { '/athlete/i1/workouts.zip': zipSync({ '2026-12-01 Tempo.zwo': bytes('t'), 'x/.zwo': bytes('?'), 'y/Other.zwo': bytes('o') }) },
    })
    const rows = await run({ ranges: [WEEK] })
    expect(rows.filter((r) => r.eventId === null).map((r) => [r.name, r.fileName])).toEqual([
      // The second entry of the zip, by name.
      ['Workout', 'i1/workout-2.zwo'],
      ['Other', 'i1/Other.zwo'],
    ])
  })

  it('an extra entry that cannot be written is a failed row, not lost silently', async () => {
    const { run } = setup(
      {
        events: { i1: [ride(1, '01', 'Tempo')] },
        files: { '/athlete/i1/workouts.zip': zipSync({ '2026-12-01 Tempo.zwo': bytes('t'), 'Mystery.zwo': bytes('m'), 'Other.zwo': bytes('o') }) },
      },
      { failPlace: (f) => f.base === 'Mystery' },
    )
    const rows = await run({ ranges: [WEEK] })
    expect(byId(rows).Mystery).toMatchObject({ ok: false, outcome: 'failed', fileName: null, error: 'A file named "Mystery" is in the way.' })
    expect(byId(rows)[1]).toMatchObject({ ok: true })
  })

  it('leaves out what the format cannot carry without asking for it, and asks no zip when nothing is left', async () => {
    const swim = ride(3, '02', 'Pool', { type: 'Swim' })
    const { run, requests } = setup({ events: { i1: [swim] } })
    const rows = await run({ ranges: [WEEK] })
    expect(rows).toEqual([
      {
        athleteId: 'i1',
        eventId: 3,
        name: 'Pool',
        date: '2026-12-02',
        fileName: null,
        ok: false,
        outcome: 'leftOut',
        error: 'Not written: .zwo files (Zwift) carry rides and runs only, and this is a Swim workout. Export it as .fit instead.',
      },
    ])
    expect(requests).toEqual(['/athlete/i1/events'])
  })

  it('when intervals.icu refuses the zip, each workout alone says which one it cannot convert and why', async () => {
    const { run, requests } = setup({
      events: { i1: [ride(1, '01', 'Tempo'), ride(2, '03', 'By feel'), ride(4, '05', 'Blank'), ride(5, '06', 'Said nothing')] },
      files: {
        '/athlete/i1/workouts.zip': refusal('/athlete/i1/workouts.zip', 'Workout has no steps'),
        '/athlete/i1/events/1/download.zwo': bytes('tempo'),
        '/athlete/i1/events/2/download.zwo': refusal('/athlete/i1/events/2/download.zwo', 'Workout has no steps'),
        '/athlete/i1/events/4/download.zwo': refusal('/athlete/i1/events/4/download.zwo'),
        '/athlete/i1/events/5/download.zwo': new AppError('INVALID_INPUT', 'intervals.icu refused this.'),
      },
    })
    const rows = byId(await run({ ranges: [WEEK] }))
    expect(rows[1]).toMatchObject({ ok: true, outcome: 'written' })
    expect(rows[2]).toMatchObject({ ok: false, outcome: 'leftOut', error: 'Not written: intervals.icu could not convert it to .zwo: Workout has no steps' })
    expect(rows[4]).toMatchObject({ ok: false, outcome: 'leftOut', error: 'Not written: intervals.icu could not convert it to .zwo.' })
    expect(rows[5]).toMatchObject({ ok: false, outcome: 'leftOut', error: 'Not written: intervals.icu could not convert it to .zwo.' })
    expect(requests.filter((p) => p.includes('/download.'))).toHaveLength(4)
  })

  it('a zip that fails for another reason fails each of its workouts, and fetches none alone', async () => {
    const { run, requests } = setup({
      events: { i1: [ride(1, '01', 'Tempo'), ride(2, '03', 'Long')] },
      files: { '/athlete/i1/workouts.zip': new AppError('SERVER', 'intervals.icu had a problem (error 502). Try again shortly.') },
    })
    const rows = await run({ ranges: [WEEK] })
    expect(rows.map((r) => [r.eventId, r.outcome, r.error]).sort()).toEqual([
      [1, 'failed', 'intervals.icu had a problem (error 502). Try again shortly.'],
      [2, 'failed', 'intervals.icu had a problem (error 502). Try again shortly.'],
    ])
    expect(requests.filter((p) => p.includes('/download.'))).toEqual([])
  })

  it('a range whose workouts cannot be listed is one failed row naming the dates', async () => {
    const { run, progress } = setup({ listFails: { i9: new AppError('FORBIDDEN', 'You have no access to this athlete.') } })
    expect(await run({ ranges: [{ athleteId: 'i9', oldest: '2026-12-01', newest: '2026-12-07' }] })).toEqual([
      { athleteId: 'i9', eventId: null, name: 'Workouts 2026-12-01 to 2026-12-07', date: null, fileName: null, ok: false, outcome: 'failed', error: 'You have no access to this athlete.' },
    ])
    expect(progress).toEqual([[0, 0, null]])
  })
})

describe('exporting single events', () => {
  it('downloads each once, skips those in a range of the same export, and names the row after the event', async () => {
    const { run, requests, progress } = setup({
      events: { i1: [ride(1, '01', 'Tempo')], i2: [ride(8, '02', 'Hills')] },
      files: { '/athlete/i1/workouts.zip': zipSync({ '2026-12-01 Tempo.zwo': bytes('t') }), '/athlete/i2/events/8/download.zwo': bytes('h') },
    })
    const rows = await run({
      ranges: [WEEK],
      events: [
        { athleteId: 'i1', eventId: 1 },
        { athleteId: 'i2', eventId: 8 },
        { athleteId: 'i2', eventId: 8 },
      ],
    })
    expect(rows).toHaveLength(2)
    expect(byId(rows)[8]).toEqual({ athleteId: 'i2', eventId: 8, name: 'Hills', date: '2026-12-02', fileName: 'i2/2026-12-02 Hills.zwo', ok: true, outcome: 'written', error: null })
    expect(requests.filter((p) => p.startsWith('/athlete/i2/'))).toEqual(['/athlete/i2/events/8', '/athlete/i2/events/8/download.zwo'])
    expect(requests.filter((p) => p.includes('/athlete/i1/events/1'))).toEqual([])
    // One workout of the range and one single event.
    expect(progress[0]).toEqual([0, 2, null])
    expect(progress.at(-1)!.slice(0, 2)).toEqual([2, 2])
  })

  it('an event that cannot be read is a failed row, named by its id', async () => {
    const { run, progress } = setup({ events: {} })
    expect(await run({ events: [{ athleteId: 'i1', eventId: 6 }] })).toEqual([
      { athleteId: 'i1', eventId: 6, name: 'Workout 6', date: null, fileName: null, ok: false, outcome: 'failed', error: 'intervals.icu could not find that. It may have been deleted.' },
    ])
    // It is not counted as a workout to export.
    expect(progress).toEqual([[0, 0, null]])
  })

  it('a note is left out as not a workout, a swim as not a .zwo, and neither is downloaded', async () => {
    const { run, requests } = setup({ events: { i1: [ride(1, '01', 'Rest', { category: 'NOTE' }), ride(2, '02', 'Pool', { type: 'Swim' })] } })
    const rows = byId(
      await run({
        events: [
          { athleteId: 'i1', eventId: 1 },
          { athleteId: 'i1', eventId: 2 },
        ],
      }),
    )
    expect(rows[1]).toMatchObject({ outcome: 'leftOut', error: '“Rest” is a note, not a planned workout, so it has no workout file.' })
    expect(rows[2]).toMatchObject({ outcome: 'leftOut', error: expect.stringContaining('carry rides and runs only') })
    expect(requests.filter((p) => p.includes('/download.'))).toEqual([])
  })

  it('a download that fails for another reason is a failed row with intervals.icu’s message', async () => {
    const { run } = setup({
      events: { i1: [ride(1, '01', 'Tempo'), ride(2, '02', 'Empty')] },
      files: {
        '/athlete/i1/events/1/download.zwo': new AppError('SERVER', 'intervals.icu had a problem (error 500). Try again shortly.', 'HTTP 500 /x: boom'),
        '/athlete/i1/events/2/download.zwo': new Uint8Array(0),
      },
    })
    const rows = byId(
      await run({
        events: [
          { athleteId: 'i1', eventId: 1 },
          { athleteId: 'i1', eventId: 2 },
        ],
      }),
    )
    expect(rows[1]).toMatchObject({ ok: false, outcome: 'failed', error: 'intervals.icu had a problem (error 500). Try again shortly.' })
    expect(rows[2]).toMatchObject({ ok: false, outcome: 'failed', error: 'intervals.icu sent an empty file for “Empty”. Try again later.' })
  })

  it('a file that cannot be placed is a failed row with the reason', async () => {
    const { run } = setup({ events: { i1: [ride(1, '01', 'Tempo')] }, files: { '/athlete/i1/events/1/download.zwo': bytes('t') } }, { failPlace: () => true })
    expect(await run({ events: [{ athleteId: 'i1', eventId: 1 }] })).toEqual([
      { athleteId: 'i1', eventId: 1, name: 'Tempo', date: '2026-12-01', fileName: null, ok: false, outcome: 'failed', error: 'A file named "2026-12-01 Tempo" is in the way.' },
    ])
  })
})

describe('a cancelled export', () => {
  it('says each download was cancelled, not that intervals.icu failed, and never takes a refusal for the reason', async () => {
    const cancelled = new AppError('CANCELLED', 'Cancelled.')
    const { run } = setup(
      {
        events: { i1: [ride(1, '01', 'Tempo'), ride(2, '02', 'Long')] },
        files: { '/athlete/i1/events/1/download.zwo': cancelled, '/athlete/i1/events/2/download.zwo': refusal('/athlete/i1/events/2/download.zwo', 'no steps') },
      },
      { aborted: true },
    )
    const rows = byId(
      await run({
        events: [
          { athleteId: 'i1', eventId: 1 },
          { athleteId: 'i1', eventId: 2 },
        ],
      }),
    )
    expect(rows[1]).toMatchObject({ outcome: 'failed', error: 'Cancelled before it was downloaded.' })
    expect(rows[2]).toMatchObject({ outcome: 'failed', error: 'Cancelled before it was downloaded.' })
  })

  it('a range cancelled while its zip downloads fails its workouts as cancelled, without fetching them alone', async () => {
    const { run, requests } = setup(
      { events: { i1: [ride(1, '01', 'Tempo')] }, files: { '/athlete/i1/workouts.zip': refusal('/athlete/i1/workouts.zip') } },
      { aborted: true },
    )
    expect(await run({ ranges: [WEEK] })).toMatchObject([{ eventId: 1, outcome: 'failed', error: 'Cancelled before it was downloaded.' }])
    expect(requests.filter((p) => p.includes('/download.'))).toEqual([])
  })
})
