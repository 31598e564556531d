/// <reference lib="dom" />
import { chromium } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { silentLogger } from '../src-main/log'
import { IsolatedKeychainStore } from '../src-main/secrets/isolatedKeychain'
import { KEYCHAIN_WORKER_SOURCE, nodeKeychainWorker } from '../src-main/secrets/nodeKeychainWorker'
import { startSim } from '../src-main/sim'
import { startPrivateKeyring } from '../src-main/testing/privateKeyring'
import { CHROMIUM_ARGS, CHROMIUM_PATH, expect, test } from './fixtures'
import { startHost } from '../src-host/server'

// The real GNOME Keyring with the coach's key in a locked collection: keytar crashes natively on
// it. The app (here the browser host, whose keychain runs in a child process as Electron's runs in
// a utility process) must stay up, say the keychain is unavailable and offer the session-only key.
// GNOME Keyring is the Secret Service of Linux; macOS and Windows keychains have no such locked state.
test.skip(process.platform !== 'linux', 'the locked Secret Service case exists on Linux only')

test('a locked keychain shows the message and the session-only option, and the app carries on', async () => {
  const keyring = await startPrivateKeyring()
  const sim = await startSim()
  const secrets = new IsolatedKeychainStore(nodeKeychainWorker(KEYCHAIN_WORKER_SOURCE, { env: keyring.env }), {
    service: `Coach Desk e2e locked ${process.pid}`,
  })
  await secrets.set(sim.coachId, sim.apiKey)
  keyring.lock()
  const dataDir = mkdtempSync(join(tmpdir(), 'coach-desk-locked-'))
  const host = await startHost({
    secrets,
    baseUrl: sim.url,
    log: silentLogger,
    dataDir,
    startDemo: async () => ({ url: sim.url, coachId: sim.coachId, apiKey: sim.apiKey, close: async () => {} }),
  })
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage()
    const consoleErrors: string[] = []
    page.on('console', (m) => {
      // The failed connect is answered as an envelope, not a network error; nothing may complain but
      // Chromium's own request for a favicon the app does not have.
      if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) consoleErrors.push(`${m.text()} ${m.location().url}`)
    })
    await page.goto(host.openUrl)
    await expect(page.getByRole('heading', { name: 'Connect to intervals.icu' })).toBeVisible()
    await page.getByTestId('athlete-id').fill(sim.coachId)
    await page.getByTestId('api-key').fill(sim.apiKey)
    await page.getByTestId('connect').click()
    await expect(page.getByTestId('connect-error')).toContainText('No keychain available')
    await expect(page.getByTestId('connect-error')).toContainText(/locked/)
    await page.getByTestId('use-memory').click()
    await expect(page.getByTestId('roster-table')).toBeVisible()
    const status = await page.evaluate(() => window.coachDesk!.session.status({}))
    expect(status).toMatchObject({ ok: true, value: { state: 'connected', keyStorage: 'memory' } })
    expect(consoleErrors).toEqual([])
  } finally {
    await browser.close()
    await host.close()
    secrets.close()
    await sim.close()
    await keyring.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
})
