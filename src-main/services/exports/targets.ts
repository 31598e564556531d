import { zipSync } from 'fflate'
import { mkdir, realpath, unlink } from 'node:fs/promises'
import { isAbsolute, relative, sep } from 'node:path'
import { AppError } from '../../contract/errors'
import type { ExportOutcome } from '../../contract/exports'
import { ExportFileError, writeFileAtomic, type AtomicWriteFs } from './atomicWrite'
import type { FetchedFile } from './download'
import { exportAppError, folderAppError } from './errors'
import { fitFileName, MAX_FILE_NAME_BYTES, resolveInside, uniqueFileName } from './fileNames'
import { FolderManifest, readPlainFile, sha256 } from './manifest'
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

/** Where a file went: its name relative to the target, and whether it is new, replaced a file of ours or was already there. */
export interface Placed {
  fileName: string
  outcome: Extract<ExportOutcome, 'written' | 'replaced' | 'unchanged'>
}

export interface ExportTarget {
  /** Writes (or stages) one file; resolves to its name relative to the target, e.g. "Alice Martin/2026-12-01 Tempo.fit". */
  add(file: FetchedFile, athleteName: string): Promise<Placed>
  /** Completes the export (the zip is written here, each folder's list of files saved). */
  finish(): Promise<void>
  /** Where the files are, for the coach. */
  readonly location: string
}

/**
 * Files written straight into <root>/<athlete>/, one at a time so two downloads finishing together
 * cannot pick the same free name. A file Coach Desk wrote there before for the same event, still as
 * it wrote it, is replaced (or left alone when identical); any other file is never replaced: a new
 * name gets " (2)".
 */
export class FolderTarget implements ExportTarget {
  private readonly folders = new AthleteFolders()
  private readonly names = new Map<string, Set<string>>()
  private readonly manifests = new Map<string, Promise<FolderManifest>>()
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    readonly location: string,
    private readonly ext: string,
    private readonly fs?: AtomicWriteFs,
  ) {}

  add(file: FetchedFile, athleteName: string): Promise<Placed> {
    const next = this.queue.then(() => this.write(file, athleteName))
    this.queue = next.catch(() => undefined)
    return next
  }

  async finish(): Promise<void> {
    await this.queue
    for (const manifest of this.manifests.values()) {
      try {
        await (await manifest).save(this.fs)
      } catch (e) {
        throw exportAppError(e)
      }
    }
  }

  private async athleteDir(folder: string): Promise<string> {
    const dir = resolveInside(this.location, folder)
    try {
      await mkdir(dir, { recursive: true })
    } catch (e) {
      throw folderAppError(e, this.location)
    }
    await requireInsideRoot(this.location, dir)
    return dir
  }

  private async write(file: FetchedFile, athleteName: string): Promise<Placed> {
    const folder = this.folders.folderFor(file.athleteId, athleteName)
    const dir = await this.athleteDir(folder)
    const manifest = await this.manifestFor(dir)
    const taken = this.names.get(dir) ?? new Set<string>()
    this.names.set(dir, taken)
    const hash = sha256(file.bytes)
    const wanted = fitFileName(`${file.base}${this.ext}`)
    const record = (name: string) => {
      if (file.eventId !== null) manifest.set(file.eventId, this.ext, { name, sha256: hash })
      taken.add(name)
      return `${folder}/${name}`
    }

    const before = file.eventId === null ? undefined : manifest.get(file.eventId, this.ext)
    if (before && !taken.has(before.name) && (await manifest.stillOurs(before))) {
      if (before.sha256 === hash && before.name === wanted) return { fileName: record(before.name), outcome: 'unchanged' }
      if (before.name === wanted) {
        await this.writeFile(resolveInside(dir, wanted), file.bytes, true)
        return { fileName: record(wanted), outcome: 'replaced' }
      }
      // Renamed on intervals.icu: the new name, then the old file goes.
      const name = await this.writeNew(dir, file, taken)
      await unlink(resolveInside(dir, before.name)).catch(() => undefined)
      return { fileName: record(name), outcome: 'replaced' }
    }
    // Exported before this folder kept its list: a file of that very name and content is the same file.
    if (!taken.has(wanted)) {
      const there = await readPlainFile(dir, wanted)
      if (there && sha256(there) === hash) return { fileName: record(wanted), outcome: 'unchanged' }
    }
    return { fileName: record(await this.writeNew(dir, file, taken)), outcome: 'written' }
  }

  /** The free-name check is advisory; if another program takes the name in between, the write refuses (EXISTS) and the next free name is tried. */
  private async writeNew(dir: string, file: FetchedFile, taken: Set<string>): Promise<string> {
    const base = fitFileName(file.base, MAX_FILE_NAME_BYTES - Buffer.byteLength(` (99)${this.ext}`))
    for (let attempt = 0; attempt < 5; attempt++) {
      const name = await uniqueFileName(dir, base, this.ext, new Set(taken))
      try {
        await this.writeFile(resolveInside(dir, name), file.bytes, false)
        return name
      } catch (e) {
        if (!(e instanceof ExportFileError && e.code === 'EXISTS')) throw exportAppError(e)
      }
    }
    throw new AppError('CONFLICT', `Other files keep taking the name “${file.base}${this.ext}” in ${dir}. Try again.`)
  }

  private async writeFile(path: string, bytes: Uint8Array, overwrite: boolean): Promise<void> {
    try {
      await writeFileAtomic(path, bytes, { overwrite, fs: this.fs })
    } catch (e) {
      if (e instanceof ExportFileError && e.code === 'EXISTS') throw e
      throw exportAppError(e)
    }
  }

  private manifestFor(dir: string): Promise<FolderManifest> {
    let m = this.manifests.get(dir)
    if (!m) {
      m = FolderManifest.load(dir)
      this.manifests.set(dir, m)
    }
    return m
  }
}

/**
 * An athlete folder that is a link (or sits behind one) to a place outside the chosen folder is
 * refused: the coach chose where files go, and a link planted in a synced folder must not redirect them.
 */
export async function requireInsideRoot(root: string, dir: string): Promise<void> {
  let realRoot: string
  let realDir: string
  try {
    ;[realRoot, realDir] = await Promise.all([realpath(root), realpath(dir)])
  } catch (e) {
    throw folderAppError(e, root)
  }
  const rel = relative(realRoot, realDir)
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new AppError(
      'INVALID_INPUT',
      `The folder “${relative(root, dir)}” in ${root} is a link to ${realDir}, outside the folder you chose. Coach Desk did not write there; remove the link or choose another folder.`,
    )
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

  async add(file: FetchedFile, athleteName: string): Promise<Placed> {
    const folder = this.folders.folderFor(file.athleteId, athleteName)
    const taken = this.names.get(folder) ?? new Set<string>()
    this.names.set(folder, taken)
    const entry = `${folder}/${uniqueInSet(file.base, this.ext, taken)}`
    this.entries[entry] = file.bytes
    return { fileName: entry, outcome: 'written' }
  }

  async finish(): Promise<void> {
    const bytes = zipSync(this.entries)
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
