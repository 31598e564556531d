import { describe, expect, it } from 'vitest'
import type { ComplianceRow, ComplianceWeek } from '@contract'
import { complianceCsv, loadPct, sortCompliance } from './complianceTable'

const week = (monday: string, plannedLoad: number, doneLoad: number, missed: ComplianceWeek['missed'] = []): ComplianceWeek => ({
  monday, plannedCount: 3, plannedSecs: 10800, plannedLoad, doneCount: 2, doneSecs: 7200, doneLoad, missed,
})
const rows: ComplianceRow[] = [
  { athleteId: 'i1', name: 'Maya Chen', weeks: [week('2026-03-02', 200, 180)] },
  { athleteId: 'i2', name: 'Jamal, "JJ" Okafor', weeks: [week('2026-03-02', 100, 40, [{ date: '2026-03-03', name: 'Tempo, hills' }, { date: '2026-03-05', name: '=cmd' }])] },
  { athleteId: 'i3', name: 'Lena Fischer', weeks: [week('2026-03-02', 0, 60)] },
]

describe('the compliance table', () => {
  it('sorts by a week’s load %, with athletes who had nothing planned last either way', () => {
    expect(sortCompliance(rows, { key: 'week', index: 0 }, 'asc').map((r) => r.athleteId)).toEqual(['i2', 'i1', 'i3'])
    expect(sortCompliance(rows, { key: 'week', index: 0 }, 'desc').map((r) => r.athleteId)).toEqual(['i1', 'i2', 'i3'])
    expect(sortCompliance(rows, { key: 'missed' }, 'desc')[0]!.athleteId).toBe('i2')
    expect(sortCompliance(rows, { key: 'name' }, 'asc').map((r) => r.athleteId)).toEqual(['i2', 'i3', 'i1'])
    expect(loadPct(rows[2]!.weeks[0])).toBeNull()
  })

  it('exports one CSV line per athlete and week, quoting commas and quotes and defusing formulas', () => {
    const csv = complianceCsv(rows)
    const lines = csv.trimEnd().split('\r\n')
    expect(lines[0]).toBe('athlete,week,planned workouts,planned minutes,planned load,done activities,done minutes,done load,load %,missed')
    expect(lines[1]).toBe('Maya Chen,2026-03-02,3,180,200,2,120,180,90,')
    expect(lines[2]).toBe('"Jamal, ""JJ"" Okafor",2026-03-02,3,180,100,2,120,40,40,"2026-03-03 Tempo, hills; 2026-03-05 =cmd"')
    expect(lines[3]).toBe('Lena Fischer,2026-03-02,3,180,0,2,120,60,,')
    expect(complianceCsv([{ athleteId: 'i9', name: '=HYPERLINK("x")', weeks: [week('2026-03-02', 1, 1)] }])).toContain(`"'=HYPERLINK(""x"")"`)
  })
})

describe('the compliance table at its edges', () => {
  const named = (athleteId: string, name: string, weeks: ComplianceWeek[]): ComplianceRow => ({ athleteId, name, weeks })

  it('sorts by missed workouts both ways, ties by name, and names both ways', () => {
    const m = (n: number) => Array.from({ length: n }, (_, i) => ({ date: `2026-03-0${i + 1}`, name: 'Ride' }))
    const list = [named('a', 'Cleo', [week('2026-03-02', 10, 10, m(1)), week('2026-03-09', 10, 10, m(1))]), named('b', 'Abe', [week('2026-03-02', 10, 10, m(1))]), named('c', 'Bea', [week('2026-03-02', 10, 10, [])])]
    expect(sortCompliance(list, { key: 'missed' }, 'asc').map((r) => r.athleteId)).toEqual(['c', 'b', 'a'])
    expect(sortCompliance(list, { key: 'missed' }, 'desc').map((r) => r.athleteId)).toEqual(['a', 'b', 'c'])
    expect(sortCompliance(list, { key: 'name' }, 'desc').map((r) => r.athleteId)).toEqual(['a', 'c', 'b'])
    expect(list.map((r) => r.athleteId)).toEqual(['a', 'b', 'c'])
  })

  it('orders athletes with the same % by name, and those with nothing planned by name too', () => {
    const list = [named('z', 'Zed', [week('w', 100, 50)]), named('y', 'Yan', [week('w', 0, 5)]), named('a', 'Amy', [week('w', 200, 100)]), named('x', 'Xia', [week('w', 0, 0)]), named('n', 'Nia', [])]
    expect(sortCompliance(list, { key: 'week', index: 0 }, 'asc').map((r) => r.athleteId)).toEqual(['a', 'z', 'n', 'x', 'y'])
    expect(sortCompliance(list, { key: 'week', index: 0 }, 'desc').map((r) => r.athleteId)).toEqual(['a', 'z', 'n', 'x', 'y'])
  })

  it('defuses every formula start and quotes line breaks', () => {
    const csv = (name: string) => complianceCsv([named('a', name, [week('2026-03-02', 1, 1)])]).split('\r\n')[1]!.split(',2026-03-02')[0]
    expect(csv('+1')).toBe("'+1")
    expect(csv('-1')).toBe("'-1")
    expect(csv('@SUM')).toBe("'@SUM")
    expect(csv('\tx')).toBe("'\tx")
    expect(csv('x=1')).toBe('x=1')
    expect(csv('two\nlines')).toBe('"two\nlines"')
    expect(csv('carriage\rreturn')).toBe('"carriage\rreturn"')
    expect(csv('\rx')).toBe(`"'\rx"`)
    expect(complianceCsv([])).toBe('athlete,week,planned workouts,planned minutes,planned load,done activities,done minutes,done load,load %,missed\r\n')
  })

  it('rounds minutes to the nearest whole minute', () => {
    const line = complianceCsv([named('a', 'A', [{ ...week('2026-03-02', 1, 1), plannedSecs: 89, doneSecs: 90 }])]).split('\r\n')[1]
    expect(line).toBe('A,2026-03-02,3,1,1,2,2,1,100,')
  })
})

describe('the compliance table: ties and numbers', () => {
  it('keeps two athletes of the same name in their order, both ways', () => {
    const twins: ComplianceRow[] = [
      { athleteId: 'first', name: 'Sam Lee', weeks: [] },
      { athleteId: 'second', name: 'Sam Lee', weeks: [] },
    ]
    expect(sortCompliance(twins, { key: 'name' }, 'asc').map((r) => r.athleteId)).toEqual(['first', 'second'])
    expect(sortCompliance(twins, { key: 'name' }, 'desc').map((r) => r.athleteId)).toEqual(['first', 'second'])
  })

  it('writes a number as a number, a minus sign included: only text can be a formula', () => {
    const line = complianceCsv([{ athleteId: 'a', name: 'A', weeks: [week('2026-03-02', 10, -5)] }]).split('\r\n')[1]
    expect(line).toBe('A,2026-03-02,3,180,10,2,120,-5,-50,')
  })
})
