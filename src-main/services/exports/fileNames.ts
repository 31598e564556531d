import { lstat } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'

// Export file names come from workout and athlete names that anyone can type on intervals.icu, so they are
// treated as hostile: the result must be one plain file name that every desktop OS accepts.

/** Byte budget for the name before the extension and any " (2)" suffix: well under the 255-byte limit of
 * common file systems, and short enough for Windows paths. */
export const MAX_NAME_BYTES = 120

// C0/C1 controls, plus the bidirectional overrides and isolates that can make "gpj.exe" display as "exe.jpg".
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const CONTROL_AND_BIDI = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g
const PATH_SEPARATORS = /[/\\]/g
const WINDOWS_RESERVED = /[<>:"|?*]/g
// Windows refuses these device names as the part before the first dot, whatever the extension.
const DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
const encoder = new TextEncoder()

function byteLength(text: string): number {
  return encoder.encode(text).length
}

/** Cuts to at most `maxBytes` UTF-8 bytes on a grapheme boundary, so no character or emoji is split. */
function truncateBytes(text: string, maxBytes: number): string {
  if (byteLength(text) <= maxBytes) return text
  let out = ''
  let used = 0
  for (const { segment } of segmenter.segment(text)) {
    const size = byteLength(segment)
    if (used + size > maxBytes) break
    out += segment
    used += size
  }
  return out
}

function trimEdges(text: string): string {
  // Leading dots would hide the file on macOS and Linux; Windows drops trailing dots and spaces silently.
  return text.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '')
}

function hasUsableCharacter(text: string): boolean {
  return /[^\s.\-_()]/u.test(text)
}

function clean(name: string): string {
  let text = name.normalize('NFC')
  text = text.replace(CONTROL_AND_BIDI, '')
  // Path segments become words joined by dashes; "." and ".." segments carry no meaning in a name and go.
  text = text
    .split(PATH_SEPARATORS)
    .filter((segment) => !/^\s*\.{0,2}\s*$/.test(segment))
    .join('-')
  text = text.replace(WINDOWS_RESERVED, ' ')
  text = text.replace(/\.{2,}/g, '.')
  text = text.replace(/\s+/g, ' ')
  text = trimEdges(text)
  const [stem = ''] = text.split('.')
  if (DEVICE_NAME.test(stem.trim())) text = `_${text}`
  return trimEdges(truncateBytes(text, MAX_NAME_BYTES))
}

/**
 * Turns any text into one safe file name component (no extension added). Falls back to `fallback`
 * (for example `workout-123`) when nothing usable remains.
 */
export function sanitizeFileName(name: string, fallback: string): string {
  const cleaned = clean(name)
  if (hasUsableCharacter(cleaned)) return cleaned
  const cleanedFallback = clean(fallback)
  return hasUsableCharacter(cleanedFallback) ? cleanedFallback : 'export'
}

/** The longest file name most file systems accept (ext4, APFS, NTFS count bytes or UTF-16 units up to 255). */
export const MAX_FILE_NAME_BYTES = 255

/**
 * `fileName` shortened to at most `maxBytes` UTF-8 bytes, keeping its extension and cutting the
 * stem on a character boundary, so a long name chosen in a Save dialog still fits the disk.
 */
export function fitFileName(fileName: string, maxBytes = MAX_FILE_NAME_BYTES): string {
  if (byteLength(fileName) <= maxBytes) return fileName
  const dot = fileName.lastIndexOf('.')
  const ext = dot > 0 && byteLength(fileName.slice(dot)) <= 16 ? fileName.slice(dot) : ''
  const stem = fileName.slice(0, fileName.length - ext.length)
  return `${trimEdges(truncateBytes(stem, maxBytes - byteLength(ext)))}${ext}`
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path)
    return true
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw e
  }
}

/**
 * A file name in `dir` that is not on disk and not in `taken`, adding " (2)", " (3)" … to `base`. The chosen
 * name is added to `taken`, so one batch export never hands out the same name twice. Names are compared without
 * case because the file systems of Windows and macOS ignore it. The check is advisory: the write itself must
 * still refuse to replace a file (see writeFileAtomic).
 */
export async function uniqueFileName(dir: string, base: string, ext: string, taken: Set<string> = new Set()): Promise<string> {
  const suffix = ext === '' || ext.startsWith('.') ? ext : `.${ext}`
  const lowerTaken = new Set([...taken].map((n) => n.toLowerCase()))
  for (let n = 1; n < 10_000; n++) {
    const candidate = n === 1 ? `${base}${suffix}` : `${base} (${n})${suffix}`
    if (lowerTaken.has(candidate.toLowerCase())) continue
    if (await exists(resolveInside(dir, candidate))) continue
    taken.add(candidate)
    return candidate
  }
  throw new Error(`No free file name for "${base}${suffix}" in ${dir}`)
}

/**
 * The absolute path of `fileName` inside `dir`. Throws when it would land outside `dir` or on `dir` itself.
 * The check is on the path text; it does not follow symbolic links, so `dir` should be a folder the app owns.
 */
export function resolveInside(dir: string, fileName: string): string {
  const root = resolve(dir)
  const target = resolve(root, fileName)
  const rel = relative(root, target)
  const outside = rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)
  if (outside || fileName.includes('\0')) {
    throw new Error(`Refusing a file name that does not stay inside the export folder: ${JSON.stringify(fileName)}`)
  }
  return target
}
