// `npm run preview:browser`: Coach Desk in a browser, for machines without the Electron binary.
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLogger } from '../../src-main/log'
import { KeytarSecretStore } from '../../src-main/secrets/keytar'
import { fixedFolderDialogs } from '../../src-main/services/exports/dialogs'
import { startSim } from '../../src-main/sim'
import { startHost } from './server'

const port = Number(process.env.PORT ?? 5174)
// A browser has no native Save dialog for main: exports go to one folder, printed below.
const exportDir = process.env.COACH_DESK_EXPORT_DIR || join(tmpdir(), 'coach-desk-exports')
const host = await startHost({
  port,
  secrets: new KeytarSecretStore(),
  baseUrl: process.env.ICU_BASE_URL || undefined,
  log: createLogger({ console: true }),
  startDemo: () => startSim({ latencyMs: 40 }),
  demoWhenDisconnected: process.env.COACH_DESK_DEMO === '1',
  dialogs: fixedFolderDialogs(exportDir),
})
console.log(`\nCoach Desk is running at ${host.url}  (Ctrl-C to stop); exports go to ${exportDir}\n`)
const stop = () => void host.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
