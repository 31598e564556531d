// Where the Electron binary is, or null when its install skipped the download
// (ELECTRON_SKIP_BINARY_DOWNLOAD=1). Reads electron's path.txt instead of requiring the package,
// because requiring it tries to download a missing binary.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export function electronBinary() {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
    const pathFile = join(dir, 'path.txt')
    if (!existsSync(pathFile)) return null
    const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(dir, 'dist')
    const binary = join(dist, readFileSync(pathFile, 'utf8'))
    return existsSync(binary) ? binary : null
  } catch {
    return null
  }
}
