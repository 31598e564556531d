import { nextWeekWorkouts, startBulkJob } from '../src-main/testing/bulkJob'
import { addDays } from '../src-main/services/dates'
import { test, expect } from './fixtures'

// A bulk job killed midway (as by a crash) is found when the calendar opens, with what landed
// read back from intervals.icu; the coach finishes it, then undoes the whole action.
test('a job cut short by a crash is shown with what landed, can be finished, and undone as one action', async ({ app }) => {
  test.skip(app.mode === 'electron', 'the job is run by a second core on the browser host’s data folder')
  const { page, sim } = app
  await page.getByTestId('athlete-id').fill(sim.coachId)
  await page.getByTestId('api-key').fill(sim.apiKey)
  await page.getByTestId('connect').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()

  const sel = nextWeekWorkouts(sim)
  const ids = [...new Set(sel.map((p) => p.athleteId))]
  const startOf = (p: { athleteId: string; eventId: number }) => sim.state.athlete(p.athleteId)!.events.find((e) => e.id === p.eventId)!.start_date_local
  // The second and third athletes' writes are held at the server; the first athlete's land.
  for (const id of ids.slice(1)) sim.addFault({ method: 'PUT', path: new RegExp(`^/api/v1/athlete/${id}/events/\\d+$`), delayMs: 60_000 })
  const job = startBulkJob({
    simUrl: sim.url,
    dataDir: app.dataDir,
    coachId: sim.coachId,
    apiKey: sim.apiKey,
    request: { selection: { events: sel.map(({ athleteId, eventId }) => ({ athleteId, eventId })) }, action: { kind: 'shift', days: 1 } },
  })
  try {
    await job.applying
    await expect.poll(() => sim.requests.filter((r) => r.method === 'PUT' && r.path.includes(ids[0]!) && r.status === 200).length, { timeout: 15_000 }).toBe(2)
  } finally {
    await job.kill()
  }
  sim.clearFaults()

  await page.getByTestId('nav-calendar').click()
  const banner = page.getByTestId('interrupted-job')
  await expect(banner).toContainText('“Shift by +1 day” was cut short')
  await expect(banner).toContainText('2 landed on intervals.icu, 4 did not')
  await page.screenshot({ path: test.info().outputPath('interrupted-job.png') })

  await banner.getByTestId('job-finish').click()
  await expect(page.getByTestId('preview-change')).toHaveCount(4)
  await page.getByTestId('preview-apply').click()
  await expect(page.getByTestId('report-summary')).toContainText('6 done')
  for (const p of sel) expect(startOf(p)).toBe(`${addDays(p.start.slice(0, 10), 1)}${p.start.slice(10)}`)
  await page.getByTestId('report-close').click()
  await expect(page.getByTestId('interrupted-job')).toHaveCount(0)

  // One action: its undo puts all six back.
  await page.getByTestId('undo').click()
  await expect(page.getByTestId('preview-change')).toHaveCount(6)
  await page.getByTestId('preview-apply').click()
  await expect(page.getByTestId('report-summary')).toContainText('6 done')
  for (const p of sel) expect(startOf(p)).toBe(p.start)
})
