import { describe, expect, it } from 'vitest'
import { readZwo } from './zwo'
import { WorkoutFileError } from './types'

// Zwift workout blocks as Zwift writes them, each read into the steps the coach sees in the import preview.

const zwo = (blocks: string, head = '<name>W</name>') => `<workout_file>${head}<workout>${blocks}</workout></workout_file>`
const items = (blocks: string, head?: string) => readZwo(zwo(blocks, head)).items
const pct = (start: number, end?: number) => ({ kind: 'power', units: '%ftp', start, ...(end === undefined ? {} : { end }) })

describe('a steady block', () => {
  it('holds its Power as a share of FTP to a tenth of a percent, its duration to the second', () => {
    expect(items('<SteadyState Duration="299.6" Power="0.8765"/>')).toEqual([{ type: 'step', line: 0, durationSecs: 300, target: pct(87.7) }])
  })

  it('is a range between PowerLow and PowerHigh when it has no Power, a single value when they round the same', () => {
    expect(items('<SteadyState Duration="60" PowerLow="0.88" PowerHigh="0.94"/>')[0]).toMatchObject({ target: pct(88, 94) })
    expect(items('<SteadyState Duration="60" PowerLow="0.88" PowerHigh="0.8801"/>')[0]).toMatchObject({ target: pct(88) })
    expect(items('<SteadyState Duration="60" Power="0.7" PowerLow="0.5" PowerHigh="0.9"/>')).toStrictEqual([
      { type: 'step', line: 0, durationSecs: 60, target: pct(70) },
    ])
    expect(items('<SteadyState Duration="60" PowerLow="0.5"/>')[0]).toMatchObject({ target: pct(50) })
  })

  it('skips a blank or unreadable value for the next name', () => {
    expect(items('<SteadyState Duration="60" Power=" " PowerLow="0.6"/>')[0]).toMatchObject({ target: pct(60) })
    expect(items('<SteadyState Duration="60" Power="high" PowerLow="0.6"/>')[0]).toMatchObject({ target: pct(60) })
  })

  it('is refused without a power or a positive duration, naming what is missing', () => {
    expect(() => items('<SteadyState Duration="60"/>')).toThrow(new WorkoutFileError('A <SteadyState> block has no Power.'))
    expect(() => items('<SteadyState Duration="0" Power="0.5"/>')).toThrow(new WorkoutFileError('A <SteadyState> block has no Duration.'))
    expect(() => items('<SteadyState Duration="" Power="0.5"/>')).toThrow('has no Duration')
  })

  it('lasts at most a day', () => {
    expect(items('<SteadyState Duration="100000" Power="0.5"/>')[0]).toMatchObject({ durationSecs: 86_400 })
    expect(items('<SteadyState Duration="86399" Power="0.5"/>')[0]).toMatchObject({ durationSecs: 86_399 })
  })

  it('keeps a positive cadence, whole, and drops a zero one', () => {
    expect(items('<SteadyState Duration="60" Power="0.5" Cadence="89.6"/>')[0]).toMatchObject({ cadence: { start: 90 } })
    expect(items('<SteadyState Duration="60" Power="0.5" Cadence="0"/>')[0]).not.toHaveProperty('cadence')
    expect(items('<SteadyState Duration="60" Power="0.5" Cadence="-90"/>')[0]).not.toHaveProperty('cadence')
  })
})

describe('a cue', () => {
  it('is the text event at the start of the block, else the first one, trimmed; message before element text', () => {
    const at = (events: string) => items(`<SteadyState Duration="60" Power="0.5">${events}</SteadyState>`)[0]
    expect(at('<textevent timeoffset="10" message="later"/><textevent timeoffset="0" message=" Now "/>')).toMatchObject({ text: 'Now' })
    expect(at('<textevent timeoffset="10" message="later"/><textevent timeoffset="20" message="last"/>')).toMatchObject({ text: 'later' })
    expect(at('<TextEvent message="no offset"/>')).toMatchObject({ text: 'no offset' })
    expect(at('<textevent timeoffset="0"> in the text </textevent>')).toMatchObject({ text: 'in the text' })
    expect(at('<textevent timeoffset="0" message="  "/>')).not.toHaveProperty('text')
    expect(at('<note message="not a cue"/><textevent timeoffset="5" message="Cue"/>')).toMatchObject({ text: 'Cue' })
  })

  it('is not taken from a text event outside any block', () => {
    const read = readZwo(zwo('<textevent timeoffset="0" message="hello"/><SteadyState Duration="60" Power="0.5"/>'))
    expect(read.items).toEqual([{ type: 'step', line: 0, durationSecs: 60, target: pct(50) }])
    expect(read.notes).toEqual([])
  })
})

describe('a warm-up, cool-down or ramp', () => {
  it('ramps from PowerLow to PowerHigh, down as well as up', () => {
    expect(items('<Warmup Duration="600" PowerLow="0.5" PowerHigh="0.75"/>')).toEqual([{ type: 'step', line: 0, durationSecs: 600, target: pct(50, 75), ramp: true }])
    expect(items('<Cooldown Duration="600" PowerLow="0.7" PowerHigh="0.4"/>')[0]).toMatchObject({ target: pct(70, 40), ramp: true })
    expect(items('<Ramp Duration="60" PowerLow="0.9" PowerHigh="1.1"/>')[0]).toMatchObject({ target: pct(90, 110), ramp: true })
  })

  it('is a steady step when both ends are the same', () => {
    expect(items('<Ramp Duration="60" PowerLow="0.6" PowerHigh="0.6"/>')).toEqual([{ type: 'step', line: 0, durationSecs: 60, target: pct(60) }])
  })

  it('is refused without both ends', () => {
    expect(() => items('<Warmup Duration="60" PowerLow="0.5"/>')).toThrow(new WorkoutFileError('A <Warmup> block needs PowerLow and PowerHigh.'))
    expect(() => items('<Cooldown Duration="60" PowerHigh="0.5"/>')).toThrow('A <Cooldown> block needs PowerLow and PowerHigh.')
  })
})

describe('an interval set', () => {
  it('repeats its on and off steps, the cue and cadence on the on step and the resting cadence on the off step', () => {
    expect(
      items('<IntervalsT Repeat="4" OnDuration="30" OffDuration="90" OnPower="1.2" OffPower="0.5" Cadence="100" CadenceResting="80"><textevent message="Go"/></IntervalsT>'),
    ).toEqual([
      {
        type: 'repeat',
        line: 0,
        reps: 4,
        steps: [
          { line: 0, durationSecs: 30, target: pct(120), cadence: { start: 100 }, text: 'Go' },
          { line: 0, durationSecs: 90, target: pct(50), cadence: { start: 80 } },
        ],
      },
    ])
  })

  it('is done once without a Repeat, and from once to a hundred times', () => {
    const reps = (r: string) => items(`<IntervalsT ${r} OnDuration="30" OffDuration="30" OnPower="1" OffPower="0.5"/>`)[0]
    expect(reps('')).toMatchObject({ reps: 1 })
    expect(reps('Repeat="0"')).toMatchObject({ reps: 1 })
    expect(reps('Repeat="2.6"')).toMatchObject({ reps: 3 })
    expect(reps('Repeat="500"')).toMatchObject({ reps: 100 })
  })

  it('takes the high on power and the low off power when it has ranges, and refuses a set without them', () => {
    const set = items('<IntervalsT Repeat="2" OnDuration="30" OffDuration="30" PowerOnLow="1.1" PowerOnHigh="1.2" PowerOffLow="0.4" PowerOffHigh="0.5"/>')[0]
    expect(set).toMatchObject({ steps: [{ target: pct(120) }, { target: pct(40) }] })
    const low = items('<IntervalsT Repeat="2" OnDuration="30" OffDuration="30" PowerOnLow="1.1" PowerOffHigh="0.5"/>')[0]
    expect(low).toMatchObject({ steps: [{ target: pct(110) }, { target: pct(50) }] })
    expect(() => items('<IntervalsT Repeat="2" OnDuration="30" OffDuration="30" OnPower="1"/>')).toThrow(
      new WorkoutFileError('An <IntervalsT> block needs OnPower and OffPower.'),
    )
    expect(() => items('<IntervalsT Repeat="2" OnDuration="30" OffDuration="30" OffPower="0.5"/>')).toThrow('needs OnPower and OffPower')
    expect(() => items('<IntervalsT Repeat="2" OffDuration="30" OnPower="1" OffPower="0.5"/>')).toThrow('A <IntervalsT> block has no OnDuration.')
    expect(() => items('<IntervalsT Repeat="2" OnDuration="30" OnPower="1" OffPower="0.5"/>')).toThrow('A <IntervalsT> block has no OffDuration.')
  })
})

describe('a free ride or max effort', () => {
  it('rides free, a max effort named so unless it has its own cue', () => {
    expect(items('<FreeRide Duration="600" Cadence="85"/>')).toEqual([{ type: 'step', line: 0, durationSecs: 600, freeride: true, cadence: { start: 85 } }])
    expect(items('<MaxEffort Duration="20"/>')).toEqual([{ type: 'step', line: 0, durationSecs: 20, freeride: true, text: 'Max effort' }])
    expect(items('<MaxEffort Duration="20"><textevent message="Sprint!"/></MaxEffort>')[0]).toMatchObject({ text: 'Sprint!' })
  })
})

describe('a workout', () => {
  it('notes each block it does not know and reads the rest', () => {
    const read = readZwo(zwo('<SolidState Duration="60"/><SteadyState Duration="60" Power="0.5"/>'))
    expect(read.notes).toEqual(['Skipped a <SolidState> block that Coach Desk does not know.'])
    expect(read.items).toHaveLength(1)
  })

  it('finds the repeats in steps spelled out, without reaching across an interval set', () => {
    const on = '<SteadyState Duration="60" Power="1.1"/>'
    const off = '<SteadyState Duration="60" Power="0.5"/>'
    const set = '<IntervalsT Repeat="2" OnDuration="30" OffDuration="30" OnPower="1.1" OffPower="0.5"/>'
    expect(items(on + off + on + off + set + on + off).map((i) => (i.type === 'repeat' ? `${i.reps}x${i.steps.length}` : i.type))).toEqual([
      '2x2',
      '2x2',
      'step',
      'step',
    ])
  })

  it('is a run when its sport type says so, with shares of threshold pace', () => {
    const read = readZwo(zwo('<SteadyState Duration="60" Power="0.9"/>', '<sportType> RUN </sportType>'))
    expect(read.sport).toBe('Run')
    expect(read.items[0]).toMatchObject({ target: { kind: 'pace', units: '%pace', start: 90 } })
    expect(readZwo(zwo('<SteadyState Duration="60" Power="0.9"/>', '<sportType>bike</sportType>')).sport).toBe('Ride')
  })

  it('gives its name and description trimmed, and none when they are blank or missing', () => {
    const read = readZwo(zwo('<SteadyState Duration="60" Power="0.5"/>', '<name> Tempo </name><description>\n Steady \n</description>'))
    expect([read.name, read.description]).toEqual(['Tempo', 'Steady'])
    const bare = readZwo(zwo('<SteadyState Duration="60" Power="0.5"/>', '<name> </name>'))
    expect([bare.name, bare.description]).toEqual([null, null])
  })

  it('is refused when it is not a Zwift workout or has no workout section, saying which', () => {
    expect(() => readZwo('<Workout_File><name>x</name></Workout_File>')).toThrow(new WorkoutFileError('This Zwift workout has no <workout> section.'))
    expect(() => readZwo('<plan><workout/></plan>')).toThrow(new WorkoutFileError('This is not a Zwift workout: it has no <workout_file>.'))
    expect(() => readZwo('<workout_file><workout><a b=c/></workout></workout_file>')).toThrow(
      new WorkoutFileError('This is not a readable Zwift workout: The attribute b of <a> is not quoted.'),
    )
    expect(() => readZwo(zwo('<Unknown/>'))).toThrow(new WorkoutFileError('This Zwift workout has no steps.'))
  })
})

describe('an error', () => {
  it('names its kind in a log line', () => {
    expect(String(new WorkoutFileError('This Zwift workout has no steps.'))).toBe('WorkoutFileError: This Zwift workout has no steps.')
  })
})
