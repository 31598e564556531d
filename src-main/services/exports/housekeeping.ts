import { readdir, rm, stat, unlink } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import { TEMP_FILE, writeFileAtomic } from './atomicWrite'
import { dragFolder } from './drag'
import { readPlainFile } from './manifest'

// What a killed or finished app leaves behind: the hidden temporary file of a write cut short,
// in a folder the coach exported into, and main's drag folders. Both are cleaned when the app
// starts and when it quits. The folders exported into are remembered in the data folder for this.

const FOLDERS_FILE = 'export-folders.json'
const MAX_FOLDERS = 20

async function rememberedFolders(dataDir: string): Promise<string[]> {
  const raw = await readPlainFile(dataDir, FOLDERS_FILE)
  if (!raw) return []
  try {
    const list = JSON.parse(new TextDecoder().decode(raw)) as unknown
    return Array.isArray(list) ? list.filter((d): d is string => typeof d === 'string' && isAbsolute(d)).slice(0, MAX_FOLDERS) : []
  } catch {
    return []
  }
}

/** Notes a folder an export writes into (the chosen folder, or the Save dialog's), most recent first. */
export async function rememberExportFolder(dataDir: string, dir: string): Promise<void> {
  const list = await rememberedFolders(dataDir)
  if (list[0] === dir) return
  const next = [dir, ...list.filter((d) => d !== dir)].slice(0, MAX_FOLDERS)
  await writeFileAtomic(join(dataDir, FOLDERS_FILE), JSON.stringify(next), { overwrite: true }).catch(() => undefined)
}

async function entries(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true })
  } catch {
    return []
  }
}

export interface Leftovers {
  tempFiles: number
  dragFolders: number
}

/**
 * Removes stale temporary files from the folders exported into (and their athlete folders, one
 * level down) and every drag folder older than `minAgeMs`. At start nothing is being written, so
 * everything found goes; at quit too, since a drop has long finished by then.
 */
export async function cleanExportLeftovers(dataDir: string, opts: { now?: number; minAgeMs?: number } = {}): Promise<Leftovers> {
  const now = opts.now ?? Date.now()
  const minAgeMs = opts.minAgeMs ?? 0
  let tempFiles = 0
  for (const dir of await rememberedFolders(dataDir)) {
    tempFiles += await sweepOneLevel(dir, now, minAgeMs)
  }
  let dragFolders = 0
  for (const e of await entries(dragFolder(dataDir))) {
    const path = join(dragFolder(dataDir), e.name)
    try {
      if (now - (await stat(path)).mtimeMs < minAgeMs) continue
      await rm(path, { recursive: true, force: true })
      dragFolders++
    } catch {
      // In use by a file manager still copying; the next sweep tries again.
    }
  }
  return { tempFiles, dragFolders }
}

/** Temporary files of the atomic writer older than `minAgeMs`, in `dir` and its athlete folders. */
async function sweepOneLevel(dir: string, now: number, minAgeMs: number): Promise<number> {
  let removed = await sweepFilesIn(dir, now, minAgeMs)
  for (const e of await entries(dir)) if (e.isDirectory()) removed += await sweepFilesIn(join(dir, e.name), now, minAgeMs)
  return removed
}

async function sweepFilesIn(dir: string, now: number, minAgeMs: number): Promise<number> {
  let removed = 0
  for (const e of await entries(dir)) {
    if (!e.isFile() || !TEMP_FILE.test(e.name)) continue
    const path = join(dir, e.name)
    try {
      if (now - (await stat(path)).mtimeMs >= minAgeMs) {
        await unlink(path)
        removed++
      }
    } catch {
      // Gone already, or not ours to remove; the next sweep tries again.
    }
  }
  return removed
}
