/// <reference lib="dom" />
import { test, expect } from './fixtures'
import { CYCLIST, eventsBetween, expectBoxDeletePreview, expectDeletePreview, focused, focusedAnywhere, monthWeeks, nextMonth, openCalendar, openCyclistMonth, showFourWeeks, tabIntoCalendar } from './calendarFocus'
import { addDays, daysBetween, weekday } from '../src-main/contract'

test("an athlete's month: the month's events, an edit and a bulk hide there, and the calendar page gets its own athletes back", async ({ app }) => {
  const { page, sim } = app
  const { grid, today, start, weeks } = await openCyclistMonth(app)
  const end = addDays(start, weeks * 7 - 1)
  await expect(page).toHaveURL(/tab=calendar/)
  await expect(grid.getByTestId('month-week')).toHaveCount(weeks)
  await expect(grid.locator('td.cell')).toHaveCount(weeks * 7)
  await expect(grid.locator('td.cell.today')).toHaveAttribute('data-day', today)

  // Every event the simulator holds in these weeks is on screen, and nothing else.
  const expected = eventsBetween(app, CYCLIST, start, end).map((e) => e.id)
  expect(expected.length).toBeGreaterThan(3)
  await expect(grid.locator('.chip-event').first()).toBeVisible()
  const shownIds = async () => [...new Set((await grid.locator('.chip-event').evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.event)))))]
  await expect.poll(async () => (await shownIds()).sort()).toEqual([...expected].sort())
  await expect(grid.getByTestId('month-week-total')).toHaveCount(weeks)
  await page.screenshot({ path: test.info().outputPath('athlete-month.png') })

  // The keys in the month: up and down are a week apart, Shift with them selects that weekday's events in between.
  await tabIntoCalendar(page)
  const m0 = await focused(page)
  expect(m0).toEqual({ athleteId: CYCLIST, date: today })
  const down = addDays(m0.date, 14) <= end
  const [key, step] = down ? ['ArrowDown', 7] : ['ArrowUp', -7]
  await page.keyboard.press(key)
  expect(await focused(page)).toEqual({ athleteId: CYCLIST, date: addDays(m0.date, step) })
  await page.keyboard.press(`Shift+${key}`)
  const [from, to] = down ? [addDays(m0.date, 7), addDays(m0.date, 14)] : [addDays(m0.date, -14), addDays(m0.date, -7)]
  const between = eventsBetween(app, CYCLIST, from, to).filter((e) => weekday(e.start_date_local!) === weekday(m0.date))
  await expect(page.getByTestId('selection-count')).toHaveText(`${between.length} selected`)
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('bulk-menu')).toHaveCount(0)

  // Edit a planned workout ahead by double-click: saved on intervals.icu.
  const ahead = grid.locator(`td.cell:not(.past) .chip-event.cat-workout[data-hidden="false"]`)
  const editId = Number(await ahead.first().getAttribute('data-event'))
  await ahead.first().dblclick()
  await expect(page.getByTestId('event-editor')).toBeVisible()
  await page.getByTestId('editor-name').fill('Month tempo, edited')
  await page.getByTestId('editor-save').click()
  await expect(page.getByTestId('event-editor')).toHaveCount(0)
  expect(sim.state.athlete(CYCLIST)!.events.find((e) => e.id === editId)!.name).toBe('Month tempo, edited')
  await expect(grid.locator(`.chip-event[data-event="${editId}"]`)).toContainText('Month tempo, edited')

  // Select two workouts and hide them from the athlete through the bulk menu and its preview.
  const chips = [ahead.nth(0), ahead.nth(1)]
  const ids = await Promise.all(chips.map(async (c) => Number(await c.getAttribute('data-event'))))
  await chips[0]!.click()
  await chips[1]!.click({ modifiers: ['Control'] })
  await expect(page.getByTestId('selection-count')).toHaveText('2 selected')
  await page.getByTestId('bulk-hide').click()
  await expect(page.getByTestId('preview-change')).toHaveCount(2)
  await page.getByTestId('preview-apply').click()
  await expect(page.getByTestId('report-summary')).toContainText('2 done')
  await page.getByTestId('report-close').click()
  expect(ids.map((id) => sim.state.athlete(CYCLIST)!.events.find((e) => e.id === id)!.hide_from_athlete)).toEqual([true, true])
  for (const id of ids) await expect(grid.locator(`.chip-event[data-event="${id}"]`)).toHaveAttribute('data-hidden', 'true')

  // Next month: its weeks and its events.
  await page.getByTestId('next-month').click()
  const next = monthWeeks(nextMonth(today.slice(0, 7)))
  await expect(page).toHaveURL(new RegExp(`month=${nextMonth(today.slice(0, 7))}`))
  await expect(grid.getByTestId('month-week')).toHaveCount(next.weeks)
  await expect(grid.getByTestId('month-week').first()).toHaveAttribute('data-monday', next.start)

  // The calendar page shows its own athletes and two weeks again, with nothing selected.
  await page.getByTestId('nav-calendar').click()
  await expect(page.getByTestId('calendar-row')).toHaveCount(sim.state.coached.length)
  await expect(page.locator('.cal-grid thead th.day-col')).toHaveCount(14)
  await expect(page.getByTestId('bulk-menu')).toHaveCount(0)
})

test("in an athlete's month a workout dragged a row down moves a week; a double-click on an empty day creates there", async ({ app }) => {
  const { page, sim } = app
  const { grid } = await openCyclistMonth(app)
  await expect(grid.locator('.chip-event').first()).toBeVisible()
  const days = await grid.locator('td.cell').evaluateAll((tds) => tds.map((td) => (td as HTMLElement).dataset.day!))
  // A workout ahead whose day a week later is still on screen.
  const chips = grid.locator('td.cell:not(.past) .chip-event.cat-workout')
  let index = -1
  for (let i = 0; i < (await chips.count()) && index < 0; i++) {
    const day = await chips.nth(i).evaluate((c) => c.closest('td')!.dataset.day!)
    if (days.includes(addDays(day, 7))) index = i
  }
  expect(index).toBeGreaterThanOrEqual(0)
  const chip = chips.nth(index)
  const id = Number(await chip.getAttribute('data-event'))
  const from = sim.state.athlete(CYCLIST)!.events.find((e) => e.id === id)!.start_date_local!.slice(0, 10)
  await chip.dragTo(grid.locator(`td.cell[data-day="${addDays(from, 7)}"]`), { targetPosition: { x: 10, y: 60 } })
  await expect.poll(() => sim.state.athlete(CYCLIST)!.events.find((e) => e.id === id)?.start_date_local?.slice(0, 10)).toBe(addDays(from, 7))
  await expect(grid.locator(`td.cell[data-day="${addDays(from, 7)}"] .chip-event[data-event="${id}"]`)).toBeVisible()

  // A day from the athlete's today on: an earlier one asks for the coach's yes first.
  const empty = grid.locator('td.cell:not(.past):not(:has(.chip-event)):not(:has(.chip-activity))').first()
  const day = (await empty.getAttribute('data-day'))!
  await empty.dblclick({ position: { x: 5, y: 40 } })
  await page.getByTestId('editor-name').fill('Month note')
  await page.getByTestId('editor-category').selectOption('NOTE')
  await page.getByTestId('editor-save').click()
  await expect(page.getByTestId('event-editor')).toHaveCount(0)
  const note = sim.state.athlete(CYCLIST)!.events.find((e) => e.name === 'Month note')!
  expect(note.start_date_local!.slice(0, 10)).toBe(day)
  await expect(grid.locator(`td.cell[data-day="${day}"] .chip-event.cat-note`)).toContainText('Month note')
})

test('a selection by keyboard alone: Tab into the grid, arrows, Shift+arrows, Delete previews exactly those events, Esc closes; ? lists the keys', async ({ app }) => {
  const { page } = app
  await openCalendar(page)
  const order = await page.getByTestId('calendar-row').evaluateAll((rows) => rows.map((r) => ({ id: (r as HTMLElement).dataset.athlete!, readOnly: !!r.querySelector('.ro-mark') })))
  // Two neighbouring athletes the coach may change (a read-only one would be left out of the delete).
  const first = order.findIndex((r, i) => i > 0 && !r.readOnly && order[i + 1] && !order[i + 1]!.readOnly)
  expect(first).toBeGreaterThan(0)

  await tabIntoCalendar(page)
  const start = await focused(page)
  expect(start.athleteId).toBe(order[0]!.id)
  await expect(page.locator('td.cell:focus-visible')).toHaveCount(1)
  for (let i = 0; i < first; i++) await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowRight')
  const anchor = await focused(page)
  expect(anchor).toEqual({ athleteId: order[first]!.id, date: start.date })
  await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('Shift+ArrowDown')
  const corner = await focused(page)
  expect(corner).toEqual({ athleteId: order[first + 1]!.id, date: addDays(start.date, 2) })

  const expected = [order[first]!.id, order[first + 1]!.id].flatMap((id) => eventsBetween(app, id, anchor.date, corner.date)).map((e) => e.id)
  await expectDeletePreview(app, expected)

  // Esc again clears the selection; the focus stays where it was.
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('bulk-menu')).toHaveCount(0)
  expect(await focused(page)).toEqual(corner)

  await page.keyboard.press('?')
  const overlay = page.getByTestId('shortcuts-overlay')
  await expect(overlay).toBeVisible()
  await expect(overlay).toContainText('PageUp / PageDown')
  await expect(overlay).toContainText('Shift + arrows')
  await expect(overlay).toContainText('Ctrl/⌘ + 1 · 2 · 3')
  await expect(overlay).toContainText('Ctrl/⌘ + K')
  await page.screenshot({ path: test.info().outputPath('calendar-shortcuts.png') })
  await page.keyboard.press('Escape')
  await expect(overlay).toHaveCount(0)

  // PageDown moves a week; Enter on a cell opens its event, or a new one on an empty day.
  const range = await page.getByTestId('range-label').textContent()
  await page.keyboard.press('PageDown')
  await expect(page.getByTestId('range-label')).not.toHaveText(range!)
  await tabIntoCalendar(page)
  const before = await focused(page)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('event-editor')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('event-editor')).toHaveCount(0)
  // The cell has the focus back: the keys go on from where they were.
  await expect.poll(() => focused(page)).toEqual(before)
})

test("four weeks by keyboard alone: down through one athlete's month to the next, Shift+arrows select the box of days drawn, Delete previews exactly those", async ({ app }) => {
  const { page } = app
  await openCalendar(page)
  await showFourWeeks(page)
  const order = await page.getByTestId('calendar-row').evaluateAll((rows) => rows.map((r) => ({ id: (r as HTMLElement).dataset.athlete!, readOnly: !!r.querySelector('.ro-mark') })))
  const k = order.findIndex((r, i) => i > 0 && !r.readOnly)
  expect(k).toBeGreaterThan(0)
  const gridStart = (await page.locator(`[data-testid="calendar-row"][data-athlete="${order[0]!.id}"] td.cell`).first().getAttribute('data-day'))!

  await tabIntoCalendar(page)
  const start = await focusedAnywhere(page)
  expect(start.athleteId).toBe(order[0]!.id)
  const line = Math.floor(daysBetween(gridStart, start.date) / 7)
  // Down a week at a time: to the first athlete's last line, then on to the next athlete's first line.
  for (let i = 0; i < 3 - line; i++) await page.keyboard.press('ArrowDown')
  expect(await focusedAnywhere(page)).toEqual({ athleteId: order[0]!.id, date: addDays(start.date, 7 * (3 - line)) })
  for (let i = 0; i < 4 * (k - 1) + 1; i++) await page.keyboard.press('ArrowDown')
  const top = addDays(start.date, -7 * line)
  expect(await focusedAnywhere(page)).toEqual({ athleteId: order[k]!.id, date: top })
  // Left to the Monday of that line, then one right: Tuesday of the athlete's first week.
  for (let i = 0; i < weekday(top); i++) await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowRight')
  const anchor = { athleteId: order[k]!.id, date: addDays(gridStart, 1) }
  expect(await focusedAnywhere(page)).toEqual(anchor)

  // Tuesday to Thursday, down to the last week and once more: Shift keeps the focus in this athlete's month.
  await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('Shift+ArrowRight')
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowDown')
  const corner = await focusedAnywhere(page)
  expect(corner).toEqual({ athleteId: order[k]!.id, date: addDays(gridStart, 21 + 3) })
  const cornerCell = page.locator(`[data-testid="calendar-row"][data-athlete="${corner.athleteId}"] td.cell[data-day="${corner.date}"]`)
  await expect(cornerCell).toBeFocused()
  await expect(cornerCell).toBeInViewport({ ratio: 0.9 })

  // The box drawn: Tuesday to Thursday of each of the four weeks, not the Fridays to Mondays between.
  await expectBoxDeletePreview(app, order[k]!.id, anchor.date, corner.date)

  // Enter opens the focused day's event (or a new one there); closed, the focus is back on the day.
  await page.keyboard.press('Escape')
  await expect.poll(() => focusedAnywhere(page)).toEqual(corner)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('event-editor')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('event-editor')).toHaveCount(0)
  await expect.poll(() => focusedAnywhere(page)).toEqual(corner)
})

test("four weeks: a weekday's heading selects that day of every week shown, a line's week total that athlete's week; Ctrl-click adds", async ({ app }) => {
  const { page, sim } = app
  await openCalendar(page)
  await showFourWeeks(page)
  const gridStart = (await page.locator('[data-testid="calendar-row"] td.cell').first().getAttribute('data-day'))!
  const gridEnd = addDays(gridStart, 27)
  const onWeekdays = (days: number[]) =>
    sim.state.coached.flatMap((a) => eventsBetween(app, a.id, gridStart, gridEnd).filter((e) => days.includes(weekday(e.start_date_local!))))
  const heads = page.getByTestId('month-day-head')
  await heads.nth(2).click()
  expect(onWeekdays([2]).length).toBeGreaterThan(0)
  await expect(page.getByTestId('selection-count')).toHaveText(`${onWeekdays([2]).length} selected`)
  await heads.nth(5).click({ modifiers: ['Control'] })
  await expect(page.getByTestId('selection-count')).toHaveText(`${onWeekdays([2, 5]).length} selected`)
  await heads.nth(0).click()
  await expect(page.getByTestId('selection-count')).toHaveText(`${onWeekdays([0]).length} selected`)

  // A line's week total selects that athlete's week alone; Ctrl-click adds the next line.
  const block = page.getByTestId('calendar-row').first()
  const athleteId = (await block.getAttribute('data-athlete'))!
  const weekOf = (from: number, weeks: number) => eventsBetween(app, athleteId, addDays(gridStart, from * 7), addDays(gridStart, from * 7 + weeks * 7 - 1)).length
  expect(weekOf(1, 1)).toBeGreaterThan(0)
  await block.getByTestId('week-total').nth(1).click()
  await expect(page.getByTestId('selection-count')).toHaveText(`${weekOf(1, 1)} selected`)
  await block.getByTestId('week-total').nth(2).click({ modifiers: ['Control'] })
  await expect(page.getByTestId('selection-count')).toHaveText(`${weekOf(1, 2)} selected`)
})

test.describe('a roster longer than the window', () => {
  test.use({ athletes: 40 })

  test('the arrows bring a row out of view into view and give it the focus', async ({ app }) => {
    const { page, sim } = app
    await openCalendar(page)
    const ids = sim.state.coached.map((a) => a.id)
    await tabIntoCalendar(page)
    const visited = [(await focused(page)).athleteId]
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('ArrowDown')
      visited.push((await focused(page)).athleteId)
    }
    // Each press went one athlete further, past the rows first drawn.
    expect(new Set(visited).size).toBe(31)
    const at = await focused(page)
    const drawn = await page.getByTestId('calendar-row').count()
    expect(drawn).toBeLessThan(ids.length)
    const cell = page.locator(`[data-testid="calendar-row"][data-athlete="${at.athleteId}"] td.cell[data-day="${at.date}"]`)
    await expect(cell).toBeInViewport({ ratio: 0.9 })
    // Wholly inside the scrolling area, below its sticky date header.
    const inside = async () => {
      const box = (await cell.boundingBox())!
      const view = (await page.locator('.cal-scroll').boundingBox())!
      const header = (await page.locator('.cal-grid thead').boundingBox())!
      return box.y >= header.y + header.height - 1 && box.y + box.height <= view.y + view.height + 1
    }
    await expect.poll(inside).toBe(true)

    // Scrolled back to the top, the focused row is no longer drawn; the next arrow goes on from it.
    await page.locator('.cal-scroll').evaluate((el) => el.scrollTo({ top: 0 }))
    await expect(page.locator(`[data-testid="calendar-row"][data-athlete="${at.athleteId}"]`)).toHaveCount(0)
    await page.keyboard.press('ArrowDown')
    const after = await focused(page)
    expect(visited).not.toContain(after.athleteId)
    const next = page.locator(`[data-testid="calendar-row"][data-athlete="${after.athleteId}"] td.cell[data-day="${at.date}"]`)
    await expect(next).toBeFocused()
    await expect(next).toBeInViewport({ ratio: 0.9 })
  })

  test("in four weeks the arrows go down athlete after athlete's month, each brought into view and focused", async ({ app }) => {
    const { page, sim } = app
    await openCalendar(page)
    await showFourWeeks(page)
    const ids = sim.state.coached.map((a) => a.id)
    await tabIntoCalendar(page)
    const start = await focusedAnywhere(page)
    const gridStart = (await page.locator('[data-testid="calendar-row"] td.cell').first().getAttribute('data-day'))!
    const line = Math.floor(daysBetween(gridStart, start.date) / 7)
    // Each athlete is four lines: 4 × 15 presses from the first athlete's first line reach the 16th athlete.
    const visited = new Set([start.athleteId])
    for (let i = 0; i < 3 - line + 4 * 14 + 1; i++) {
      await page.keyboard.press('ArrowDown')
      visited.add((await focusedAnywhere(page)).athleteId)
    }
    const at = await focusedAnywhere(page)
    expect(visited.size).toBe(16)
    expect(at.date).toBe(addDays(start.date, -7 * line))
    expect(await page.getByTestId('calendar-row').count()).toBeLessThan(ids.length)
    const cell = page.locator(`[data-testid="calendar-row"][data-athlete="${at.athleteId}"] td.cell[data-day="${at.date}"]`)
    await expect(cell).toBeFocused()
    await expect(cell).toBeInViewport({ ratio: 0.9 })
  })
})
