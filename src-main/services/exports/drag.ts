import { randomUUID } from 'node:crypto'
import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { EventRef } from '../../contract/calendar'
import { AppError } from '../../contract/errors'
import { formatRefusal, type ExportFormat } from '../../contract/exports'
import type { CalendarLoader } from '../calendar/load'
import type { ServiceDeps } from '../deps'
import type { RosterCache } from '../roster'
import { writeFileAtomic, type AtomicWriteFs } from './atomicWrite'
import { eventMeta, fetchEventFile, requireWorkout } from './download'
import { exportAppError } from './errors'
import { resolveInside } from './fileNames'
import { standaloneFileBase, uniqueInSet } from './names'

// Dragging workouts out of the window: main downloads them, writes them into its own drag folder
// and only then hands those paths to webContents.startDrag. The renderer names events, never files.

/** Main's own folder for drag files; the Electron glue checks every path against it again. */
export function dragFolder(dataDir: string): string {
  return join(dataDir, 'drag')
}

/** A prepared file is reused by a drag that starts within this time, then downloaded afresh. */
const PREPARED_FOR_MS = 60_000
/** Drag folders are kept a while after the drop, since some file managers copy after the drop ends. */
const KEEP_DRAG_FOLDERS_MS = 60 * 60_000
const MAX_PREPARED = 300

interface Prepared {
  base: string
  bytes: Uint8Array
}

export interface DragDeps extends Pick<ServiceDeps, 'session' | 'dataDir'> {
  roster: Pick<RosterCache, 'rows'>
  loader: Pick<CalendarLoader, 'find'>
  fs?: AtomicWriteFs
  clock?: () => number
}

export class DragFiles {
  private readonly prepared = new Map<string, { at: number; file: Promise<Prepared> }>()
  private readonly clock: () => number

  constructor(private readonly deps: DragDeps) {
    this.clock = deps.clock ?? Date.now
  }

  get root(): string {
    return dragFolder(this.deps.dataDir)
  }

  /** Starts the downloads when the pointer goes down on a drag handle, so the drag itself is quick. */
  async prepare(refs: EventRef[], format: ExportFormat): Promise<{ ready: number }> {
    const settled = await Promise.allSettled(refs.map((ref) => this.file(ref, format, true)))
    return { ready: settled.filter((s) => s.status === 'fulfilled').length }
  }

  /**
   * Writes the files into a fresh folder under the drag folder and starts the native drag. Events that
   * cannot be exported are left out and reported; when none can, nothing is dragged.
   */
  async start(
    refs: EventRef[],
    format: ExportFormat,
    startDrag: ((files: string[]) => void) | undefined,
  ): Promise<{ files: string[]; skipped: { athleteId: string; eventId: number; reason: string }[] }> {
    if (!startDrag) {
      throw new AppError('INVALID_INPUT', 'Dragging workouts out of the window needs the Coach Desk desktop app. Use Export… to save them instead.')
    }
    const settled = await Promise.allSettled(refs.map((ref) => this.file(ref, format, false)))
    const ready: Prepared[] = []
    const skipped: { athleteId: string; eventId: number; reason: string }[] = []
    settled.forEach((s, i) => {
      if (s.status === 'fulfilled') ready.push(s.value)
      else skipped.push({ ...refs[i]!, reason: exportAppError(s.reason).message })
    })
    if (!ready.length) {
      const first = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')
      throw exportAppError(first?.reason)
    }
    await this.sweep()
    const dir = join(this.root, randomUUID())
    const paths: string[] = []
    try {
      await mkdir(dir, { recursive: true })
      const taken = new Set<string>()
      for (const file of ready) {
        const path = resolveInside(dir, uniqueInSet(file.base, `.${format}`, taken))
        await writeFileAtomic(path, file.bytes, { fs: this.deps.fs })
        paths.push(path)
      }
    } catch (e) {
      await rm(dir, { recursive: true, force: true }).catch(() => undefined)
      throw exportAppError(e)
    }
    startDrag(paths)
    return { files: paths.map((p) => basename(p)), skipped }
  }

  private file(ref: EventRef, format: ExportFormat, fresh: boolean): Promise<Prepared> {
    const key = `${this.deps.session.generation}|${ref.athleteId}|${ref.eventId}|${format}`
    const now = this.clock()
    const hit = this.prepared.get(key)
    // A drag uses what the pointer-down prepared; a new pointer-down downloads again unless one is under way.
    if (hit && now - hit.at < (fresh ? 5_000 : PREPARED_FOR_MS)) return hit.file
    const file = this.download(ref, format)
    this.prepared.set(key, { at: now, file })
    file.catch(() => {
      if (this.prepared.get(key)?.file === file) this.prepared.delete(key)
    })
    for (const [k, v] of this.prepared) if (this.prepared.size > MAX_PREPARED || now - v.at >= PREPARED_FOR_MS) this.prepared.delete(k)
    return file
  }

  private async download(ref: EventRef, format: ExportFormat): Promise<Prepared> {
    const http = this.deps.session.http()
    const [athlete] = await this.deps.roster.rows([ref.athleteId])
    const meta = await eventMeta(http, this.deps.loader, ref)
    requireWorkout(meta)
    const refusal = formatRefusal(format, meta.sport)
    if (refusal) throw new AppError('INVALID_INPUT', refusal.replace(/^Not written: /, `“${meta.name || meta.eventId}”: `))
    const { bytes } = await fetchEventFile(http, meta, format)
    return { base: standaloneFileBase(meta, athlete!.name), bytes }
  }

  /** Removes drag folders from earlier drags; a file the drop moved away is simply gone already. */
  private async sweep(): Promise<void> {
    const now = this.clock()
    let names: string[]
    try {
      names = await readdir(this.root)
    } catch {
      return
    }
    for (const name of names) {
      const path = join(this.root, name)
      try {
        if (now - (await stat(path)).mtimeMs > KEEP_DRAG_FOLDERS_MS) await rm(path, { recursive: true, force: true })
      } catch {
        // Another drag's sweep got there first, or the folder is in use; the next sweep tries again.
      }
    }
  }
}
