import { randomBytes } from 'node:crypto'
import * as fsp from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { fitFileName, MAX_FILE_NAME_BYTES } from './fileNames'

// Writes an export so that the destination is either absent or complete: the data goes to a temporary file in
// the same folder (so the final rename or link never crosses file systems), is flushed to disk, and only then
// gets its real name. A failed write leaves nothing behind.

export type ExportFileErrorCode = 'EXISTS' | 'NO_PERMISSION' | 'DISK_FULL' | 'IO'

export class ExportFileError extends Error {
  override readonly name = 'ExportFileError'
  constructor(
    readonly code: ExportFileErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

/** The part of an open file the writer uses; node's FileHandle fits it. */
export interface AtomicWriteFile {
  writeFile(data: Uint8Array | string): Promise<void>
  sync(): Promise<void>
  close(): Promise<void>
}

/** The file system calls the writer makes, injectable so tests can fail any of them. */
export interface AtomicWriteFs {
  open(path: string, flags: string): Promise<AtomicWriteFile>
  link(existingPath: string, newPath: string): Promise<void>
  rename(oldPath: string, newPath: string): Promise<void>
  unlink(path: string): Promise<void>
}

export const nodeFs: AtomicWriteFs = {
  open: (path, flags) => fsp.open(path, flags),
  link: (existingPath, newPath) => fsp.link(existingPath, newPath),
  rename: (oldPath, newPath) => fsp.rename(oldPath, newPath),
  unlink: (path) => fsp.unlink(path),
}

export interface WriteFileAtomicOptions {
  /** Replace an existing file. Off by default: an export never silently replaces a coach's file. */
  overwrite?: boolean
  fs?: AtomicWriteFs
}

// Hard links are unsupported on FAT/exFAT (watches and USB sticks) and some network shares.
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'])

function errnoCode(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code
}

function toExportError(e: unknown, path: string): ExportFileError {
  const file = basename(path)
  const folder = dirname(path)
  switch (errnoCode(e)) {
    case 'EEXIST':
      return new ExportFileError(
        'EXISTS',
        `A file named "${file}" already exists in ${folder}. Coach Desk did not replace it.`,
        { cause: e },
      )
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new ExportFileError(
        'NO_PERMISSION',
        `Coach Desk is not allowed to save "${file}" in ${folder}. Choose another folder or check its permissions.`,
        { cause: e },
      )
    case 'ENOSPC':
    case 'EDQUOT':
      return new ExportFileError(
        'DISK_FULL',
        `There is not enough free space on the disk to save "${file}". Free some space or choose another folder.`,
        { cause: e },
      )
    case 'ENOENT':
    case 'ENOTDIR':
      return new ExportFileError('IO', `The folder ${folder} is no longer there. Choose the export folder again.`, { cause: e })
    default:
      return new ExportFileError('IO', `Coach Desk could not save "${file}" (${errnoCode(e) ?? 'unknown error'}). Try again.`, {
        cause: e,
      })
  }
}

async function removeQuietly(fs: AtomicWriteFs, path: string): Promise<void> {
  try {
    await fs.unlink(path)
  } catch {
    // Already gone, or the folder turned read-only; nothing more can be done about it here.
  }
}

/** `.<name>.<12 hex>.tmp`: how a temporary file of this writer is named, so leftovers can be found. */
export const TEMP_FILE = /^\..*\.[0-9a-f]{12}\.tmp$/

function tempPathFor(path: string): string {
  // Hidden, and unique per call so two exports of the same name never share a temporary file. The
  // name is cut so the temporary file fits in 255 bytes even when the final name itself does.
  const suffix = `.${randomBytes(6).toString('hex')}.tmp`
  return join(dirname(path), `.${fitFileName(basename(path), MAX_FILE_NAME_BYTES - 1 - suffix.length)}${suffix}`)
}

/**
 * Gives the finished temporary file its final name without ever replacing an existing file.
 * A hard link fails atomically with EEXIST if the name is taken, so two writers racing for the same name cannot
 * both win. Where links are unsupported, the name is first claimed with an exclusive create (which is just as
 * atomic) and then the data is renamed over that empty placeholder; a reader may briefly see an empty file,
 * but never a partial one.
 */
async function publishWithoutReplacing(fs: AtomicWriteFs, temp: string, path: string): Promise<void> {
  try {
    await fs.link(temp, path)
    await removeQuietly(fs, temp)
    return
  } catch (e) {
    if (!NO_HARD_LINKS.has(errnoCode(e) ?? '')) throw e
  }
  const placeholder = await fs.open(path, 'wx')
  try {
    await placeholder.close()
    await fs.rename(temp, path)
  } catch (e) {
    await removeQuietly(fs, path)
    throw e
  }
}

/**
 * Writes `data` to `path` atomically. Throws ExportFileError (EXISTS, NO_PERMISSION, DISK_FULL or IO) with a
 * message for the coach; on any failure the temporary file is removed.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string, opts: WriteFileAtomicOptions = {}): Promise<void> {
  const fs = opts.fs ?? nodeFs
  const temp = tempPathFor(path)
  let handle: AtomicWriteFile | undefined
  let published = false
  try {
    handle = await fs.open(temp, 'wx')
    await handle.writeFile(data)
    await handle.sync()
    const closing = handle
    handle = undefined
    await closing.close()
    if (opts.overwrite) await fs.rename(temp, path)
    else await publishWithoutReplacing(fs, temp, path)
    published = true
  } catch (e) {
    throw toExportError(e, path)
  } finally {
    if (handle) await handle.close().catch(() => undefined)
    if (!published) await removeQuietly(fs, temp)
  }
}
