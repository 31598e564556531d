/// <reference lib="dom" />
import type { Page } from '@playwright/test'
import { test, expect, type AppUnderTest } from './fixtures'

const CYCLIST = 'i100001'
const ROW_HEIGHT = 36

async function openAthlete(page: Page, athleteId: string) {
  await page.getByTestId('open-demo').click()
  await page.locator(`[data-testid="roster-row"][data-athlete="${athleteId}"]`).click()
  await expect(page.getByTestId('athlete-title')).toBeVisible()
  await expect(page.getByTestId('activity-row').first()).toBeVisible()
}

/** The longest ride in the list's default range (the last three months), and its place in the list. */
function longRide(app: AppUnderTest) {
  const list = app.sim.state.athlete(CYCLIST)!.activities
  const newest = list.at(-1)!.start_date_local!.slice(0, 10)
  const oldest = new Date(Date.parse(`${newest}T00:00:00Z`) - 95 * 86_400_000).toISOString().slice(0, 10)
  const shown = list.filter((a) => a.start_date_local! >= oldest).reverse()
  const ride = shown.filter((a) => a.type === 'Ride').reduce((a, b) => ((b.moving_time ?? 0) > (a.moving_time ?? 0) ? b : a))
  return { ride, index: shown.indexOf(ride) }
}

test('the athlete page shows the header, a virtual activity list and the long ride with decimated streams and intervals', async ({ app }) => {
  const { page } = app
  await openAthlete(page, CYCLIST)
  await expect(page.getByTestId('athlete-kpis')).toContainText('Fitness')
  await expect(page.getByTestId('athlete-thresholds')).toContainText('FTP')
  await expect(page.getByTestId('athlete-notes')).toContainText('national road series')

  // Only the rows in view are in the page, however long the list is.
  const list = page.getByTestId('activity-list')
  const count = Number(await list.getAttribute('data-count'))
  expect(count).toBeGreaterThan(40)
  expect(await page.getByTestId('activity-row').count()).toBeLessThan(count)

  const { ride, index } = longRide(app)
  expect(ride.moving_time).toBeGreaterThan(3 * 3600)
  await page.locator('.vscroll').evaluate((el, top) => (el.scrollTop = top), index * ROW_HEIGHT)
  await page.locator(`[data-activity="${ride.id}"]`).click()

  await expect(page.getByTestId('activity-title')).toHaveText(ride.name!)
  const chart = page.getByTestId('stream-chart')
  await expect(chart).toBeVisible()
  // Every sample of a 4-hour ride would be 14,400+ points per line; main sends at most 1,500.
  await expect(page.getByTestId('stream-info')).toContainText(`${ride.moving_time!.toLocaleString('en-US')} samples shown as 1500 points per line`)
  const points = Number(await chart.getAttribute('data-points'))
  expect(points).toBeGreaterThan(1000)
  expect(points).toBeLessThanOrEqual(5 * 1500)
  expect(Number(await chart.getAttribute('data-intervals'))).toBeGreaterThan(0)
  const intervals = page.getByTestId('interval-row')
  expect(await intervals.count()).toBeGreaterThan(2)
  await expect(page.getByTestId('zones-power')).toContainText('Z2')
  await expect(page.getByTestId('zones-hr')).toContainText('Z1')

  // Clicking an interval zooms to it, at full resolution.
  await intervals.filter({ hasText: 'Climb 1' }).click()
  await expect(page.getByTestId('stream-info')).toContainText('every one shown')
  await page.getByTestId('zoom-reset').click()
  await expect(page.getByTestId('stream-info')).toContainText('shown as 1500 points')

  // Streams saved as CSV.
  const download = page.waitForEvent('download')
  await page.getByTestId('export-streams').click()
  expect((await download).suggestedFilename()).toMatch(/\.csv$/)

  // The coach's edits go back to intervals.icu.
  await page.getByTestId('edit-name').fill('Long ride, club route')
  await page.getByTestId('edit-rpe').selectOption('6')
  await page.getByTestId('save-activity').click()
  await expect(page.getByTestId('saved')).toBeVisible()
  expect(app.sim.state.athlete(CYCLIST)!.activities.find((a) => a.id === ride.id)).toMatchObject({ name: 'Long ride, club route', icu_rpe: 6 })
  await expect(page.getByTestId('activity-title')).toHaveText('Long ride, club route')
})

test('changing FTP is checked, saved to intervals.icu and shown', async ({ app }) => {
  const { page } = app
  await openAthlete(page, CYCLIST)
  await page.getByTestId('tab-settings').click()
  const ride = page.locator('[data-testid="sport-card"][data-sport="Ride"]')
  await ride.getByTestId('edit-settings').click()

  await ride.getByTestId('edit-ftp').fill('-250')
  await expect(ride.getByTestId('settings-problem')).toHaveText('FTP must be a whole number of watts between 30 and 2000.')
  await expect(ride.getByTestId('save-settings')).toBeDisabled()

  const settings = () => app.sim.state.athlete(CYCLIST)!.sportSettings.find((s) => s.types?.includes('Ride'))!
  const ftp = settings().ftp! + 15
  await ride.getByTestId('edit-ftp').fill(String(ftp))
  await expect(ride.getByTestId('settings-problem')).toHaveCount(0)
  await ride.getByTestId('save-settings').click()
  await expect(ride.getByTestId('ftp-value')).toHaveText(`${ftp} W`)
  expect(settings().ftp).toBe(ftp)
  const put = app.sim.requests.find((r) => r.method === 'PUT' && r.path.includes('/sport-settings/'))
  expect(put?.query).toBe('recalcHrZones=false')
})

test('a wellness day is edited, and several days at once in one request', async ({ app }) => {
  const { page } = app
  await openAthlete(page, CYCLIST)
  await page.getByTestId('tab-wellness').click()
  const rows = page.getByTestId('wellness-row')
  await expect(rows.first()).toBeVisible()
  const date = (await rows.nth(2).getAttribute('data-date'))!

  await rows.nth(2).click()
  await page.getByTestId('wellness-restingHr').fill('400')
  await expect(page.getByTestId('wellness-problem')).toHaveText('Resting HR must be between 20 and 150 bpm.')
  await page.getByTestId('wellness-restingHr').fill('44')
  await page.getByTestId('wellness-mood').selectOption('2')
  await page.getByTestId('wellness-save').click()
  await expect(page.locator(`[data-testid="wellness-row"][data-date="${date}"] [data-col="restingHr"]`)).toHaveText('44')
  expect(app.sim.state.athlete(CYCLIST)!.wellness.find((w) => w.id === date)).toMatchObject({ restingHR: 44, mood: 2 })

  const dates = [(await rows.nth(4).getAttribute('data-date'))!, (await rows.nth(5).getAttribute('data-date'))!]
  await rows.nth(4).click()
  await rows.nth(5).click()
  await page.getByTestId('wellness-soreness').selectOption('3')
  app.sim.resetRequests()
  await page.getByTestId('wellness-save').click()
  await expect(page.getByTestId('wellness-editor')).toHaveCount(0)
  expect(app.sim.requests.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual([`/api/v1/athlete/${CYCLIST}/wellness-bulk`])
  for (const d of dates) expect(app.sim.state.athlete(CYCLIST)!.wellness.find((w) => w.id === d)!.soreness).toBe(3)
})

test('a Strava import says it cannot be changed', async ({ app }) => {
  const { page } = app
  const stub = app.sim.state.athlete('i100012')!.activities.find((a) => a.source === 'STRAVA')!
  await openAthlete(page, 'i100012')
  await page.evaluate((id) => (location.hash = `#/athlete/i100012/activity/${id}`), stub.id!)
  await expect(page.getByTestId('read-only-reason')).toContainText('Strava')
  await expect(page.getByTestId('edit-name')).toBeDisabled()
  await expect(page.getByTestId('streams-unavailable')).toContainText("Strava keeps this activity's streams from the API")
})

test('a Strava import whose streams intervals.icu refuses shows the reason, not an error', async ({ app }) => {
  const { page } = app
  app.sim.setProfile({ stravaStreams: 'unprocessable' })
  const stub = app.sim.state.athlete('i100012')!.activities.filter((a) => a.source === 'STRAVA').at(-1)!
  await openAthlete(page, 'i100012')
  await page.evaluate((id) => (location.hash = `#/athlete/i100012/activity/${id}`), stub.id!)
  await expect(page.getByTestId('streams-unavailable')).toContainText("Strava keeps this activity's streams from the API")
  expect(app.sim.requests.some((r) => r.path === `/api/v1/activity/${stub.id}/streams` && r.status === 422)).toBe(true)
  await expect(page.getByRole('alert')).toHaveCount(0)
})
