import { fork } from 'node:child_process'
import { resolve } from 'node:path'
import type { KeychainWorker, LaunchKeychainWorker } from './keychainProtocol'

/** The worker's TypeScript source, for tests that run without a build. */
export const KEYCHAIN_WORKER_SOURCE = resolve(import.meta.dirname, 'keychainWorker.ts')

/**
 * Starts the keychain worker as a Node child process (the browser host and tests). A `.ts` entry
 * runs through tsx. Nothing secret goes into argv or env: the key is sent over the IPC channel.
 */
export function nodeKeychainWorker(entry: string, opts: { env?: NodeJS.ProcessEnv } = {}): LaunchKeychainWorker {
  return (): KeychainWorker => {
    const child = fork(entry, [], {
      execArgv: entry.endsWith('.ts') ? ['--import', 'tsx'] : [],
      env: opts.env ?? process.env,
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      serialization: 'json',
    })
    // An idle worker does not keep main alive; a call in flight holds its own timer.
    child.unref()
    child.channel?.unref()
    let exited = false
    const exitListeners: ((how: { code: number | null; signal: string | null }) => void)[] = []
    const ended = (code: number | null, signal: string | null) => {
      if (exited) return
      exited = true
      for (const l of exitListeners) l({ code, signal })
    }
    child.on('exit', ended)
    child.on('error', () => ended(null, null))
    return {
      send: (request) => {
        if (!child.connected) throw new Error('the keychain process is not connected')
        child.send(request)
      },
      onMessage: (listener) => void child.on('message', listener),
      onExit: (listener) => void exitListeners.push(listener),
      kill: () => void child.kill('SIGKILL'),
    }
  }
}
