/// <reference lib="dom" />
import { readFileSync, existsSync } from 'node:fs'
import { test, expect } from './fixtures'

test('connecting with the simulator key shows the coach and the roster', async ({ app }) => {
  const { page, sim } = app
  await expect(page.getByRole('heading', { name: 'Connect to intervals.icu' })).toBeVisible()
  await page.getByTestId('athlete-id').fill(sim.coachId)
  await page.getByTestId('api-key').fill(sim.apiKey)
  await page.getByTestId('test-connection').click()
  await expect(page.getByTestId('test-ok')).toContainText('intervals.icu knows you as')
  await page.getByTestId('connect').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  await expect(page.getByTestId('roster-row')).toHaveCount(12)
  await expect(page.getByTestId('coach-name')).not.toHaveText('')
  // Main says which account holds a stored key, in both modes. The store itself can be read only in the
  // browser host: under Electron it lives in the app's own process, out of the spec's reach.
  const status = await page.evaluate(() => window.coachDesk!.session.status({}))
  expect(status).toMatchObject({ ok: true, value: { state: 'connected', athleteId: sim.coachId, keyStorage: 'keychain' } })
  if (app.mode === 'browser-host') expect(await app.storedAccounts()).toEqual([sim.coachId])

  // The key crossed into main once; it must not be in the renderer's page, any IPC answer, or the log.
  const html = await page.content()
  expect(html).not.toContain(sim.apiKey)
  expect(JSON.stringify(status)).not.toContain(sim.apiKey)
  expect(existsSync(app.logFile)).toBe(true)
  expect(readFileSync(app.logFile, 'utf8')).not.toContain(sim.apiKey)
})

test('a wrong key shows a clear error and stores nothing', async ({ app }) => {
  const { page, sim } = app
  await page.getByTestId('athlete-id').fill(sim.coachId)
  await page.getByTestId('api-key').fill('wrong-key-123456')
  await page.getByTestId('connect').click()
  await expect(page.getByTestId('connect-error')).toContainText('refused this API key')
  await expect(page.getByTestId('roster-table')).toHaveCount(0)
  // The store can be read only in the browser host (see above); the status says the same in both modes.
  if (app.mode === 'browser-host') expect(await app.storedAccounts()).toEqual([])
  const status = await page.evaluate(() => window.coachDesk!.session.status({}))
  expect(status).toMatchObject({ ok: true, value: { state: 'disconnected', keyStorage: null } })
})

test('an athlete id in the wrong shape is refused before anything is sent', async ({ app }) => {
  const { page, sim } = app
  await page.getByTestId('athlete-id').fill('me')
  await page.getByTestId('api-key').fill(sim.apiKey)
  await expect(page.getByText('An athlete id looks like i12345.')).toBeVisible()
  await expect(page.getByTestId('connect')).toBeDisabled()
  expect(sim.requests).toHaveLength(0)
})
