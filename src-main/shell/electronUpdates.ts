import type { BrowserWindow, Dialog } from 'electron'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Logger } from '../log'
import { UpdateChecker, updatesEnabled, type UpdateFeed } from './updates'

/**
 * The update checker of a packaged copy, or null where updates are off (development, no feed in
 * the package, COACH_DESK_UPDATES=off). electron-updater is loaded only then: reading its
 * `autoUpdater` already sets it up for the platform.
 */
export async function electronUpdates(opts: {
  isPackaged: boolean
  resourcesPath: string
  dataDir: string
  currentVersion: string
  dialog: Pick<Dialog, 'showMessageBox'>
  getWindow(): BrowserWindow | null
  log: Logger
}): Promise<UpdateChecker | null> {
  const hasFeed = existsSync(join(opts.resourcesPath, 'app-update.yml'))
  if (!updatesEnabled({ isPackaged: opts.isPackaged, hasFeed, env: process.env })) return null
  const { default: updater } = await import('electron-updater')
  const file = join(opts.dataDir, 'update-check.json')
  const ask = async (options: Electron.MessageBoxOptions) => {
    const win = opts.getWindow()
    return win ? opts.dialog.showMessageBox(win, options) : opts.dialog.showMessageBox(options)
  }
  return new UpdateChecker({
    feed: updater.autoUpdater as unknown as UpdateFeed,
    currentVersion: opts.currentVersion,
    log: opts.log,
    lastCheck: {
      async read() {
        try {
          const at = (JSON.parse(await readFile(file, 'utf8')) as { at?: unknown }).at
          return typeof at === 'number' ? at : null
        } catch {
          return null
        }
      },
      async write(at) {
        await mkdir(dirname(file), { recursive: true })
        await writeFile(file, JSON.stringify({ at }))
      },
    },
    prompts: {
      async offer(version, current) {
        const { response } = await ask({
          type: 'info',
          message: `Coach Desk ${version} is available`,
          detail: `You have ${current}. Coach Desk downloads the new version, then closes and installs it.`,
          buttons: ['Download and Install', 'Later'],
          defaultId: 0,
          cancelId: 1,
        })
        return response === 0
      },
      async tell(message) {
        await ask({ type: 'info', message, buttons: ['OK'] })
      },
    },
  })
}
