import { describe, expect, it } from 'vitest'
import { flattenSteps, parseWorkout } from '../parse'
import { writeErg, writeMrc, writeZwo } from '../../sim/downloadWriters'
import type { Step } from '../types'
import { WorkoutFileError, extensionOf, readWorkoutFile } from '.'
import { parseXml } from './xml'

const ZWIFT = `<?xml version="1.0" encoding="UTF-8"?>
<workout_file>
  <author>Zwift</author>
  <name>Over &amp; Unders</name>
  <description>Classic threshold work.
Keep cadence high.</description>
  <sportType>bike</sportType>
  <workout>
    <Warmup Duration="600" PowerLow="0.50" PowerHigh="0.75"/>
    <IntervalsT Repeat="3" OnDuration="120" OffDuration="60" OnPower="1.05" OffPower="0.55" Cadence="95" CadenceResting="85">
      <textevent timeoffset="0" message="Push 2 minutes"/>
    </IntervalsT>
    <SteadyState Duration="300" Power="0.6"/>
    <FreeRide Duration="180"/>
    <Cooldown Duration="300" PowerLow="0.65" PowerHigh="0.45"/>
  </workout>
</workout_file>`

/** The steps as the athlete does them, without line numbers, for comparing two texts. */
function steps(text: string, sport?: string): Omit<Step, 'line'>[] {
  return flattenSteps(parseWorkout(text, { sport })).map(({ line: _l, ...s }) => s)
}

describe('reading Zwift workouts', () => {
  it('reads ramps, interval sets with cues and cadence, steady and free-ride blocks', () => {
    const w = readWorkoutFile('over-unders.zwo', ZWIFT)
    expect(w).toMatchObject({ name: 'Over & Unders', sport: 'Ride', notes: [] })
    expect(w.text).toBe(
      [
        'Classic threshold work.',
        'Keep cadence high.',
        '',
        '- 10m ramp 50%-75%',
        '',
        '3x',
        '- Push 2 minutes 2m 105% 95rpm',
        '- 1m 55% 85rpm',
        '',
        '- 5m 60%',
        '- 3m freeride',
        '- 5m ramp 65%-45%',
      ].join('\n'),
    )
    expect(parseWorkout(w.text).issues).toEqual([])
  })

  it('reads a Zwift run as shares of threshold pace', () => {
    const run = ZWIFT.replace('<sportType>bike</sportType>', '<sportType>run</sportType>')
    const w = readWorkoutFile('run.zwo', run)
    expect(w.sport).toBe('Run')
    expect(w.text).toContain('- 5m 60% Pace')
  })

  it('refuses files that are not Zwift workouts, or that declare a document type', () => {
    expect(() => readWorkoutFile('x.zwo', '<html><body/></html>')).toThrow(WorkoutFileError)
    expect(() => readWorkoutFile('x.zwo', '<!DOCTYPE x [<!ENTITY a "b">]><workout_file/>')).toThrow(/document type/)
    expect(() => readWorkoutFile('x.zwo', '<workout_file><workout><SteadyState Power="0.5"/></workout></workout_file>')).toThrow(/no Duration/)
    expect(() => readWorkoutFile('x.zwo', '<workout_file><workout>')).toThrow(/no steps/)
    expect(() => readWorkoutFile('x.fit', 'binary')).toThrow(/reads .zwo, .mrc and .erg/)
  })

  it('refuses a Zwift file cut off inside a tag, an attribute or a comment, saying so', () => {
    const cutAt = (marker: string): string => ZWIFT.slice(0, ZWIFT.indexOf(marker) + marker.length)
    expect(() => readWorkoutFile('x.zwo', cutAt('<SteadyState'))).toThrow('ends inside the tag <SteadyState>')
    expect(() => readWorkoutFile('x.zwo', cutAt('OnPower="1'))).toThrow('ends inside an attribute of <IntervalsT>')
    expect(() => readWorkoutFile('x.zwo', '<workout_file><!-- half')).toThrow('ends inside a comment')
    expect(() => readWorkoutFile('x.zwo', '')).toThrow('has no XML elements')
  })

  it('reads the steps a Zwift file has when it is cut off between elements', () => {
    const cut = ZWIFT.slice(0, ZWIFT.indexOf('<FreeRide'))
    expect(readWorkoutFile('x.zwo', cut).text.split('\n').at(-1)).toBe('- 5m 60%')
  })

  it('decodes entities and character references but nothing else', () => {
    const el = parseXml('<a t="&lt;&#65;&#x42;&unknown;"><![CDATA[<raw>]]></a>')
    expect(el.attrs.t).toBe('<AB&unknown;')
    expect(el.text).toBe('<raw>')
  })
})

describe('reading ERGdb courses', () => {
  const mrc = [
    '[COURSE HEADER]',
    'VERSION = 2',
    'UNITS = ENGLISH',
    'DESCRIPTION = Sweet spot',
    'FILE NAME = SST 2x10',
    'MINUTES PERCENT',
    '[END COURSE HEADER]',
    '[COURSE DATA]',
    '0.00\t50',
    '10.00\t75',
    '10.00\t90',
    '20.00\t90',
    '20.00\t55',
    '25.00\t55',
    '25.00\t90',
    '35.00\t90',
    '35.00\t55',
    '40.00\t55',
    '[END COURSE DATA]',
    '[COURSE TEXT]',
    '600\tSettle in\t10',
    '[END COURSE TEXT]',
  ].join('\r\n')

  it('reads ramps and level changes, finds the repeat and attaches cues', () => {
    const w = readWorkoutFile('sst.mrc', mrc)
    expect(w.name).toBe('SST 2x10')
    expect(w.text).toBe(['Sweet spot', '', '- 10m ramp 50%-75%', '- Settle in 10m 90%', '- 5m 55%', '- 10m 90%', '- 5m 55%'].join('\n'))
  })

  it('turns watts into % of FTP when the file gives its FTP, and keeps watts otherwise', () => {
    const erg = '[COURSE HEADER]\nFTP = 250\nMINUTES WATTS\n[END COURSE HEADER]\n[COURSE DATA]\n0 125\n5 125\n5 250\n10 250\n[END COURSE DATA]'
    const w = readWorkoutFile('a.erg', erg)
    expect(w.text).toBe('- 5m 50%\n- 5m 100%')
    expect(w.notes[0]).toMatch(/FTP of 250 W/)
    expect(readWorkoutFile('b.erg', erg.replace('FTP = 250\n', '')).text).toBe('- 5m 125w\n- 5m 250w')
  })

  it('refuses a course without data or with unreadable lines', () => {
    expect(() => readWorkoutFile('a.mrc', '[COURSE HEADER]\n[END COURSE HEADER]')).toThrow(/no \[COURSE DATA\]/)
    expect(() => readWorkoutFile('a.mrc', '[COURSE DATA]\n0 x\n[END COURSE DATA]')).toThrow(/cannot read the course line/)
    expect(() => readWorkoutFile('a.mrc', '[COURSE DATA]\n0 50\n[END COURSE DATA]')).toThrow(/no steps/)
  })

  it('says where a course cut off in the middle of a line stops making sense', () => {
    const cut = '[COURSE HEADER]\nMINUTES WATTS\n[END COURSE HEADER]\n[COURSE DATA]\n0 125\n5 125\n5'
    expect(() => readWorkoutFile('cut.erg', cut)).toThrow(WorkoutFileError)
    expect(() => readWorkoutFile('cut.erg', cut)).toThrow('Coach Desk cannot read the course line "5".')
  })

  it('reads the points a course has when it is cut off between lines, and refuses one cut inside its header', () => {
    const cut = '[COURSE HEADER]\nMINUTES PERCENT\n[END COURSE HEADER]\n[COURSE DATA]\n0 50\n10 50\n10 90\n'
    expect(readWorkoutFile('cut.mrc', cut).text).toBe('- 10m 50%')
    expect(() => readWorkoutFile('cut.mrc', '[COURSE HEADER]\nFTP = 2')).toThrow(/no \[COURSE DATA\]/)
    expect(() => readWorkoutFile('cut.mrc', '[COURSE DATA')).toThrow(/no \[COURSE DATA\]/)
  })
})

describe('round trips through the trainer formats', () => {
  const text = 'Warmup\n- 10m ramp 50%-75%\n\nMain Set 4x\n- 5m 105%\n- 3m 55%\n\n- 5m 88%\n\nCooldown\n- 10m ramp 60%-40%'
  const input = { name: 'VO2 4x5', sport: 'Ride', ftp: 250, parsed: parseWorkout(text) }

  it.each([
    ['zwo', () => writeZwo(input)],
    ['mrc', () => writeMrc(input)],
  ])('text → .%s → text gives the same steps', (ext, write) => {
    const back = readWorkoutFile(`w.${ext}`, write())
    expect(steps(back.text)).toEqual(steps(text))
  })

  it('text → .erg → text gives the same steps within a watt', () => {
    const back = steps(readWorkoutFile('w.erg', writeErg(input)).text)
    const original = steps(text)
    expect(back.map((s) => s.durationSecs)).toEqual(original.map((s) => s.durationSecs))
    back.forEach((s, i) => {
      expect(s.target!.start).toBeCloseTo(original[i].target!.start, 0)
      expect(s.ramp ?? false).toBe(original[i].ramp ?? false)
    })
  })
})

describe('a workout file as the coach imports it', () => {
  const mrc = (header: string) => `\uFEFF[COURSE HEADER]\n${header}\nMINUTES PERCENT\n[END COURSE HEADER]\n[COURSE DATA]\n0 50\n10 50\n[END COURSE DATA]`

  it('is known by its extension in any case, and only .zwo, .mrc and .erg are read', () => {
    expect(['a.ZWO', 'b.Mrc', 'c.erg', 'd.fit', 'erg', 'e.erg.txt', 'f.'].map(extensionOf)).toEqual(['zwo', 'mrc', 'erg', null, null, null, null])
  })

  it('reads a file that starts with a byte order mark', () => {
    expect(readWorkoutFile('a.mrc', mrc('FILE NAME = Base')).text).toBe('- 10m 50%')
    // Only a mark at the start is the file's; one inside a name is the name's.
    expect(readWorkoutFile('a.mrc', mrc('FILE NAME = Ba\uFEFFse').slice(1)).name).toBe('Ba\uFEFFse')
  })

  it('is named by the file, else by its file name without the extension, else "Imported workout", at most 200 characters', () => {
    expect(readWorkoutFile('a.mrc', mrc('FILE NAME = Base')).name).toBe('Base')
    expect(readWorkoutFile('Sweet spot 2x20.v2.mrc', mrc('')).name).toBe('Sweet spot 2x20.v2')
    expect(readWorkoutFile(' .mrc', mrc('')).name).toBe('Imported workout')
    expect(readWorkoutFile('a.mrc', mrc(`FILE NAME = ${'n'.repeat(250)}`)).name).toBe('n'.repeat(200))
  })

  it('puts the description above the steps as headings, blank lines out and at most 20 of them', () => {
    const zwo = (description: string) =>
      `<workout_file><description>${description}</description><workout><SteadyState Duration="60" Power="0.5"/></workout></workout_file>`
    expect(readWorkoutFile('a.zwo', zwo('- Easy\n\nthen 4x')).text).toBe('Easy\nthen 4x.\n\n- 1m 50%')
    const long = Array.from({ length: 25 }, (_, k) => `line ${k + 1}`).join('\n')
    expect(readWorkoutFile('a.zwo', zwo(long)).text.split('\n\n')[0]?.split('\n')).toEqual(Array.from({ length: 20 }, (_, k) => `line ${k + 1}`))
    expect(readWorkoutFile('a.zwo', zwo('  ')).text).toBe('- 1m 50%')
  })

  it('keeps the notes and sport of what it read', () => {
    const read = readWorkoutFile('a.erg', '[COURSE DATA]\n0 100\n10 100\n[END COURSE DATA]')
    expect(read).toEqual({ name: 'a', sport: 'Ride', text: '- 10m 100w', notes: ['The file gives watts and no FTP, so the steps keep their watts.'] })
  })
})
