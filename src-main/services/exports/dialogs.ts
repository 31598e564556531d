import { mkdir } from 'node:fs/promises'
import { extname, join } from 'node:path'
import type { ExportFormat } from '../../contract/exports'
import { uniqueFileName } from './fileNames'

/** The coach's choice from a Save dialog. */
export interface SaveTarget {
  path: string
  /** The dialog asked before letting the coach pick an existing file, so replacing it is not silent. */
  replaceConfirmed: boolean
}

/**
 * Where exports go, asked in main: the renderer never sends a path. Electron shows native dialogs;
 * the browser host, the tests and the benchmark use one fixed folder.
 */
export interface ExportDialogs {
  /** A path for one file (a workout or a zip), or null when the coach cancelled. */
  chooseSavePath(defaultName: string, kind: ExportFormat | 'zip'): Promise<SaveTarget | null>
  /** A folder for many files, or null when the coach cancelled. */
  chooseFolder(): Promise<string | null>
}

/** Every export goes to `dir`; a taken name gets " (2)" rather than being replaced. */
export function fixedFolderDialogs(dir: string): ExportDialogs {
  return {
    async chooseSavePath(defaultName) {
      await mkdir(dir, { recursive: true })
      const ext = extname(defaultName)
      const name = await uniqueFileName(dir, defaultName.slice(0, defaultName.length - ext.length), ext)
      return { path: join(dir, name), replaceConfirmed: false }
    },
    async chooseFolder() {
      await mkdir(dir, { recursive: true })
      return dir
    },
  }
}
