import { zipSync } from 'fflate'
import { mkdir } from 'node:fs/promises'
import { AppError } from '../../contract/errors'
import { ExportFileError, writeFileAtomic, type AtomicWriteFs } from './atomicWrite'
import type { FetchedFile } from './download'
import { exportAppError, folderAppError } from './errors'
import { resolveInside, uniqueFileName } from './fileNames'
import { athleteFolderName, uniqueInSet } from './names'

// Where a many-workout export goes: one folder per athlete inside the chosen folder, or one zip
// with the same folders inside. Both hand back the name each file got, relative to the target.

/** One folder name per athlete for this export; two athletes with the same name get "Name (2)". */
class AthleteFolders {
  private readonly byAthlete = new Map<string, string>()
  private readonly taken = new Set<string>()

  folderFor(athleteId: string, athleteName: string): string {
    let folder = this.byAthlete.get(athleteId)
    if (!folder) {
      folder = uniqueInSet(athleteFolderName(athleteName, athleteId), '', this.taken)
      this.byAthlete.set(athleteId, folder)
    }
    return folder
  }
}

export interface ExportTarget {
  /** Writes (or stages) one file; resolves to its name relative to the target, e.g. "Alice Martin/2026-12-01 Tempo.fit". */
  add(file: FetchedFile, athleteName: string): Promise<string>
  /** Completes the export (the zip is written here); nothing to do for folders. */
  finish(): Promise<void>
  /** Where the files are, for the coach. */
  readonly location: string
}

/**
 * Files written straight into <root>/<athlete>/, one at a time so two downloads finishing together
 * cannot pick the same free name. A name already on disk gets " (2)": an export never replaces a file.
 */
export class FolderTarget implements ExportTarget {
  private readonly folders = new AthleteFolders()
  private readonly names = new Map<string, Set<string>>()
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    readonly location: string,
    private readonly ext: string,
    private readonly fs?: AtomicWriteFs,
  ) {}

  add(file: FetchedFile, athleteName: string): Promise<string> {
    const next = this.queue.then(() => this.write(file, athleteName))
    this.queue = next.catch(() => undefined)
    return next
  }

  async finish(): Promise<void> {
    await this.queue
  }

  private async write(file: FetchedFile, athleteName: string): Promise<string> {
    const folder = this.folders.folderFor(file.athleteId, athleteName)
    const dir = resolveInside(this.location, folder)
    try {
      await mkdir(dir, { recursive: true })
    } catch (e) {
      throw folderAppError(e, this.location)
    }
    const taken = this.names.get(dir) ?? new Set<string>()
    this.names.set(dir, taken)
    // The free-name check is advisory; if another program takes the name in between, the write
    // refuses (EXISTS) and the next free name is tried.
    for (let attempt = 0; attempt < 5; attempt++) {
      const name = await uniqueFileName(dir, file.base, this.ext, taken)
      try {
        await writeFileAtomic(resolveInside(dir, name), file.bytes, { fs: this.fs })
        return `${folder}/${name}`
      } catch (e) {
        if (!(e instanceof ExportFileError && e.code === 'EXISTS')) throw exportAppError(e)
      }
    }
    throw new AppError('CONFLICT', `Other files keep taking the name “${file.base}${this.ext}” in ${dir}. Try again.`)
  }
}

/** Files gathered in memory and written as one zip at the end, atomically: no partial zip on a failure. */
export class ZipTarget implements ExportTarget {
  private readonly folders = new AthleteFolders()
  private readonly names = new Map<string, Set<string>>()
  private readonly entries: Record<string, Uint8Array> = {}

  constructor(
    readonly location: string,
    private readonly ext: string,
    private readonly replace: boolean,
    private readonly fs?: AtomicWriteFs,
  ) {}

  async add(file: FetchedFile, athleteName: string): Promise<string> {
    const folder = this.folders.folderFor(file.athleteId, athleteName)
    const taken = this.names.get(folder) ?? new Set<string>()
    this.names.set(folder, taken)
    const entry = `${folder}/${uniqueInSet(file.base, this.ext, taken)}`
    this.entries[entry] = file.bytes
    return entry
  }

  async finish(): Promise<void> {
    const bytes = zipSync(this.entries, { level: 6 })
    try {
      await writeFileAtomic(this.location, bytes, { overwrite: this.replace, fs: this.fs })
    } catch (e) {
      throw exportAppError(e)
    }
  }

  get size(): number {
    return Object.keys(this.entries).length
  }
}
