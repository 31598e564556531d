import { setMaxListeners } from 'node:events'
import { basename, dirname, isAbsolute, join } from 'node:path'
import type { EventRef } from '../../contract/calendar'
import { AppError } from '../../contract/errors'
import { formatRefusal, type ExportFormat, type ExportItem, type ExportLayout, type ExportReport } from '../../contract/exports'
import type { CalendarLoader } from '../calendar/load'
import type { ServiceDeps } from '../deps'
import type { RosterCache } from '../roster'
import { writeFileAtomic, type AtomicWriteFs } from './atomicWrite'
import type { ExportDialogs } from './dialogs'
import { exportBatch } from './batch'
import { eventMeta, fetchEventFile, requireWorkout, type ExportRange } from './download'
import { exportAppError } from './errors'
import { fitFileName } from './fileNames'
import { rememberExportFolder } from './housekeeping'
import { standaloneFileBase, zipFileBase } from './names'
import { FolderTarget, ZipTarget, type ExportTarget } from './targets'

export interface ExportServiceDeps extends Pick<ServiceDeps, 'session' | 'log' | 'emit'>, Partial<Pick<ServiceDeps, 'dataDir'>> {
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
    const refusal = formatRefusal(req.format, meta.sport)
    if (refusal) throw new AppError('INVALID_INPUT', refusal.replace(/^Not written: /, `“${meta.name || meta.eventId}” was not saved: `))
    // Downloaded first, so a workout intervals.icu cannot convert is reported before any dialog.
    const file = await fetchEventFile(http, meta, req.format)
    const target = await dialogs.chooseSavePath(`${standaloneFileBase(meta, athlete!.name)}.${req.format}`, req.format)
    if (!target) return { saved: false, fileName: null, location: null }
    if (!isAbsolute(target.path)) throw new AppError('INVALID_INPUT', 'Choose a folder on this computer to save into.')
    // A name typed in the dialog may be longer than the disk takes: shortened, with its extension kept.
    const name = fitFileName(basename(target.path))
    const path = join(dirname(target.path), name)
    await this.remember(dirname(path))
    try {
      await writeFileAtomic(path, file.bytes, { overwrite: target.replaceConfirmed && path === target.path, fs: this.deps.fs })
    } catch (e) {
      throw exportAppError(e)
    }
    this.deps.log.info('exports.saved', { format: req.format, files: 1 })
    return { saved: true, fileName: name, location: dirname(path) }
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
      unchanged: 0,
      leftOut: 0,
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
      await this.remember(dir)
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
    this.deps.emit('exports:progress', { exportId: req.exportId, done: 0, total: 0, fileName: null })

    try {
      const results = await exportBatch(req.selection, {
        http: this.deps.session.http(),
        loader: this.deps.loader,
        format: req.format,
        signal: controller.signal,
        place: (file) => target.add(file, names.get(file.athleteId) ?? file.athleteId),
        progress: (done, total, fileName) => this.deps.emit('exports:progress', { exportId: req.exportId, done, total, fileName }),
      })
      const cancelled = controller.signal.aborted
      if (target instanceof ZipTarget && (cancelled || target.size === 0)) {
        // A cancelled or empty zip is not written at all, so there is never a partial one.
        for (const r of results.filter((x) => x.ok)) Object.assign(r, { ok: false, outcome: 'failed', fileName: null, error: 'Not saved: the export was cancelled.' })
      } else {
        await target.finish()
      }
      const sorted = sortResults(results, athleteIds)
      const counts = {
        written: sorted.filter((r) => r.ok).length,
        unchanged: sorted.filter((r) => r.outcome === 'unchanged').length,
        leftOut: sorted.filter((r) => r.outcome === 'leftOut').length,
        failed: sorted.filter((r) => r.outcome === 'failed').length,
      }
      this.deps.log.info('exports.saved', { format: req.format, layout: req.layout, ...counts, cancelled })
      return report({ location: target.location, results: sorted, ...counts, cancelled })
    } finally {
      this.running.delete(req.exportId)
    }
  }

  cancel(exportId: string): boolean {
    const c = this.running.get(exportId)
    c?.abort()
    return !!c
  }

  /** So a write cut short there leaves no temporary file past the next start or quit. */
  private async remember(dir: string): Promise<void> {
    if (this.deps.dataDir) await rememberExportFolder(this.deps.dataDir, dir)
  }

  private dialogs(): ExportDialogs {
    if (!this.deps.dialogs) throw new AppError('INVALID_INPUT', 'Saving files needs the Coach Desk desktop app.')
    return this.deps.dialogs
  }
}

/** In the order the athletes were selected, then by date and name, so the report reads like the calendar. */
function sortResults(results: ExportItem[], athleteIds: string[]): ExportItem[] {
  const order = new Map(athleteIds.map((id, i) => [id, i]))
  return [...results].sort(
    (a, b) => (order.get(a.athleteId) ?? 0) - (order.get(b.athleteId) ?? 0) || (a.date ?? '').localeCompare(b.date ?? '') || a.name.localeCompare(b.name),
  )
}
