/// <reference lib="dom" />
import type { SimChat } from '../src-main/sim/chats'
import { test, expect } from './fixtures'

test('Needs attention lists the flagged athletes with their reasons, and the rules can be tuned', async ({ app }) => {
  const { page, sim } = app
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  await page.getByTestId('nav-attention').click()
  const rows = page.getByTestId('attention-row')
  await expect(rows.first()).toBeVisible({ timeout: 20_000 })
  const card = (id: string) => page.locator(`[data-testid="attention-row"][data-athlete="${id}"]`)
  await expect(card('i100009').locator('[data-rule="sickOrInjured"]')).toContainText(/Injured from .*: Calf strain/)
  await expect(card('i100009').locator('[data-rule="inactive"]')).toContainText(/No activity for \d+ days/)
  await expect(card('i100007').locator('[data-rule="missedWorkouts"]')).toContainText(/planned workouts missed in the last 7 days/)
  await expect(card('i100008').locator('[data-rule="rampRate"]')).toContainText(/Fitness rising .* a week, above 8/)
  await expect(card('i100008').locator('[data-rule="form"]')).toContainText(/Form -\d+, below -30/)
  await expect(card('i100010').locator('[data-rule="wellnessBaseline"]')).toContainText(/HRV \d+ vs a usual \d+/)
  await expect(card('i100002').locator('[data-rule="unreadComment"]')).toContainText('1 unread comment from the athlete')
  const flagged = await rows.count()
  await expect(page.getByTestId('nav-attention-count')).toHaveText(String(flagged))
  await page.screenshot({ path: 'test-results/attention.png', fullPage: true })

  // Switch the form rule off: Lucía keeps her ramp flag, loses the form one; the choice is saved in the data folder.
  await page.getByTestId('edit-rules').click()
  await page.locator('input[data-rule="form"]').uncheck()
  await page.screenshot({ path: 'test-results/attention-rules.png', fullPage: true })
  await page.getByTestId('rules-save').click()
  await expect(page.getByTestId('rules-panel')).toHaveCount(0)
  await expect(card('i100008').locator('[data-rule="form"]')).toHaveCount(0)
  await expect(card('i100008').locator('[data-rule="rampRate"]')).toBeVisible()

  // The roster shows form on each athlete's next A race day, with the days to go.
  await page.getByTestId('nav-roster').click()
  const race = sim.state.athlete('i100002')!.events.find((e) => e.category === 'RACE_A')!
  const cell = page.locator('[data-testid="roster-row"][data-athlete="i100002"] td[data-col="race"]')
  await expect(cell).toContainText(new RegExp(`${race.name}\\s*· \\d+ d`))
  await expect(cell.locator('.form-badge')).toHaveText(/^[+-]?\d+$/)
  await expect(page.locator('[data-testid="roster-row"][data-athlete="i100001"] td[data-col="race"]')).toHaveText('')
  // Sorted by attention: the flagged athletes first.
  await page.locator('th[data-sort="attention"]').click()
  const first = page.getByTestId('roster-row').first()
  await expect(first.locator('td[data-col="attention"] .flag-count')).toBeVisible()
  const counts = (await page.locator('td[data-col="attention"]').allTextContents()).map((t) => Number(t.trim() || 0))
  expect(counts.filter((n) => n > 0)).toHaveLength(flagged)
  expect(counts.slice(counts.findIndex((n) => n === 0)).every((n) => n === 0)).toBe(true)
  await page.screenshot({ path: 'test-results/roster-race.png', fullPage: true })
})

test('the review queue: open an activity, comment, mark it reviewed, move on with the keyboard', async ({ app }) => {
  const { page, sim } = app
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  await page.getByTestId('nav-review').click()
  const items = page.getByTestId('queue-item')
  await expect(items.first()).toBeVisible({ timeout: 20_000 })
  const total = await items.count()
  expect(total).toBeGreaterThan(3)

  // Jamal's last run carries a comment the coach has not read.
  const jamal = page.locator('[data-testid="queue-item"]', { has: page.locator('.badge.new') }).filter({ hasText: 'Jamal Okafor' })
  const activityId = (await jamal.getAttribute('data-activity'))!
  await jamal.click()
  const detail = page.getByTestId('review-detail')
  await expect(detail).toHaveAttribute('data-activity', activityId)
  await expect(page.getByTestId('comment').first()).toContainText('Legs felt heavy')
  // Reading it marked it seen on intervals.icu.
  const chat = sim.state.chatOfActivity(activityId)!
  await expect.poll(() => chat.lastSeen.get(sim.coachId)).toBe(chat.messages.at(-1)!.id)

  // O opens the activity page; it has the same thread, and leads back to the queue.
  await page.keyboard.press('o')
  await expect(page.getByTestId('activity-title')).toBeVisible()
  await expect(page.getByTestId('comment').first()).toContainText('Legs felt heavy')
  await page.getByTestId('back-to-review').click()
  await expect(page.getByTestId('review-detail')).toBeVisible()
  await page.locator(`[data-testid="queue-item"][data-activity="${activityId}"]`).click()

  // C goes to the comment box; Ctrl+Enter sends.
  await page.keyboard.press('c')
  await page.keyboard.type('Good call to cut the last rep. Easy day tomorrow.')
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('comment').last()).toContainText('Easy day tomorrow')
  expect(chat.messages.at(-1)).toMatchObject({ athlete_id: sim.coachId, content: 'Good call to cut the last rep. Easy day tomorrow.' })
  await page.screenshot({ path: 'test-results/review-queue.png', fullPage: true })

  // R marks it reviewed through coach_tick and the next activity takes its place.
  await page.getByTestId('review-title').click()
  const position = await page.locator('[data-testid="queue-item"].current').getAttribute('data-review-index')
  await page.keyboard.press('r')
  await expect(page.locator(`[data-testid="queue-item"][data-activity="${activityId}"]`)).toHaveCount(0)
  await expect(page.getByTestId('review-count')).toHaveText(String(total - 1))
  const owner = sim.state.athlete('i100002')!
  expect(owner.activities.find((a) => a.id === activityId)!.coach_tick).toBe(1)
  // The next one takes its place; when it was the last, the one before it becomes the current.
  expect(await page.locator('[data-testid="queue-item"].current').getAttribute('data-review-index')).toBe(String(Math.min(Number(position), total - 2)))

  // J moves to the next; K back. Which item is current depends on the day the demo is seeded on:
  // from the last item, K goes first and J comes back.
  const before = await detail.getAttribute('data-activity')
  const last = Math.min(Number(position), total - 2) === (await items.count()) - 1
  const [away, back] = last ? ['k', 'j'] : ['j', 'k']
  await page.keyboard.press(away)
  await expect(detail).not.toHaveAttribute('data-activity', before!)
  await page.keyboard.press(back)
  await expect(detail).toHaveAttribute('data-activity', before!)
})

test('compliance across athletes: sorted by a week, with the missed workouts listed, saved as CSV', async ({ app }) => {
  const { page } = app
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  await page.getByTestId('nav-attention').click()
  await page.getByTestId('open-compliance').click()
  const rows = page.getByTestId('compliance-row')
  await expect(rows).toHaveCount(12, { timeout: 20_000 })
  // David (injured) and Oliver skipped their sessions: they top the missed column.
  await page.locator('th[data-sort="missed"]').click()
  expect((await rows.evaluateAll((trs) => trs.slice(0, 2).map((tr) => tr.getAttribute('data-athlete')))).sort()).toEqual(['i100007', 'i100009'])
  await expect(rows.first().locator('.missed-cell')).toContainText(/\d{2}-\d{2} /)
  // Last week ascending: the lowest load % first.
  await page.locator('th[data-sort="week-3"]').click()
  await page.locator('th[data-sort="week-3"]').click()
  const pcts = (await page.locator('td[data-week="3"] .plan-pct').allTextContents()).map((t) => (t === 'no plan' ? null : Number(t.replace('%', ''))))
  const known = pcts.filter((p): p is number => p !== null)
  expect(known).toEqual([...known].sort((a, b) => a - b))
  await page.screenshot({ path: 'test-results/compliance.png', fullPage: true })
  const download = page.waitForEvent('download')
  await page.getByTestId('compliance-csv').click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^compliance \d{4}-\d{2}-\d{2}\.csv$/)
  const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'))
  const lines = text.trimEnd().split('\r\n')
  expect(lines[0]).toMatch(/^athlete,week,planned workouts/)
  expect(lines).toHaveLength(1 + 12 * 5)
  expect(lines.some((l) => l.startsWith('Oliver Hughes,') && /Long|run|ride|swim/i.test(l.split(',').at(-1)!))).toBe(true)
})

test('a new comment from an athlete is announced at the next refresh, and not when notifications are off', async ({ app }) => {
  const { page, sim } = app
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
  await page.getByTestId('nav-attention').click()
  await expect(page.getByTestId('attention-row').first()).toBeVisible({ timeout: 20_000 })
  const maya = sim.state.athlete('i100001')!
  const activity = maya.activities.at(-1)!
  const comment = (content: string) => {
    const chat: SimChat = sim.state.chatOfActivity(activity.id!) ?? { id: sim.state.allocateChatId(), activityId: activity.id!, athleteId: maya.id, name: activity.name ?? '', messages: [], lastSeen: new Map() }
    sim.state.chats.set(chat.id, chat)
    activity.icu_chat_id = chat.id
    chat.messages.push({ id: sim.state.allocateMessageId(), athlete_id: maya.id, name: 'Maya Chen', created: new Date().toISOString(), type: 'TEXT', content, activity_id: activity.id })
  }
  comment('Saddle felt low today, can we check the fit?')
  await page.getByTestId('attention-refresh').click()
  await expect(page.locator('.toast', { hasText: 'Maya Chen: 1 unread comment from the athlete' })).toBeVisible()
  await expect(page.locator('[data-testid="attention-row"][data-athlete="i100001"] [data-rule="unreadComment"]')).toBeVisible()

  await page.getByTestId('edit-rules').click()
  await page.getByTestId('notifications').uncheck()
  await page.getByTestId('rules-save').click()
  await expect(page.getByTestId('rules-panel')).toHaveCount(0)
  comment('Also the left cleat squeaks.')
  await page.getByTestId('attention-refresh').click()
  await expect(page.locator('[data-testid="attention-row"][data-athlete="i100001"] [data-rule="unreadComment"]')).toContainText('2 unread comments')
  await expect(page.locator('.toast', { hasText: '2 unread comments' })).toHaveCount(0)
})
