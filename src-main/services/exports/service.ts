import { setMaxListeners } from 'node:events'
import { basename, dirname, isAbsolute } from 'node:path'
import type { EventRef } from '../../contract/calendar'
import { AppError } from '../../contract/errors'
import type { ExportFormat, ExportItem, ExportLayout, ExportReport } from '../../contract/exports'
import type { CalendarLoader } from '../calendar/load'
import type { ServiceDeps } from '../deps'
import type { RosterCache } from '../roster'
import { writeFileAtomic, type AtomicWriteFs } from './atomicWrite'
import type { ExportDialogs } from './dialogs'
import { eventMeta, fetchEventFile, fetchRangeFiles, requireWorkout, type ExportRange, type FetchedFile } from './download'
import { exportAppError } from './errors'
import { standaloneFileBase, zipFileBase } from './names'
import { FolderTarget, ZipTarget, type ExportTarget } from './targets'

export interface ExportServiceDeps extends Pick<ServiceDeps, 'session' | 'log' | 'emit'> {
  roster: Pick<RosterCache, 'rows'>
  loader: Pick<CalendarLoader, 'find'>
  dialogs?: ExportDialogs
  /** The file system calls of the atomic writer; tests inject failures here. */
  fs?: AtomicWriteFs
}

export interface ManyRequest {
  exportId: string
  selection: { events: EventRef[]; ranges: ExportRange[] }
  format: ExportFormat
  layout: ExportLayout
}

type Job = { kind: 'range'; range: ExportRange } | { kind: 'event'; ref: EventRef }

/**
 * Saving workouts: one event through a Save dialog, or many into a folder or a zip. A date range of
 * an athlete costs one workouts.zip request; single events one download each. Nothing is downloaded
 * before the coach has chosen where the files go, and every file is written atomically.
 */
export class ExportService {
  private readonly running = new Map<string, AbortController>()

  constructor(private readonly deps: ExportServiceDeps) {}

  async saveEvent(req: EventRef & { format: ExportFormat }): Promise<{ saved: boolean; fileName: string | null; location: string | null }> {
    const dialogs = this.dialogs()
    const http = this.deps.session.http()
    const [athlete] = await this.deps.roster.rows([req.athleteId])
    const meta = await eventMeta(http, this.deps.loader, { athleteId: req.athleteId, eventId: req.eventId })
    requireWorkout(meta)
    // Downloaded first, so a workout intervals.icu cannot convert is reported before any dialog.
    const file = await fetchEventFile(http, meta, req.format)
    const target = await dialogs.chooseSavePath(`${standaloneFileBase(meta, athlete!.name)}.${req.format}`, req.format)
    if (!target) return { saved: false, fileName: null, location: null }
    if (!isAbsolute(target.path)) throw new AppError('INVALID_INPUT', 'Choose a folder on this computer to save into.')
    try {
      await writeFileAtomic(target.path, file.bytes, { overwrite: target.replaceConfirmed, fs: this.deps.fs })
    } catch (e) {
      throw exportAppError(e)
    }
    this.deps.log.info('exports.saved', { format: req.format, files: 1 })
    return { saved: true, fileName: basename(target.path), location: dirname(target.path) }
  }

  async saveMany(req: ManyRequest): Promise<ExportReport> {
    if (this.running.has(req.exportId)) throw new AppError('CONFLICT', 'This export is already running.')
    const dialogs = this.dialogs()
    // Not connected: say so before any dialog opens.
    this.deps.session.http()
    const athleteIds = [...new Set([...req.selection.ranges, ...req.selection.events].map((x) => x.athleteId))]
    const names = new Map((await this.deps.roster.rows(athleteIds)).map((r) => [r.id, r.name]))
    const ext = `.${req.format}`
    const report = (over: Partial<ExportReport>): ExportReport => ({
      exportId: req.exportId,
      format: req.format,
      layout: req.layout,
      dismissed: false,
      location: null,
      results: [],
      written: 0,
      failed: 0,
      cancelled: false,
      ...over,
    })

    let target: ExportTarget
    if (req.layout === 'folders') {
      const dir = await dialogs.chooseFolder()
      if (!dir) return report({ dismissed: true })
      if (!isAbsolute(dir)) throw new AppError('INVALID_INPUT', 'Choose a folder on this computer to save into.')
      target = new FolderTarget(dir, ext, this.deps.fs)
    } else {
      const dates = req.selection.ranges.flatMap((r) => [r.oldest, r.newest])
      const chosen = await dialogs.chooseSavePath(`${zipFileBase(dates, req.format)}.zip`, 'zip')
      if (!chosen) return report({ dismissed: true })
      if (!isAbsolute(chosen.path)) throw new AppError('INVALID_INPUT', 'Choose a folder on this computer to save into.')
      target = new ZipTarget(chosen.path, ext, chosen.replaceConfirmed, this.deps.fs)
    }

    const controller = new AbortController()
    // Every request of the export listens on this one signal.
    setMaxListeners(0, controller.signal)
    this.running.set(req.exportId, controller)
    const jobs: Job[] = [
      ...req.selection.ranges.map((range): Job => ({ kind: 'range', range })),
      ...req.selection.events.map((ref): Job => ({ kind: 'event', ref })),
    ]
    const results: ExportItem[] = []
    let done = 0
    const progress = (fileName: string | null) =>
      this.deps.emit('exports:progress', { exportId: req.exportId, done, total: jobs.length, fileName })
    progress(null)

    const place = async (file: FetchedFile) => {
      try {
        const fileName = await target.add(file, names.get(file.athleteId) ?? file.athleteId)
        results.push({ athleteId: file.athleteId, eventId: file.eventId, name: file.label, fileName, ok: true, error: null })
        return fileName
      } catch (e) {
        results.push({ athleteId: file.athleteId, eventId: file.eventId, name: file.label, fileName: null, ok: false, error: exportAppError(e).message })
        return null
      }
    }
    const run = async (job: Job) => {
      let last: string | null = null
      try {
        for (const file of await this.fetch(job, req, controller.signal)) last = (await place(file)) ?? last
      } catch (e) {
        const error = controller.signal.aborted ? 'Cancelled before it was downloaded.' : exportAppError(e).message
        results.push({ ...this.failedJob(job), error })
      }
      done++
      progress(last)
    }

    try {
      await Promise.all(jobs.map(run))
      const cancelled = controller.signal.aborted
      if (target instanceof ZipTarget && (cancelled || target.size === 0)) {
        // A cancelled or empty zip is not written at all, so there is never a partial one.
        for (const r of results.filter((x) => x.ok)) Object.assign(r, { ok: false, fileName: null, error: 'Not saved: the export was cancelled.' })
      } else {
        await target.finish()
      }
      const sorted = sortResults(results, athleteIds)
      const written = sorted.filter((r) => r.ok).length
      this.deps.log.info('exports.saved', { format: req.format, layout: req.layout, files: written, failed: sorted.length - written, cancelled })
      return report({ location: target.location, results: sorted, written, failed: sorted.length - written, cancelled })
    } finally {
      this.running.delete(req.exportId)
    }
  }

  cancel(exportId: string): boolean {
    const c = this.running.get(exportId)
    c?.abort()
    return !!c
  }

  /** The files one job brings: a range's zip unpacked, or one event's file. */
  private async fetch(job: Job, req: ManyRequest, signal: AbortSignal): Promise<FetchedFile[]> {
    const http = this.deps.session.http()
    if (job.kind === 'range') return fetchRangeFiles(http, job.range, req.format, signal)
    const meta = await eventMeta(http, this.deps.loader, job.ref, signal)
    // An event inside a range of the same athlete is already in that range's zip.
    const covered = req.selection.ranges.some((r) => r.athleteId === meta.athleteId && meta.date >= r.oldest && meta.date <= r.newest)
    if (covered) return []
    requireWorkout(meta)
    return [await fetchEventFile(http, meta, req.format, signal)]
  }

  private failedJob(job: Job): Omit<ExportItem, 'error'> {
    if (job.kind === 'event') {
      const { athleteId, eventId } = job.ref
      const name = this.deps.loader.find(athleteId, eventId)?.name || `Workout ${eventId}`
      return { athleteId, eventId, name, fileName: null, ok: false }
    }
    const { athleteId, oldest, newest } = job.range
    return { athleteId, eventId: null, name: `Workouts ${oldest} to ${newest}`, fileName: null, ok: false }
  }

  private dialogs(): ExportDialogs {
    if (!this.deps.dialogs) throw new AppError('INVALID_INPUT', 'Saving files needs the Coach Desk desktop app.')
    return this.deps.dialogs
  }
}

/** In the order the athletes were selected, then by file name, so the report reads like the folders. */
function sortResults(results: ExportItem[], athleteIds: string[]): ExportItem[] {
  const order = new Map(athleteIds.map((id, i) => [id, i]))
  return [...results].sort(
    (a, b) => (order.get(a.athleteId) ?? 0) - (order.get(b.athleteId) ?? 0) || (a.fileName ?? a.name).localeCompare(b.fileName ?? b.name),
  )
}
