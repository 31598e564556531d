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
