import { utilityProcess } from 'electron'
import type { KeychainWorker, LaunchKeychainWorker } from './keychainProtocol'

/** Starts the keychain worker as an Electron utility process, so a native crash in it spares main. */
export function utilityKeychainWorker(entry: string): LaunchKeychainWorker {
  return (): KeychainWorker => {
    const child = utilityProcess.fork(entry, [], { serviceName: 'Coach Desk keychain', stdio: 'ignore' })
    return {
      send: (request) => void child.postMessage(request),
      onMessage: (listener) => void child.on('message', listener),
      // Electron reports only an exit code; a signal shows as a non-zero code.
      onExit: (listener) => void child.once('exit', (code) => listener({ code, signal: null })),
      kill: () => void child.kill(),
    }
  }
}
