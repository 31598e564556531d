import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, NativeImage } from 'electron'
import { CHANNELS } from './contract/channels'
import type { Core } from './core'
import { dragStarter } from './dragOut'
import type { Logger } from './log'
import { isTrustedSender } from './security'

/** One ipcMain.handle per contract channel, each behind the same sender check. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  core: Pick<Core, 'invoke'>,
  getWindow: () => BrowserWindow | null,
  log: Logger,
  devServerUrl?: string,
  /** The drag icon and main's drag folder: the drag channel gets a startDrag bound to its sender. */
  dragOut?: { icon: Pick<NativeImage, 'isEmpty'>; root: string },
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, args: unknown) => {
      const win = getWindow()
      const ours = !!win && !win.isDestroyed() && event.sender === win.webContents
      if (!isTrustedSender(event.senderFrame, ours, devServerUrl)) {
        log.warn('ipc.untrusted_sender', { channel })
        return { ok: false, error: { code: 'FORBIDDEN', message: 'This request did not come from Coach Desk.' } }
      }
      if (channel === 'exports:startDrag' && dragOut) {
        return core.invoke(channel, args, { startDrag: dragStarter(event.sender, dragOut.icon, dragOut.root) })
      }
      return core.invoke(channel, args)
    })
  }
}
