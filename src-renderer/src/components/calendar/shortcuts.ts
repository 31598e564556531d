// Every key of the calendar and the app's own keys that work on it, as the ? list shows them. The
// calendar's keys are in calendarKeys.ts and cellFocus.ts; the app's in the menu (src-main/shell/menu.ts),
// the palette (CommandPalette.vue) and escape.ts. A key added there is added here.

export interface Shortcut {
  keys: string
  what: string
}

export function calendarShortcuts(where: 'grid' | 'month'): { title: string; items: Shortcut[] }[] {
  const span = where === 'month' ? 'month' : 'week'
  return [
    {
      title: 'Move',
      items: [
        { keys: 'Tab', what: 'Into the calendar: the focused day has a ring' },
        where === 'month'
          ? { keys: '← → ↑ ↓', what: 'The focus a day left or right, a week up or down' }
          : { keys: '← → ↑ ↓', what: 'The focus a day left or right, an athlete up or down (in 4 weeks a week, then on to the next athlete)' },
        { keys: 'Alt + ↑ ↓', what: "From event to event of the focused day, and back to the day" },
        { keys: 'PageUp / PageDown', what: `Previous / next ${span}` },
        { keys: 'T', what: `This ${span}` },
        ...(where === 'grid' ? [{ keys: 'G', what: 'Go to a date: type it in the field' }] : []),
      ],
    },
    {
      title: 'Select and act',
      items: [
        where === 'month'
          ? { keys: 'Shift + arrows', what: 'Select every event in the box of days from where Shift was first held to the focused day (the weekdays between them, in each week)' }
          : { keys: 'Shift + arrows', what: "Select every event in the rectangle from where Shift was first held to the focused cell (in 4 weeks, within one athlete's month)" },
        { keys: 'Enter', what: 'Edit the focused event (on the day itself, its selected or first one), or create one on an empty day' },
        { keys: 'Space', what: 'Select the focused event' },
        { keys: 'Delete / Backspace', what: 'Preview deleting the selection' },
        { keys: 'Ctrl/⌘ + Z', what: 'Preview undoing the last change' },
        { keys: 'Esc', what: 'Close the dialog on top; with none open, clear the selection' },
        { keys: '?', what: 'This list' },
      ],
    },
    {
      title: 'Mouse',
      items: [
        { keys: 'Click · Shift-click · Ctrl/⌘-click', what: 'Select an event · the range to it · add it to the selection' },
        { keys: 'Double-click', what: 'Edit an event, or create one on an empty day' },
        { keys: 'Drag', what: where === 'month' ? 'Move an event to another day' : 'Move to another day; to another athlete, copy (hold Alt to move)' },
      ],
    },
    {
      title: 'Anywhere in Coach Desk',
      items: [
        { keys: 'Ctrl/⌘ + K', what: 'Jump to an athlete, a date or a page' },
        { keys: 'Ctrl/⌘ + 1 · 2 · 3', what: 'Roster · Calendar · Workouts (desktop app menu)' },
        { keys: 'Ctrl/⌘ + O', what: 'Import workout files (desktop app menu)' },
        { keys: 'Ctrl/⌘ + E', what: 'Export workouts (desktop app menu)' },
      ],
    },
  ]
}
