/// <reference lib="dom" />
import { test, expect } from './fixtures'

test("a coached athlete's id with the coach's key is refused, naming whose key it is", async ({ app }) => {
  const { page, sim } = app
  const lena = sim.state.coached.find((a) => a.athlete.firstname === 'Lena')!
  const coach = sim.state.coach
  await page.getByTestId('athlete-id').fill(lena.id)
  await page.getByTestId('api-key').fill(sim.apiKey)
  await page.getByTestId('test-connection').click()
  await expect(page.getByTestId('connect-error')).toContainText(
    `This key belongs to ${coach.athlete.firstname} ${coach.athlete.lastname} (${coach.id}); you entered Lena Fischer's id (${lena.id}).`,
  )
  await expect(page.getByTestId('test-ok')).toHaveCount(0)
  await page.getByTestId('connect').click()
  await expect(page.getByTestId('connect-error')).toContainText('This key belongs to')
  await expect(page.getByTestId('roster-table')).toHaveCount(0)
  if (app.mode === 'browser-host') expect(await app.storedAccounts()).toEqual([])
})

test('I12345 is accepted and the owner’s id is stored; a short key says why Connect is disabled', async ({ app }) => {
  const { page, sim } = app
  await page.getByTestId('athlete-id').fill(sim.coachId.toUpperCase())
  await page.getByTestId('api-key').fill('short')
  await expect(page.getByTestId('key-short')).toContainText('too short')
  await expect(page.getByTestId('connect')).toBeDisabled()
  await expect(page.getByTestId('connect')).toHaveAttribute('title', /too short/)
  await page.getByTestId('api-key').fill(sim.apiKey)
  await page.getByTestId('connect').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  if (app.mode === 'browser-host') expect(await app.storedAccounts()).toEqual([sim.coachId])
  // Read-only athletes are marked where the coach meets them: the roster and the calendar.
  const readOnly = sim.state.coached.filter((a) => a.athlete.icu_permission === 'READ')
  expect(readOnly.length).toBeGreaterThan(0)
  for (const a of readOnly) await expect(page.locator(`[data-testid="roster-row"][data-athlete="${a.id}"] [data-testid="read-only"]`)).toBeVisible()
  await expect(page.locator('[data-testid="roster-row"] [data-testid="read-only"]')).toHaveCount(readOnly.length)
  await page.getByTestId('nav-calendar').click()
  for (const a of readOnly) await expect(page.locator(`[data-testid="calendar-row"][data-athlete="${a.id}"] [data-testid="read-only"]`)).toBeVisible()
})
