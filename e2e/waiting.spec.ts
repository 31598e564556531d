/// <reference lib="dom" />
import { test, expect } from './fixtures'

// When intervals.icu answers 429 with a long Retry-After, the coach sees one line with a countdown
// (not a pile of toasts), and "Stop waiting" cancels what was queued without sending it.

test('a long 429 shows one notice with a countdown, and stop waiting cancels the queued requests', async ({ app }) => {
  const { page, sim } = app
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()

  // Every calendar read is refused with an hour's Retry-After.
  sim.addFault({ method: 'GET', path: /\/athlete\/[^/]+\/events$/, status: 429, retryAfter: 3600 })
  await page.getByTestId('nav-calendar').click()

  const notice = page.getByTestId('waiting-notice')
  await expect(notice).toHaveCount(1)
  await expect(page.getByTestId('waiting-text')).toHaveText(/^intervals\.icu is busy: retrying in (59|60) s$/)
  // The pause is capped at a minute, not an hour, and counts down.
  await expect(page.getByTestId('waiting-text')).toHaveText(/retrying in (5[0-7]) s$/, { timeout: 10_000 })
  await expect(page.locator('.toast')).toHaveCount(1)
  const refused = sim.requests.filter((r) => r.status === 429).length
  expect(refused).toBeGreaterThan(0)

  await page.getByTestId('stop-waiting').click()
  await expect(notice).toHaveCount(0)
  await expect(page.locator('.toast').filter({ hasText: /Stopped waiting for intervals\.icu: \d+ requests? cancelled, none sent\./ })).toBeVisible()
  // Nothing that was waiting is sent afterwards.
  const sentBefore = sim.requests.filter((r) => /\/events$/.test(r.path)).length
  await page.waitForTimeout(1500)
  expect(sim.requests.filter((r) => /\/events$/.test(r.path)).length).toBe(sentBefore)
})
