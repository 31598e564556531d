/**
 * The keychain runs in a process of its own (keytar can crash natively on a locked Secret Service
 * collection), and main talks to it with these messages. The key travels only in a `set` request,
 * never in the worker's argv or environment.
 */
export type KeychainRequest =
  | { id: number; op: 'accounts'; service: string }
  | { id: number; op: 'get'; service: string; account: string }
  | { id: number; op: 'set'; service: string; account: string; secret: string }
  | { id: number; op: 'delete'; service: string; account: string }

export type KeychainReply =
  | { id: number; ok: true; value: string | string[] | boolean | null }
  | { id: number; ok: false; message: string; detail?: string }

/** One running worker as main sees it: Electron's utility process or a Node child process. */
export interface KeychainWorker {
  send(request: KeychainRequest): void
  onMessage(listener: (message: unknown) => void): void
  /** Called once when the process is gone: its exit code, or the signal that ended it. */
  onExit(listener: (how: { code: number | null; signal: string | null }) => void): void
  kill(): void
}

export type LaunchKeychainWorker = () => KeychainWorker

/** The worker's file name beside the built main bundle (an extra entry of the main build). */
export const KEYCHAIN_WORKER_FILE = 'keychain-worker.js'

export function isKeychainReply(m: unknown): m is KeychainReply {
  if (typeof m !== 'object' || m === null) return false
  const r = m as Record<string, unknown>
  return typeof r.id === 'number' && (r.ok === true ? 'value' in r : r.ok === false && typeof r.message === 'string')
}
