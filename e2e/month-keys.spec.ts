/// <reference lib="dom" />
import { test, expect } from './fixtures'
import { CYCLIST, eventsBetween, expectBoxDeletePreview, focused, openCyclistMonth, tabIntoCalendar } from './calendarFocus'
import { addDays, daysBetween, weekday } from '../src-main/contract'

test("an athlete's month by keyboard: Shift+arrows select the box of weekdays drawn, as in four weeks, and Delete previews exactly those", async ({ app }) => {
  const { page } = app
  const { grid, today, start, weeks } = await openCyclistMonth(app)
  await expect(grid.getByTestId('month-week')).toHaveCount(weeks)
  await expect(grid.locator('.chip-event').first()).toBeVisible()

  // From today up to the first week and left to its Monday, then one right: Tuesday of the first week.
  await tabIntoCalendar(page)
  expect(await focused(page)).toEqual({ athleteId: CYCLIST, date: today })
  for (let i = 0; i < Math.floor(daysBetween(start, today) / 7); i++) await page.keyboard.press('ArrowUp')
  for (let i = 0; i < weekday(today); i++) await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowRight')
  const anchor = addDays(start, 1)
  expect(await focused(page)).toEqual({ athleteId: CYCLIST, date: anchor })

  // Tuesday to Thursday, down to the last week.
  await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('Shift+ArrowRight')
  for (let i = 0; i < weeks - 1; i++) await page.keyboard.press('Shift+ArrowDown')
  const corner = addDays(start, 7 * (weeks - 1) + 3)
  expect(await focused(page)).toEqual({ athleteId: CYCLIST, date: corner })

  // Tuesday to Thursday of every week of the month, not the Fridays to Mondays between.
  await expectBoxDeletePreview(app, CYCLIST, anchor, corner)
})

test("an athlete's month by mouse: Shift-click selects the same box of weekdays as Shift+arrows", async ({ app }) => {
  const { grid } = await openCyclistMonth(app)
  await expect(grid.locator('.chip-event.cat-workout').first()).toBeVisible()
  // Two workouts a week or more apart whose box leaves out an event of the days between.
  const chips = await grid.locator('.chip-event.cat-workout').evaluateAll((els) =>
    els.map((el) => ({ id: (el as HTMLElement).dataset.event!, day: (el.closest('td') as HTMLElement).dataset.day! })),
  )
  const leavesOut = (a: string, b: string) => {
    const [lo, hi] = [weekday(a), weekday(b)].sort((x, y) => x - y) as [number, number]
    return eventsBetween(app, CYCLIST, a, b).some((e) => weekday(e.start_date_local!) < lo || weekday(e.start_date_local!) > hi)
  }
  const pairs = chips.flatMap((a) => chips.filter((b) => daysBetween(a.day, b.day) >= 7 && leavesOut(a.day, b.day)).map((b) => [a, b] as const))
  expect(pairs.length, 'the demo month has two such workouts').toBeGreaterThan(0)
  const [from, to] = pairs[0]!

  await grid.locator(`.chip-event[data-event="${from.id}"]`).click()
  await grid.locator(`.chip-event[data-event="${to.id}"]`).click({ modifiers: ['Shift'] })
  await expectBoxDeletePreview(app, CYCLIST, from.day, to.day)
})

test("a day with several events: Alt+Down and Alt+Up go from event to event, Enter edits the one with the focus", async ({ app }) => {
  const { page, sim } = app
  const { grid } = await openCyclistMonth(app)
  await expect(grid.locator('.chip-event').first()).toBeVisible()
  // A day with a workout gets a note too: two events, in the order drawn.
  // From the athlete's today on: a new event on an earlier day asks for the coach's yes first.
  const day = (await grid.locator('td.cell:not(.past):has(.chip-event.cat-workout)').first().getAttribute('data-day'))!
  const busy = grid.locator(`td.cell[data-day="${day}"]`)
  await busy.locator('.day-num').dblclick()
  await page.getByTestId('editor-name').fill('Second of the day')
  await page.getByTestId('editor-category').selectOption('NOTE')
  await page.getByTestId('editor-save').click()
  await expect(page.getByTestId('event-editor')).toHaveCount(0)
  await expect(busy.locator('.chip-event.cat-note')).toContainText('Second of the day')
  const ids = await busy.locator('.chip-event').evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.event)))
  expect(ids).toHaveLength(2)
  const nameOf = (id: number) => sim.state.athlete(CYCLIST)!.events.find((e) => e.id === id)!.name ?? ''
  const focusedEvent = () => page.evaluate(() => Number((document.activeElement as HTMLElement).dataset.event ?? 0))

  await busy.locator('.day-num').click()
  await expect(busy).toBeFocused()
  await page.keyboard.press('Alt+ArrowDown')
  expect(await focusedEvent()).toBe(ids[0])
  await page.keyboard.press('Alt+ArrowDown')
  expect(await focusedEvent()).toBe(ids[1])
  await expect(busy.locator(`.chip-event[data-event="${ids[1]}"]`)).toBeFocused()

  // Enter edits the event with the focus, not the day's first.
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('event-editor')).toBeVisible()
  await expect(page.getByTestId('editor-name')).toHaveValue(nameOf(ids[1]!))
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('event-editor')).toHaveCount(0)

  // Alt+Up goes back up to the first event and on to the day itself; the ? list names the keys.
  await busy.locator(`.chip-event[data-event="${ids[1]}"]`).focus()
  await page.keyboard.press('Alt+ArrowUp')
  expect(await focusedEvent()).toBe(ids[0])
  await page.keyboard.press('Alt+ArrowUp')
  await expect(busy).toBeFocused()
  await page.keyboard.press('?')
  await expect(page.getByTestId('shortcuts-overlay')).toContainText('Alt + ↑ ↓')
  await page.keyboard.press('Escape')
})
