// The browser host's stand-in for the preload: the same bridge, with HTTP as its transport.
import { buildBridge } from '../src-main/preload/bridge'

// The host puts this run's token on the script tag; every call carries it.
const token = (document.currentScript as HTMLScriptElement | null)?.dataset.token ?? ''
const events = new EventSource(`/events?token=${encodeURIComponent(token)}`)

const bridge = buildBridge({
  async invoke(channel, args) {
    const res = await fetch(`/ipc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Coach-Desk-Token': token },
      body: JSON.stringify(args ?? {}),
    })
    return res.json()
  },
  subscribe(event, listener) {
    const handler = (m: MessageEvent<string>) => listener(JSON.parse(m.data))
    events.addEventListener(event, handler)
    return () => events.removeEventListener(event, handler)
  },
})

Object.defineProperty(window, 'coachDesk', { value: Object.freeze(bridge), writable: false, configurable: false })
