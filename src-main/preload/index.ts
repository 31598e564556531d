import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { buildBridge } from './bridge'

contextBridge.exposeInMainWorld(
  'coachDesk',
  buildBridge({
    invoke: (channel, args) => ipcRenderer.invoke(channel, args),
    subscribe: (event, listener) => {
      const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload)
      ipcRenderer.on(event, wrapped)
      return () => ipcRenderer.removeListener(event, wrapped)
    },
  }),
)
