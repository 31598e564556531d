import type { Bridge } from '@contract'

declare global {
  interface Window {
    coachDesk?: Bridge
  }
}

/** The typed bridge the preload (or the browser host) put on window. Only stores call it. */
export function bridge(): Bridge {
  if (!window.coachDesk) throw new Error('Coach Desk bridge is missing: the preload did not run.')
  return window.coachDesk
}

export class BridgeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** Unwraps the result envelope: the value, or a BridgeError carrying the contract's code and message. */
export async function call<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await p
  if (r.ok) return r.value
  throw new BridgeError(r.error.code, r.error.message)
}
