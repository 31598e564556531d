import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron'
import { CHANNELS } from './contract/channels'
import type { Core } from './core'
import type { Logger } from './log'
import { isTrustedSender } from './security'

/** One ipcMain.handle per contract channel, each behind the same sender check. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  core: Pick<Core, 'invoke'>,
  getWindow: () => BrowserWindow | null,
  log: Logger,
  devServerUrl?: string,
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, args: unknown) => {
      const win = getWindow()
      const ours = !!win && !win.isDestroyed() && event.sender === win.webContents
      if (!isTrustedSender(event.senderFrame, ours, devServerUrl)) {
        log.warn('ipc.untrusted_sender', { channel })
        return { ok: false, error: { code: 'FORBIDDEN', message: 'This request did not come from Coach Desk.' } }
      }
      return core.invoke(channel, args)
    })
  }
}
