import { BridgeError } from '../api'

export interface StoreError {
  code: string
  message: string
}

/** The contract's code and coach-facing message, whatever was thrown. */
export function errorOf(e: unknown): StoreError {
  return e instanceof BridgeError ? { code: e.code, message: e.message } : { code: 'INTERNAL', message: String(e) }
}
