// `npm run preview:browser`: Coach Desk in a browser, for machines without the Electron binary.
import { homedir } from 'node:os'
import { join } from 'node:path'
import { createLogger } from '../../src-main/log'
import { IsolatedKeychainStore } from '../../src-main/secrets/isolatedKeychain'
import { KEYCHAIN_WORKER_FILE } from '../../src-main/secrets/keychainProtocol'
import { nodeKeychainWorker } from '../../src-main/secrets/nodeKeychainWorker'
import { fixedFolderDialogs } from '../../src-main/services/exports/dialogs'
import { startSim } from '../../src-main/sim'
import { startHost } from './server'

const port = Number(process.env.PORT ?? 5174)
// The coach's own folder for what main writes (templates, drag files, the log), as Electron's userData.
const dataDir = process.env.COACH_DESK_DATA_DIR || join(process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'coach-desk')
// A browser has no native Save dialog for main: exports go to one folder, printed below.
const exportDir = process.env.COACH_DESK_EXPORT_DIR || join(dataDir, 'exports')
const host = await startHost({
  port,
  // The keychain runs in a child process (built with main): keytar can crash natively on a locked keyring.
  secrets: new IsolatedKeychainStore(nodeKeychainWorker(join(import.meta.dirname, '../../out/main', KEYCHAIN_WORKER_FILE))),
  baseUrl: process.env.ICU_BASE_URL || undefined,
  dataDir,
  log: createLogger({ console: true, file: join(dataDir, 'logs', 'main.log') }),
  startDemo: () => startSim({ latencyMs: 40 }),
  demoWhenDisconnected: process.env.COACH_DESK_DEMO === '1',
  dialogs: fixedFolderDialogs(exportDir),
})
console.log(`\nCoach Desk is running at ${host.url}  (Ctrl-C to stop); exports go to ${exportDir}\n`)
const stop = () => void host.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
