import { createHash } from 'node:crypto'
import { lstat, readFile } from 'node:fs/promises'
import { writeFileAtomic, type AtomicWriteFs } from './atomicWrite'
import { resolveInside } from './fileNames'

// Exporting into the same folder again (a synced device folder, say) must not pile up " (2)"
// copies. Each athlete folder keeps a small hidden list of the files Coach Desk wrote there, per
// event and format, with a hash of what was written: a file still holding exactly that is ours to
// replace; a file the coach changed or put there is never touched.

export const MANIFEST_FILE = '.coach-desk-exports.json'
const MAX_MANIFEST_BYTES = 2 * 1024 * 1024

export interface ManifestEntry {
  /** The file's name inside the athlete folder. */
  name: string
  sha256: string
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** The bytes of a plain file in `dir` (never through a link), or null when there is none. */
export async function readPlainFile(dir: string, name: string): Promise<Uint8Array | null> {
  try {
    const path = resolveInside(dir, name)
    const info = await lstat(path)
    if (!info.isFile() || info.size > 64 * 1024 * 1024) return null
    return new Uint8Array(await readFile(path))
  } catch {
    return null
  }
}

export class FolderManifest {
  private dirty = false

  private constructor(
    private readonly dir: string,
    private readonly entries: Record<string, ManifestEntry>,
  ) {}

  /** A missing, unreadable or malformed list is an empty one: the files are then treated as the coach's. */
  static async load(dir: string): Promise<FolderManifest> {
    const raw = await readPlainFile(dir, MANIFEST_FILE)
    const entries: Record<string, ManifestEntry> = {}
    if (raw && raw.length <= MAX_MANIFEST_BYTES) {
      try {
        const parsed = JSON.parse(new TextDecoder().decode(raw)) as { files?: Record<string, unknown> }
        for (const [key, v] of Object.entries(parsed.files ?? {})) {
          const e = v as Partial<ManifestEntry> | null
          if (typeof e?.name === 'string' && typeof e.sha256 === 'string' && /^\d+\.\w+$/.test(key)) entries[key] = { name: e.name, sha256: e.sha256 }
        }
      } catch {
        // Not ours or damaged: start afresh; the next save writes a good one.
      }
    }
    return new FolderManifest(dir, entries)
  }

  get(eventId: number, ext: string): ManifestEntry | undefined {
    return this.entries[key(eventId, ext)]
  }

  set(eventId: number, ext: string, entry: ManifestEntry): void {
    const k = key(eventId, ext)
    if (this.entries[k]?.name === entry.name && this.entries[k]?.sha256 === entry.sha256) return
    this.entries[k] = entry
    this.dirty = true
  }

  /** Whether the file this event got last time is still there, exactly as written. */
  async stillOurs(entry: ManifestEntry): Promise<boolean> {
    const bytes = await readPlainFile(this.dir, entry.name)
    return !!bytes && sha256(bytes) === entry.sha256
  }

  async save(fs?: AtomicWriteFs): Promise<void> {
    if (!this.dirty) return
    const text = JSON.stringify({ version: 1, app: 'Coach Desk', files: this.entries }, null, 1)
    await writeFileAtomic(resolveInside(this.dir, MANIFEST_FILE), text, { overwrite: true, fs })
    this.dirty = false
  }
}

function key(eventId: number, ext: string): string {
  return `${eventId}${ext.startsWith('.') ? ext : `.${ext}`}`
}
