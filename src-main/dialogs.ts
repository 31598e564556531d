import { dirname, join } from 'node:path'
import type { BrowserWindow, Dialog } from 'electron'
import type { ExportDialogs } from './services/exports/dialogs'

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  zwo: { name: 'Zwift workout', extensions: ['zwo'] },
  mrc: { name: 'MRC course (% of FTP)', extensions: ['mrc'] },
  erg: { name: 'ERG course (watts)', extensions: ['erg'] },
  fit: { name: 'FIT workout (Garmin, Wahoo, …)', extensions: ['fit'] },
  zip: { name: 'Zip archive', extensions: ['zip'] },
}

/**
 * The native Save and folder dialogs, attached to the window. They start where the coach last saved
 * (else Downloads). macOS and Windows ask before a Save dialog picks an existing file; on Linux
 * showOverwriteConfirmation asks the same, so a chosen existing file may be replaced.
 */
export function electronDialogs(
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>,
  getWindow: () => BrowserWindow | null,
  startFolder: () => string,
): ExportDialogs {
  let last: string | null = null
  return {
    async chooseSavePath(defaultName, kind) {
      const options = {
        title: kind === 'zip' ? 'Save the workouts as a zip' : 'Save the workout',
        defaultPath: join(last ?? startFolder(), defaultName),
        filters: [FILTERS[kind]!],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
      }
      const win = getWindow()
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      if (r.canceled || !r.filePath) return null
      last = dirname(r.filePath)
      return { path: r.filePath, replaceConfirmed: true }
    },
    async chooseFolder() {
      const options = {
        title: 'Choose a folder for the workouts',
        buttonLabel: 'Export here',
        defaultPath: last ?? startFolder(),
        properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
      }
      const win = getWindow()
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      const folder = r.canceled ? undefined : r.filePaths[0]
      if (!folder) return null
      last = folder
      return folder
    },
  }
}
