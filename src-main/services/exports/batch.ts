import type { EventRef } from '../../contract/calendar'
import { AppError } from '../../contract/errors'
import { formatRefusal, type ExportFormat, type ExportItem } from '../../contract/exports'
import type { IcuHttp } from '../../icu/http'
import type { CalendarLoader } from '../calendar/load'
import { eventMeta, fetchEventFile, fetchRangeFiles, fileFor, plannedWorkouts, requireWorkout, type ExportRange, type FetchedFile } from './download'
import { exportAppError } from './errors'
import type { EventMeta } from './names'
import type { Placed } from './targets'
import { matchZipEntries } from './zipMatch'

// One many-workout export, from the selection to one report row per planned workout. A range costs
// one events request (what is planned there now) and one workouts.zip; a workout the zip left out,
// or every workout of a range whose zip was refused, is then fetched alone, which writes it or
// learns why intervals.icu cannot convert it. Nothing is ever reported as written that is not.

export interface BatchDeps {
  http: IcuHttp
  loader: Pick<CalendarLoader, 'find'>
  format: ExportFormat
  signal: AbortSignal
  place(file: FetchedFile): Promise<Placed>
  /** Planned workouts settled so far, of how many, and the last file written. */
  progress(done: number, total: number, fileName: string | null): void
}

export interface Selection {
  events: EventRef[]
  ranges: ExportRange[]
}

export async function exportBatch(selection: Selection, deps: BatchDeps): Promise<ExportItem[]> {
  const { http, format, signal } = deps
  const results: ExportItem[] = []
  type Named = { athleteId: string; eventId: number | null; name: string; date: string }
  const row = (m: Named, over: Partial<ExportItem>): ExportItem => ({
    athleteId: m.athleteId,
    eventId: m.eventId,
    name: m.name || `Workout ${m.eventId ?? ''}`.trim(),
    date: m.date || null,
    fileName: null,
    ok: false,
    outcome: 'failed',
    error: null,
    ...over,
  })
  const failure = (e: unknown) => (signal.aborted ? 'Cancelled before it was downloaded.' : exportAppError(e).message)

  // What is planned: the ranges' workouts as intervals.icu has them now, then the single events.
  const plans = await Promise.all(
    selection.ranges.map(async (range) => {
      try {
        return { range, workouts: await plannedWorkouts(http, range, signal) }
      } catch (e) {
        results.push(row({ athleteId: range.athleteId, eventId: null, name: `Workouts ${range.oldest} to ${range.newest}`, date: '' }, { error: failure(e) }))
        return null
      }
    }),
  )
  const inRanges = new Set(plans.flatMap((p) => p?.workouts.map((w) => `${w.athleteId}|${w.eventId}`) ?? []))
  const refs = [...new Map(selection.events.map((r) => [`${r.athleteId}|${r.eventId}`, r])).values()].filter((r) => !inRanges.has(`${r.athleteId}|${r.eventId}`))
  const singles = (
    await Promise.all(
      refs.map(async (ref) => {
        try {
          return await eventMeta(http, deps.loader, ref, signal)
        } catch (e) {
          // Not in the calendar's cache either (eventMeta looked there first): named by its id.
          results.push(row({ ...ref, name: '', date: '' }, { error: failure(e) }))
          return null
        }
      }),
    )
  ).filter((m): m is EventMeta => m !== null)

  const total = plans.reduce((n, p) => n + (p?.workouts.length ?? 0), 0) + singles.length
  let done = 0
  deps.progress(0, total, null)
  const settle = (item: ExportItem) => {
    results.push(item)
    done++
    deps.progress(done, total, item.fileName)
  }

  const place = async (meta: EventMeta, file: FetchedFile) => {
    try {
      const placed = await deps.place(file)
      settle(row(meta, { fileName: placed.fileName, ok: true, outcome: placed.outcome }))
    } catch (e) {
      settle(row(meta, { error: exportAppError(e).message }))
    }
  }

  /** One workout on its own: left out with the reason, or downloaded and placed. */
  const single = async (meta: EventMeta) => {
    try {
      requireWorkout(meta)
    } catch (e) {
      return settle(row(meta, { outcome: 'leftOut', error: exportAppError(e).message }))
    }
    const refusal = formatRefusal(format, meta.sport)
    if (refusal) return settle(row(meta, { outcome: 'leftOut', error: refusal }))
    let file: FetchedFile
    try {
      file = await fetchEventFile(http, meta, format, signal)
    } catch (e) {
      return settle(row(meta, !signal.aborted && isRefusal(e) ? { outcome: 'leftOut', error: cannotConvert(e, format) } : { error: failure(e) }))
    }
    await place(meta, file)
  }

  const range = async ({ range, workouts }: { range: ExportRange; workouts: EventMeta[] }) => {
    const carried = workouts.filter((w) => {
      const refusal = formatRefusal(format, w.sport)
      if (refusal) settle(row(w, { outcome: 'leftOut', error: refusal }))
      return !refusal
    })
    if (!carried.length) return
    let entries: FetchedFile[]
    try {
      entries = await fetchRangeFiles(http, range, format, signal)
    } catch (e) {
      // Refused as a whole (one workout it cannot convert): each workout alone tells which and why.
      if (!signal.aborted && isRefusal(e)) return void (await Promise.all(carried.map(single)))
      for (const w of carried) settle(row(w, { error: failure(e) }))
      return
    }
    // Matched against every workout of the range, so the entry of one this format cannot carry is dropped.
    const { byEvent, extra } = matchZipEntries(entries, workouts)
    await Promise.all(
      carried.map((w) => {
        const entry = byEvent.get(w.eventId)
        return entry ? place(w, fileFor(w, entry.bytes)) : single(w)
      }),
    )
    // Entries no planned workout claimed are kept rather than lost; they have no event to name them by.
    for (const entry of extra) {
      const named = { athleteId: entry.athleteId, eventId: null, name: entry.label, date: '' }
      try {
        const placed = await deps.place(entry)
        results.push(row(named, { fileName: placed.fileName, ok: true, outcome: placed.outcome }))
      } catch (e) {
        results.push(row(named, { error: exportAppError(e).message }))
      }
    }
  }

  await Promise.all([...plans.filter((p) => p !== null).map(range), ...singles.map(single)])
  return results
}

/** intervals.icu answered 422 (or 400): it will not make this file, as opposed to a failure worth retrying. */
function isRefusal(e: unknown): e is AppError {
  return e instanceof AppError && e.code === 'INVALID_INPUT'
}

function cannotConvert(e: AppError, format: ExportFormat): string {
  const said = (e.detail ?? '').replace(/^HTTP \d+ [^:]*:?\s*/, '')
  return `Not written: intervals.icu could not convert it to .${format}${said ? `: ${said}` : '.'}`
}
