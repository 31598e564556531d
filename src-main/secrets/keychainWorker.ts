// The keychain process: answers KeychainRequests with keytar. It runs as an Electron utility process
// (process.parentPort) or a Node child process (process.send), so a native crash in keytar or
// libsecret ends this process and not the app.
import { AppError } from '../contract/errors'
import type { KeychainReply, KeychainRequest } from './keychainProtocol'
import { KeytarSecretStore } from './keytar'

const stores = new Map<string, KeytarSecretStore>()

async function answer(req: KeychainRequest): Promise<KeychainReply> {
  let store = stores.get(req.service)
  if (!store) stores.set(req.service, (store = new KeytarSecretStore(req.service)))
  try {
    switch (req.op) {
      case 'accounts':
        return { id: req.id, ok: true, value: await store.accounts() }
      case 'get':
        return { id: req.id, ok: true, value: await store.get(req.account) }
      case 'set':
        await store.set(req.account, req.secret)
        return { id: req.id, ok: true, value: null }
      case 'delete':
        return { id: req.id, ok: true, value: await store.delete(req.account) }
    }
  } catch (e) {
    const err = e instanceof AppError ? e : new AppError('KEYCHAIN_UNAVAILABLE', 'The keychain failed.', String(e))
    return { id: req.id, ok: false, message: err.message, detail: err.detail }
  }
}

/** Electron's channel to main in a utility process; absent in a Node child process. */
interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

const parentPort = (process as { parentPort?: ParentPort }).parentPort
if (parentPort) {
  parentPort.on('message', (e) => void answer(e.data as KeychainRequest).then((r) => parentPort.postMessage(r)))
} else if (process.send) {
  process.on('message', (m) => void answer(m as KeychainRequest).then((r) => process.send?.(r)))
  // Main went away: nothing left to answer.
  process.on('disconnect', () => process.exit(0))
} else {
  console.error('The keychain worker must be started by Coach Desk.')
  process.exit(2)
}
