import { BridgeError } from '../api'

export interface StoreError {
  code: string
  message: string
}

/**
 * The contract's code and coach-facing message. Anything else thrown is a fault of Coach Desk itself:
 * the coach gets a plain sentence and the details go to the console, not a raw JavaScript error.
 */
export function errorOf(e: unknown): StoreError {
  if (e instanceof BridgeError) return { code: e.code, message: e.message }
  console.error(e)
  return { code: 'INTERNAL', message: 'Something went wrong in Coach Desk. Try again; if it keeps happening, restart the app.' }
}
