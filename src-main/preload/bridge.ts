import { CHANNELS, EVENTS, splitChannel } from '../contract/channels'
import type { Bridge } from '../contract/bridge'

/** How the bridge reaches main: ipcRenderer in Electron, HTTP in the browser host. */
export interface Transport {
  invoke(channel: string, args: unknown): Promise<unknown>
  subscribe(event: string, listener: (payload: unknown) => void): () => void
}

/** One named function per contract channel and one subscriber per event; nothing generic is exposed. */
export function buildBridge(transport: Transport): Bridge {
  const events: Record<string, unknown> = {}
  const bridge: Record<string, Record<string, unknown>> = { events }
  for (const channel of CHANNELS) {
    const [domain, verb] = splitChannel(channel)
    const methods = (bridge[domain] ??= {})
    methods[verb] = (args: unknown) => transport.invoke(channel, args ?? {})
  }
  for (const event of EVENTS) {
    events[event] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function')
      return transport.subscribe(event, listener)
    }
  }
  return bridge as unknown as Bridge
}
