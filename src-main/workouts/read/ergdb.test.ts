import { describe, expect, it } from 'vitest'
import { readErgDb } from './ergdb'
import { WorkoutFileError } from './types'

// ERGdb courses as trainer programs write them: the header, the points and the cues, each read into the steps
// the coach sees in the import preview.

const course = (header: string[], data: string[], text: string[] = []) =>
  [
    '[COURSE HEADER]',
    ...header,
    '[END COURSE HEADER]',
    '[COURSE DATA]',
    ...data,
    '[END COURSE DATA]',
    ...(text.length ? ['[COURSE TEXT]', ...text, '[END COURSE TEXT]'] : []),
  ].join('\n')

const pct = (start: number, end?: number) => ({ kind: 'power', units: '%ftp', start, ...(end === undefined ? {} : { end }) })

describe('the header', () => {
  it('gives the name and description, trimmed, and none when they are missing or empty', () => {
    const read = readErgDb(course(['  file name =  Hill reps ', 'Description= Two climbs', 'MINUTES PERCENT'], ['0 50', '10 50']), 'mrc')
    expect([read.name, read.description, read.sport]).toEqual(['Hill reps', 'Two climbs', 'Ride'])
    const bare = readErgDb(course(['FILE NAME =', 'MINUTES PERCENT'], ['0 50', '10 50']), 'mrc')
    expect([bare.name, bare.description]).toEqual([null, null])
  })

  it('takes a bracket inside a line, or text after a section name, as no section', () => {
    const read = readErgDb(course(['DESCRIPTION = Over-unders [HARD]', '[Note] two blocks', 'MINUTES WATTS', 'FTP = 200'], ['0 100', '10 100']), 'mrc')
    expect(read.description).toBe('Over-unders [HARD]')
    expect(read.items).toEqual([{ type: 'step', line: 0, durationSecs: 600, target: pct(50) }])
  })

  it('takes the columns from the MINUTES line only, and nothing from a line with no name before its "="', () => {
    const read = readErgDb(course(['MINUTES WATTS', '=FTP=250', 'Last 5 minutes in PERCENT'], ['0 100', '10 100']), 'mrc')
    expect(read.items).toEqual([{ type: 'step', line: 0, durationSecs: 600, target: { kind: 'power', units: 'w', start: 100 } }])
  })

  it('reads section names in any case and with spaces inside the brackets', () => {
    const text = '[ course header ]\nMINUTES WATTS\nFTP=200\n[ end course header ]\n[Course Data]\n0 100\n5 100\n[End Course Data]'
    expect(readErgDb(text, 'mrc').items).toEqual([{ type: 'step', line: 0, durationSecs: 300, target: pct(50) }])
  })

  it('ignores lines outside any section and blank lines inside one', () => {
    const text = 'made by a trainer\n[COURSE DATA]\n\n0 50\n   \n10 50\n[END COURSE DATA]\n20 90'
    expect(readErgDb(text, 'mrc').items).toEqual([{ type: 'step', line: 0, durationSecs: 600, target: pct(50) }])
  })
})

describe('the unit of the values', () => {
  const data = ['0 150', '10 150']

  it('is percent of FTP in an .mrc and watts in an .erg unless the columns say otherwise', () => {
    expect(readErgDb(course([], ['0 50.04', '10 50.04']), 'mrc').items[0]).toMatchObject({ target: pct(50) })
    expect(readErgDb(course([], data), 'erg').items[0]).toMatchObject({ target: { kind: 'power', units: 'w', start: 150 } })
    expect(readErgDb(course(['MINUTES PERCENT'], data), 'erg').items[0]).toMatchObject({ target: pct(150) })
    expect(readErgDb(course(['minutes watts'], data), 'mrc').items[0]).toMatchObject({ target: { kind: 'power', units: 'w', start: 150 } })
  })

  it('turns watts into percent of the file’s FTP to a tenth, saying so; watts are whole without an FTP', () => {
    const withFtp = readErgDb(course(['FTP = 287', 'MINUTES WATTS'], ['0 200', '10 200']), 'erg')
    expect(withFtp.items[0]).toMatchObject({ target: pct(69.7) })
    expect(withFtp.notes).toEqual(["Watts were turned into % of FTP using the file's FTP of 287 W."])
    const without = readErgDb(course(['MINUTES WATTS'], ['0 200.4', '10 200.4']), 'erg')
    expect(without.items[0]).toMatchObject({ target: { kind: 'power', units: 'w', start: 200 } })
    expect(without.notes).toEqual(['The file gives watts and no FTP, so the steps keep their watts.'])
    const zero = readErgDb(course(['FTP = 0', 'MINUTES WATTS'], ['0 200', '10 200']), 'erg')
    expect(zero.items[0]).toMatchObject({ target: { units: 'w', start: 200 } })
    expect(zero.notes).toEqual(['The file gives watts and no FTP, so the steps keep their watts.'])
  })

  it('adds no note to a course in percent', () => {
    expect(readErgDb(course(['FTP = 250', 'MINUTES PERCENT'], ['0 50', '10 50']), 'mrc').notes).toEqual([])
  })
})

describe('the points', () => {
  it('make one step per stretch between two times, a ramp where the value changes', () => {
    const read = readErgDb(course(['MINUTES PERCENT'], ['0 50', '5 50', '5 80', '10 90']), 'mrc')
    // Strictly: a step without a cue has no text at all.
    expect(read.items).toStrictEqual([
      { type: 'step', line: 0, durationSecs: 300, target: pct(50) },
      { type: 'step', line: 0, durationSecs: 300, target: pct(80, 90), ramp: true },
    ])
  })

  it('are split by spaces, tabs or commas, and rounded to the second one by one', () => {
    const read = readErgDb(course([], ['0.00,50', '0.33\t60', '0.67 70']), 'mrc')
    expect(read.items.map((i) => i.type === 'step' && i.durationSecs)).toEqual([20, 20])
    expect(readErgDb(course([], ['0, 50', '10 ,\t50']), 'mrc').items).toEqual([{ type: 'step', line: 0, durationSecs: 600, target: pct(50) }])
  })

  it('read a value of 0 as 0, a rest at no power', () => {
    expect(readErgDb(course(['MINUTES WATTS'], ['0 0', '5 0']), 'erg').items).toEqual([
      { type: 'step', line: 0, durationSecs: 300, target: { kind: 'power', units: 'w', start: 0 } },
    ])
  })

  it('skip a point that goes back in time', () => {
    const read = readErgDb(course([], ['0 50', '10 50', '5 60', '15 60']), 'mrc')
    expect(read.items).toEqual([
      { type: 'step', line: 0, durationSecs: 600, target: pct(50) },
      { type: 'step', line: 0, durationSecs: 600, target: pct(60) },
    ])
  })

  it('refuse a negative or unreadable line, quoting up to 40 characters of it', () => {
    expect(() => readErgDb(course([], ['0 50', '-1 50']), 'mrc')).toThrow(new WorkoutFileError('Coach Desk cannot read the course line "-1 50".'))
    expect(() => readErgDb(course([], ['0 50', '1 -50']), 'mrc')).toThrow('"1 -50"')
    expect(() => readErgDb(course([], ['0 50', '1 Infinity']), 'mrc')).toThrow('"1 Infinity"')
    expect(() => readErgDb(course([], ['0 50', `1 ${'x'.repeat(50)}`]), 'mrc')).toThrow(`"1 ${'x'.repeat(38)}".`)
  })

  it('are read up to 10 000, and a longer course is refused', () => {
    // Points all at one time: 10 000 of them are read (and make no step), one more is refused as too many.
    const many = (n: number) => Array.from({ length: n }, () => '0 50')
    expect(() => readErgDb(course([], many(10_000)), 'mrc')).toThrow(new WorkoutFileError('This .mrc course has no steps.'))
    expect(() => readErgDb(course([], many(10_001)), 'mrc')).toThrow(new WorkoutFileError('This course has more than 10000 points.'))
  })

  it('refuse a course whose points are all at one time, naming its format', () => {
    expect(() => readErgDb(course([], ['0 50', '0 90']), 'erg')).toThrow(new WorkoutFileError('This .erg course has no steps.'))
    expect(() => readErgDb('[COURSE HEADER]\n[END COURSE HEADER]', 'erg')).toThrow(new WorkoutFileError('This is not an .erg course: it has no [COURSE DATA] section.'))
  })
})

describe('the cues', () => {
  it('go to the step that starts at their second, the first one written there, trimmed', () => {
    const read = readErgDb(course([], ['0 50', '5 50', '5 90', '10 90'], ['0\t  Easy  ', '0\tignored', '300.2\tGo', '450\tmid-step']), 'mrc')
    expect(read.items).toEqual([
      { type: 'step', line: 0, durationSecs: 300, target: pct(50), text: 'Easy' },
      { type: 'step', line: 0, durationSecs: 300, target: pct(90), text: 'Go' },
    ])
  })

  it('are left out when empty or at no readable second', () => {
    const read = readErgDb(course([], ['0 50', '5 50', '5 90', '10 90'], ['0\t \t10', '0\tStart', 'soon\tGo', '300']), 'mrc')
    expect(read.items.map((i) => i.type === 'step' && i.text)).toEqual(['Start', undefined])
  })
})
