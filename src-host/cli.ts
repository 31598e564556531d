// `npm run preview:browser`: Coach Desk in a browser, for machines without the Electron binary.
import { spawn } from 'node:child_process'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { createLogger } from '../src-main/log'
import { IsolatedKeychainStore } from '../src-main/secrets/isolatedKeychain'
import { KEYCHAIN_WORKER_FILE } from '../src-main/secrets/keychainProtocol'
import { nodeKeychainWorker } from '../src-main/secrets/nodeKeychainWorker'
import { fixedFolderDialogs } from '../src-main/services/exports/dialogs'
import { startSim } from '../src-main/sim'
import { demoAthletes } from '../src-main/demoSize'
import { startHost } from './server'

const port = Number(process.env.PORT ?? 5174)
// COACH_DESK_DEMO_ATHLETES: checked now, so a bad value stops the start with its reason.
const demoSize = demoAthletes()
// The coach's own folder for what main writes (templates, drag files, the log), as Electron's userData.
const dataDir = process.env.COACH_DESK_DATA_DIR || join(process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'coach-desk')
// A browser has no native Save dialog for main: exports go to one folder, printed below.
const exportDir = process.env.COACH_DESK_EXPORT_DIR || join(dataDir, 'exports')
const host = await startHost({
  port,
  // The keychain runs in a child process (built with main): keytar can crash natively on a locked keyring.
  secrets: new IsolatedKeychainStore(nodeKeychainWorker(join(import.meta.dirname, '../out/main', KEYCHAIN_WORKER_FILE))),
  baseUrl: process.env.ICU_BASE_URL || undefined,
  dataDir,
  log: createLogger({ console: true, file: join(dataDir, 'logs', 'main.log') }),
  startDemo: () => startSim({ latencyMs: 40, athletes: demoSize }),
  demoWhenDisconnected: process.env.COACH_DESK_DEMO === '1',
  dialogs: fixedFolderDialogs(exportDir),
})
// The link carries a one-time secret: the first browser to open it is the only one let in.
console.log(`\nCoach Desk is running (Ctrl-C to stop); exports go to ${exportDir}`)
console.log(`Open it in your browser with this link, which works once:\n\n  ${host.openUrl}\n`)
if (process.argv.includes('--open')) openInBrowser(host.openUrl)
const stop = () => void host.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)

/** The system's default browser, when there is one to ask; otherwise the printed link is the way in. */
function openInBrowser(url: string): void {
  const [cmd, args]: [string, string[]] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]]
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true })
  child.on('error', () => console.log('No browser could be opened here; open the link above.'))
  child.unref()
}
