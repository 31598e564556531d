/// <reference lib="dom" />
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { addDays, athleteToday, mondayOf } from '../src-main/contract/localDates'
import type { SimHandle } from '../src-main/sim'

// Finding anything fast: the athlete picker and saved groups, go to date, and Ctrl/Cmd+K.

/** "3 Dec 2027", as the app writes a date. */
const appDate = (date: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`))

async function openDemo(page: Page) {
  await page.getByTestId('open-demo').click()
  await expect(page.getByTestId('roster-table')).toBeVisible()
}

async function openCalendar(page: Page) {
  await page.getByTestId('nav-calendar').click()
  await calendarLoaded(page)
}

async function calendarLoaded(page: Page) {
  await expect(page.getByTestId('calendar-grid')).toBeVisible()
  await expect(page.locator('[data-testid="calendar-row"] .athlete-col .row-loading')).toHaveCount(0, { timeout: 20_000 })
}

/** The athletes whose rows the calendar shows. */
async function shownAthletes(page: Page): Promise<string[]> {
  return (await page.getByTestId('calendar-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-athlete') ?? ''))).sort()
}

/** Types a name into the picker and picks the option it offers first, by keyboard alone. */
async function pickByTyping(page: Page, typed: string, expected: string) {
  const input = page.getByTestId('athlete-picker-input')
  await input.focus()
  await input.pressSequentially(typed)
  const first = page.getByTestId('picker-option').first()
  await expect(first).toContainText(expected)
  await expect(first).toHaveClass(/active/)
  await input.press('Enter')
  await expect(page.getByTestId('picked-chip').filter({ hasText: expected })).toHaveCount(1)
  // The field is ready for the next name.
  await expect(input).toHaveValue('')
}

/** A note on a date, created over intervals.icu's own API in the simulator, as another app would. */
async function planNote(sim: SimHandle, athleteId: string, date: string, name: string): Promise<number> {
  const res = await fetch(`${sim.url}/api/v1/athlete/${athleteId}/events?upsertOnUid=false`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from(`API_KEY:${sim.apiKey}`).toString('base64')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ category: 'NOTE', name, start_date_local: `${date}T00:00:00` }),
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { id: number }).id
}

test('pick two athletes by typing, save them as a group, and pick the group again after a reload', async ({ app }) => {
  const { page, sim } = app
  await openDemo(page)
  await openCalendar(page)
  const [a, b] = [...sim.state.coached].sort((x, y) => x.athlete.name!.localeCompare(y.athlete.name!)).slice(3, 5)
  const everyone = await shownAthletes(page)
  expect(everyone.length).toBeGreaterThan(2)

  // A first name and the start of the surname, in lower case, is enough.
  const [firstA, lastA] = a!.athlete.name!.split(' ')
  await pickByTyping(page, `${firstA!.toLowerCase()} ${lastA!.slice(0, 2).toLowerCase()}`, a!.athlete.name!)
  const [firstB, lastB] = b!.athlete.name!.split(' ')
  await pickByTyping(page, `${firstB} ${lastB!.slice(0, 3)}`, b!.athlete.name!)
  await expect(page.getByTestId('picked-chip')).toHaveText([new RegExp(a!.athlete.name!), new RegExp(b!.athlete.name!)])
  await expect.poll(() => shownAthletes(page)).toEqual([a!.id, b!.id].sort())
  await page.screenshot({ path: test.info().outputPath('picker-two-athletes.png') })

  await page.getByTestId('group-name').fill('Long course')
  await page.getByTestId('group-save').click()
  await expect(page.getByTestId('saved-group')).toHaveText([/Long course/])

  // Clear all: everyone again.
  await page.getByTestId('picker-clear-all').click()
  await expect(page.getByTestId('picked-chip')).toHaveCount(0)
  await expect.poll(() => shownAthletes(page)).toEqual(everyone)
  await page.getByTestId('athlete-picker-input').press('Escape')
  await expect(page.getByTestId('athlete-picker-panel')).toBeHidden()

  // Main keeps the group: a reloaded window finds it and it picks the same athletes.
  await page.reload()
  await calendarLoaded(page)
  await expect.poll(() => shownAthletes(page)).toEqual(everyone)
  const input = page.getByTestId('athlete-picker-input')
  await input.focus()
  await input.pressSequentially('long')
  await expect(page.getByTestId('picker-option').first()).toHaveText(/★ Long course\s*2 athletes/)
  await input.press('Enter')
  await expect.poll(() => shownAthletes(page)).toEqual([a!.id, b!.id].sort())
  await expect(input).toHaveAttribute('placeholder', '★ Long course')

  await input.click()
  await page.getByTestId('group-delete').click()
  await expect(page.getByTestId('saved-group')).toHaveCount(0)
  await page.reload()
  await calendarLoaded(page)
  await page.getByTestId('athlete-picker-input').pressSequentially('long')
  await expect(page.getByTestId('picker-option')).toHaveCount(0)
})

test('go to a date a year ahead, by the field or G, and see what is planned there', async ({ app }) => {
  const { page, sim } = app
  await openDemo(page)
  await openCalendar(page)
  const athleteId = (await shownAthletes(page))[0]!
  const athlete = sim.state.athlete(athleteId)!
  const date = addDays(athleteToday(athlete.athlete.timezone ?? 'UTC', new Date()), 365)
  const eventId = await planNote(sim, athleteId, date, 'Year-ahead check')
  const rangeBefore = await page.getByTestId('range-label').textContent()

  // A date that is not one says why and goes nowhere.
  const field = page.getByTestId('go-to-date')
  await field.fill('31 Feb 2027')
  await field.press('Enter')
  await expect(page.getByTestId('go-to-date-problem')).toHaveText('There is no 31 Feb 2027.')
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByTestId('range-label')).toHaveText(rangeBefore!)
  await field.press('Escape')

  // G from the grid puts the focus in the field; the app's own date format jumps there.
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('g')
  await expect(field).toBeFocused()
  await page.keyboard.type(appDate(date))
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('range-label')).toContainText(appDate(mondayOf(date)))
  const chip = page.locator(`[data-testid="calendar-row"][data-athlete="${athleteId}"] .chip-event[data-event="${eventId}"]`)
  await expect(chip).toBeVisible({ timeout: 20_000 })
  await expect(chip).toContainText('Year-ahead check')
})

test('Ctrl+K jumps to an athlete page, to a date in either format and to a page; Esc closes it', async ({ app }) => {
  const { page, sim } = app
  await openDemo(page)
  const target = sim.state.coached[2]!
  const name = target.athlete.name!

  await page.keyboard.press('Control+k')
  const palette = page.getByTestId('command-palette')
  await expect(palette).toBeVisible()
  await expect(page.getByTestId('palette-input')).toBeFocused()
  await page.keyboard.type(name.split(' ')[0]!.toLowerCase())
  await page.screenshot({ path: test.info().outputPath('palette-athlete.png') })
  const items = page.getByTestId('palette-item')
  await expect(items.filter({ hasText: name })).toHaveCount(1)
  // Arrows walk to the athlete, Enter opens their page.
  const index = (await items.evaluateAll((els) => els.map((e) => e.textContent ?? ''))).findIndex((t) => t.includes(name))
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown')
  await expect(items.nth(index)).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')
  await expect(palette).toBeHidden()
  await expect(page).toHaveURL(new RegExp(`#/athlete/${target.id}$`))
  await expect(page.getByTestId('athlete-title')).toHaveText(name)

  // An ISO date opens the calendar at its week.
  const today = athleteToday(target.athlete.timezone ?? 'UTC', new Date())
  const ahead = addDays(today, 365)
  await page.keyboard.press('Control+k')
  await page.keyboard.type(ahead)
  await expect(items.first()).toHaveText(new RegExp(`Calendar at ${appDate(ahead)}`))
  await page.keyboard.press('Enter')
  await calendarLoaded(page)
  await expect(page.getByTestId('range-label')).toContainText(appDate(mondayOf(ahead)))

  // The app's own format, while the calendar is open: it follows.
  const later = addDays(ahead, 21)
  await page.keyboard.press('Control+k')
  await page.keyboard.type(appDate(later))
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('range-label')).toContainText(appDate(mondayOf(later)))

  // A date that is not one says why; Esc closes and nothing moves.
  await page.keyboard.press('Control+k')
  await page.keyboard.type('31 Feb 2027')
  await expect(page.getByTestId('palette-date-problem')).toHaveText('There is no 31 Feb 2027.')
  await page.keyboard.press('Escape')
  await expect(palette).toBeHidden()
  await expect(page.getByTestId('range-label')).toContainText(appDate(mondayOf(later)))

  // A page by name.
  await page.keyboard.press('Control+k')
  await page.keyboard.type('roster')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('roster-table')).toBeVisible()
})
