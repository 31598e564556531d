import { describe, expect, it } from 'vitest'
import { athleteFolderName, eventFileBase, standaloneFileBase, uniqueInSet, zipEntryBase, zipFileBase, type EventMeta } from './names'

// The names a coach sees on exported files, zip entries and athlete folders, worked out by hand.

const event = (over: Partial<EventMeta> = {}): EventMeta => ({
  athleteId: 'i42',
  eventId: 7,
  name: 'Sweet Spot 3x12',
  date: '2026-12-01',
  category: 'WORKOUT',
  sport: 'Ride',
  ...over,
})

describe('a workout file inside its athlete’s folder', () => {
  it('is the local date, a space and the workout’s name', () => {
    expect(eventFileBase(event())).toBe('2026-12-01 Sweet Spot 3x12')
  })

  it('has no date when the event’s date is not a plain local date', () => {
    expect(eventFileBase(event({ date: '' }))).toBe('Sweet Spot 3x12')
    expect(eventFileBase(event({ date: '2026-12-01T06:00:00' }))).toBe('Sweet Spot 3x12')
    expect(eventFileBase(event({ date: 'on 2026-12-01' }))).toBe('Sweet Spot 3x12')
  })

  it('falls back to the event’s id when the name sanitises to nothing', () => {
    expect(eventFileBase(event({ name: '../..' }))).toBe('2026-12-01 workout-7')
    expect(eventFileBase(event({ name: '', date: '' }))).toBe('workout-7')
  })
})

describe('a workout file on its own (Save dialog, drag to the desktop)', () => {
  it('names the athlete between the date and the workout', () => {
    expect(standaloneFileBase(event(), 'Alice Martin')).toBe('2026-12-01 Alice Martin - Sweet Spot 3x12')
    expect(standaloneFileBase(event({ date: '' }), 'Alice Martin')).toBe('Alice Martin - Sweet Spot 3x12')
  })

  it('uses the athlete’s id for a name that sanitises to nothing, and the event’s id for the workout', () => {
    expect(standaloneFileBase(event({ name: '???' }), '../..')).toBe('2026-12-01 i42 - workout-7')
    expect(standaloneFileBase(event({ name: 'a/b' }), 'Bo: "Jo"')).toBe('2026-12-01 Bo Jo - a-b')
  })
})

describe('an athlete’s folder', () => {
  it('is the athlete’s name, made safe, or the athlete’s id', () => {
    expect(athleteFolderName('Alice Martin', 'i42')).toBe('Alice Martin')
    expect(athleteFolderName('Alice/Martin', 'i42')).toBe('Alice-Martin')
    expect(athleteFolderName('  ..  ', 'i42')).toBe('i42')
  })
})

describe('a workouts.zip entry as a file base', () => {
  it('keeps only the last path segment and drops the format’s extension, whatever its case', () => {
    expect(zipEntryBase('2026-12-01 Tempo.fit', 'fit', 0)).toBe('2026-12-01 Tempo')
    expect(zipEntryBase('Alice/2026-12-01 Tempo.FIT', 'fit', 0)).toBe('2026-12-01 Tempo')
    expect(zipEntryBase('a\\b\\Tempo.zwo', 'zwo', 0)).toBe('Tempo')
    expect(zipEntryBase('../../escape.fit', 'fit', 0)).toBe('escape')
    expect(zipEntryBase('folder/Tempo.mrc/', 'mrc', 0)).toBe('Tempo')
  })

  it('keeps another format’s extension as part of the name', () => {
    expect(zipEntryBase('Tempo.zwo', 'fit', 0)).toBe('Tempo.zwo')
    expect(zipEntryBase('Tempo.fit.erg', 'fit', 0)).toBe('Tempo.fit.erg')
  })

  it('falls back to the entry’s place in the zip, counted from 1', () => {
    expect(zipEntryBase('.fit', 'fit', 0)).toBe('workout-1')
    expect(zipEntryBase('/', 'fit', 2)).toBe('workout-3')
    expect(zipEntryBase('', 'erg', 4)).toBe('workout-5')
  })
})

describe('the default name of a one-zip export', () => {
  it('spans the earliest to the latest date of the selection, whatever their order', () => {
    expect(zipFileBase(['2026-12-07', '2026-12-01', '2026-12-03'], 'fit')).toBe('Workouts 2026-12-01 to 2026-12-07 (fit)')
  })

  it('names one date once, and none when there is none', () => {
    expect(zipFileBase(['2026-12-03', '2026-12-03'], 'zwo')).toBe('Workouts 2026-12-03 (zwo)')
    expect(zipFileBase([], 'erg')).toBe('Workouts (erg)')
  })

  it('leaves out anything that is not a local date', () => {
    expect(zipFileBase(['2026-12-03', '1', '2026-12-03T10:00', 'x2026-12-09'], 'mrc')).toBe('Workouts 2026-12-03 (mrc)')
    expect(zipFileBase(['', 'soon'], 'fit')).toBe('Workouts (fit)')
  })
})

describe('a name not yet taken in one folder or zip', () => {
  it('is the name itself, then the name with " (2)", " (3)" … before the extension', () => {
    const taken = new Set<string>()
    expect(uniqueInSet('2026-12-01 Tempo', '.fit', taken)).toBe('2026-12-01 Tempo.fit')
    expect(uniqueInSet('2026-12-01 Tempo', '.fit', taken)).toBe('2026-12-01 Tempo (2).fit')
    expect(uniqueInSet('2026-12-01 Tempo', '.fit', taken)).toBe('2026-12-01 Tempo (3).fit')
    // Another extension is another name.
    expect(uniqueInSet('2026-12-01 Tempo', '.zwo', taken)).toBe('2026-12-01 Tempo.zwo')
  })

  it('compares without case, as Windows and macOS do, and remembers each name handed out', () => {
    const taken = new Set<string>()
    expect(uniqueInSet('Sam Lee', '', taken)).toBe('Sam Lee')
    expect(uniqueInSet('SAM LEE', '', taken)).toBe('SAM LEE (2)')
    expect(taken).toEqual(new Set(['sam lee', 'sam lee (2)']))
  })

  it('skips a name someone already has in the set', () => {
    const taken = new Set(['tempo.fit', 'tempo (2).fit'])
    expect(uniqueInSet('Tempo', '.fit', taken)).toBe('Tempo (3).fit')
  })
})
