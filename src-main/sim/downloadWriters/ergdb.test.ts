import { describe, expect, it } from 'vitest'
import { parseWorkout } from '../../workouts/parse'
import { writeMrc } from './mrc'
import { writeErg } from './erg'
import { WorkoutExportError } from './exportSteps'
import type { WorkoutExportInput } from './input'

function input(text: string, extra: Partial<WorkoutExportInput> = {}): WorkoutExportInput {
  return { name: 'Over-unders', sport: 'Ride', parsed: parseWorkout(text), ...extra }
}

/** Splits an ERGdb file into its bracketed sections. */
function sections(file: string): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  let current: string[] | undefined
  for (const line of file.split('\r\n')) {
    const open = /^\[(?!END )(.+)\]$/.exec(line)
    if (open) out[open[1]] = current = []
    else if (/^\[END /.test(line)) current = undefined
    else if (line !== '') {
      if (!current) throw new Error(`line outside a section: ${line}`)
      current.push(line)
    }
  }
  return out
}

function points(file: string): Array<[number, number]> {
  return sections(file)['COURSE DATA'].map((line) => {
    const [min, value] = line.split('\t')
    return [Number(min), Number(value)]
  })
}

const workout = '- 10m ramp 50%-75%\n\n2x\n- 5m 105%\n- 2m30s 55%\n\n- Spin easy 5m 50%'

describe('writeMrc', () => {
  it('writes minutes against percent of FTP, a step change as two points at the same minute', () => {
    const file = writeMrc(input(workout))
    expect(sections(file)['COURSE HEADER']).toContain('MINUTES PERCENT')
    expect(points(file)).toEqual([
      [0, 50],
      [10, 75],
      [10, 105],
      [15, 105],
      [15, 55],
      [17.5, 55],
      [17.5, 105],
      [22.5, 105],
      [22.5, 55],
      [25, 55],
      [25, 50],
      [30, 50],
    ])
  })

  it('puts cues in the course text at their start second', () => {
    expect(sections(writeMrc(input(workout)))['COURSE TEXT']).toEqual(['1500\tSpin easy\t10'])
  })

  it('keeps the header on one line per field and uses CRLF throughout', () => {
    const file = writeMrc(input('- 10m 60%', { name: 'A\tB', description: 'line one\nline two' }))
    expect(file.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(sections(file)['COURSE HEADER']).toEqual([
      'VERSION = 2',
      'UNITS = ENGLISH',
      'DESCRIPTION = line one line two',
      'FILE NAME = A B',
      'MINUTES PERCENT',
    ])
  })

  it('holds free-ride steps at an easy 50%', () => {
    expect(points(writeMrc(input('- 10m freeride')))).toEqual([
      [0, 50],
      [10, 50],
    ])
  })
})

describe('writeErg', () => {
  it('writes watts from the FTP and names the FTP in the header', () => {
    const file = writeErg(input(workout, { ftp: 280 }))
    expect(sections(file)['COURSE HEADER']).toEqual(expect.arrayContaining(['FTP = 280', 'MINUTES WATTS']))
    expect(points(file).slice(0, 4)).toEqual([
      [0, 140],
      [10, 210],
      [10, 294],
      [15, 294],
    ])
  })

  it('keeps absolute watts as written', () => {
    expect(points(writeErg(input('- 1m30s 333w', { ftp: 250 })))).toEqual([
      [0, 333],
      [1.5, 333],
    ])
  })

  it('refuses to write watts without an FTP', () => {
    expect(() => writeErg(input(workout))).toThrow(expect.objectContaining({ code: 'NEEDS_FTP' }))
    expect(() => writeErg(input(workout))).toThrow(WorkoutExportError)
  })
})
