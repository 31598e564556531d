import { Decoder, Stream } from '@garmin/fitsdk'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ExportReport } from '../../contract/exports'
import { client } from '../../sim/testHarness'
import { coreHarness, type CoreHarness } from '../../testing/core'
import { fixedFolderDialogs } from './dialogs'

// A .fit workout saved by the app, decoded with Garmin's own SDK and compared with step tables written
// by hand from the FIT profile (workout_step: custom power above 1000 is watts + 1000, custom heart
// rate above 100 is bpm + 100, speed in m/s; a repeat is a step pointing back at the first step it
// repeats) and intervals.icu's documented defaults for the band around a fixed target (power ±1.25%,
// heart rate ±0.75%, the "2.5%" and "1.5%" widths of its settings). Nothing here comes from a writer.

let h: CoreHarness
let out: string
const ATHLETE = 'i100001'
let uuid = 0
const exportId = () => `0d5c2a4e-8b7d-4c3e-9a1f-${String(++uuid).padStart(12, '0')}`

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'coach-desk-fit-reference-'))
  h = await coreHarness({ core: { dialogs: fixedFolderDialogs(out) } })
  expect((await h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey, storage: 'memory' })).ok).toBe(true)
  // The athlete's numbers on intervals.icu, set for the tables below.
  const a = h.sim.state.athlete(ATHLETE)!
  for (const s of a.sportSettings) Object.assign(s, { ftp: 250, lthr: 170, max_hr: 190, threshold_pace: 1000 / 240 })
})
afterAll(async () => {
  await rm(out, { recursive: true, force: true })
  await h.close()
})

/** Plans a workout on intervals.icu (the simulator), exports it as .fit through the app, and decodes the file. */
async function exportedSteps(name: string, type: string, description: string, date: string) {
  const created = await client(h.sim).post(`/athlete/${ATHLETE}/events?upsertOnUid=false`, { category: 'WORKOUT', type, name, description, start_date_local: `${date}T00:00:00` })
  expect(created.status).toBe(200)
  const eventId = (created.body as { id: number }).id
  const r = await h.core.invoke('exports:saveMany', {
    exportId: exportId(),
    format: 'fit',
    layout: 'folders',
    selection: { events: [{ athleteId: ATHLETE, eventId }], ranges: [] },
  })
  if (!r.ok) throw new Error(r.error.message)
  const report = r.value as ExportReport
  expect(report.written).toBe(1)
  const athleteName = h.sim.state.athlete(ATHLETE)!.athlete.name!
  const bytes = await readFile(join(out, athleteName, `${date} ${name}.fit`))
  const decoder = new Decoder(Stream.fromByteArray(bytes))
  expect(decoder.isFIT()).toBe(true)
  expect(decoder.checkIntegrity()).toBe(true)
  const { messages, errors } = decoder.read()
  expect(errors).toEqual([])
  return { workout: messages.workoutMesgs?.[0], steps: messages.workoutStepMesgs ?? [] }
}

/** The fields of a step a device acts on. */
const pick = (s: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.filter((k) => s[k] !== undefined).map((k) => [k, s[k]]))
const STEP_KEYS = [
  'messageIndex',
  'wktStepName',
  'durationType',
  'durationTime',
  'durationDistance',
  'durationStep',
  'repeatSteps',
  'targetType',
  'customTargetPowerLow',
  'customTargetPowerHigh',
  'customTargetHeartRateLow',
  'customTargetHeartRateHigh',
  'customTargetSpeedLow',
  'customTargetSpeedHigh',
  'intensity',
]

describe('a .fit workout saved by the app, decoded with the FIT SDK', () => {
  it('carries a threshold ride step by step: times, distances, watts + 1000 and a repeat', async () => {
    const text = ['Warmup', '- 10m ramp 50%-75%', '', 'Main Set 4x', '- 8m 100%', '- 2m 50% intensity=rest', '', 'Cooldown', '- Easy 2km 55%'].join('\n')
    const { workout, steps } = await exportedSteps('Threshold 4x8', 'Ride', text, '2027-01-05')
    expect(workout).toMatchObject({ wktName: 'Threshold 4x8', sport: 'cycling', numValidSteps: 5 })
    expect(steps.map((s) => pick(s as Record<string, unknown>, STEP_KEYS))).toEqual([
      // 10 min = 600 s; a ramp keeps its ends: 50% × 250 = 125 W, 75% × 250 = 187.5 W → 188
      { messageIndex: 0, durationType: 'time', durationTime: 600, targetType: 'power', customTargetPowerLow: 1125, customTargetPowerHigh: 1188, intensity: 'warmup' },
      // 8 min = 480 s at 250 W ± 1.25%: 246.875 → 247, 253.125 → 253
      { messageIndex: 1, durationType: 'time', durationTime: 480, targetType: 'power', customTargetPowerLow: 1247, customTargetPowerHigh: 1253, intensity: 'active' },
      // 2 min = 120 s at 125 W ± 1.25%: 123.4375 → 123, 126.5625 → 127
      { messageIndex: 2, durationType: 'time', durationTime: 120, targetType: 'power', customTargetPowerLow: 1123, customTargetPowerHigh: 1127, intensity: 'rest' },
      // Back to step 1, four times in all.
      { messageIndex: 3, durationType: 'repeatUntilStepsCmplt', durationStep: 1, repeatSteps: 4, targetType: 'open' },
      // 2 km = 2000 m at 137.5 W ± 1.25%: 135.78 → 136, 139.22 → 139; the cue is the step's name
      { messageIndex: 4, wktStepName: 'Easy', durationType: 'distance', durationDistance: 2000, targetType: 'power', customTargetPowerLow: 1136, customTargetPowerHigh: 1139, intensity: 'cooldown' },
    ])
  })

  it('carries heart rate as bpm + 100 and a run pace as a speed range', async () => {
    const text = ['- 20m 140-150bpm', '- 10m 90% LTHR', '- 1km 4:50-5:00/km Pace'].join('\n')
    const { workout, steps } = await exportedSteps('Run mix', 'Run', text, '2027-01-06')
    expect(workout).toMatchObject({ wktName: 'Run mix', sport: 'running', numValidSteps: 3 })
    const picked = steps.map((s) => pick(s as Record<string, unknown>, STEP_KEYS))
    // 20 min = 1200 s, 140–150 bpm kept as the range: 240–250
    expect(picked[0]).toMatchObject({ durationType: 'time', durationTime: 1200, targetType: 'heartRate', customTargetHeartRateLow: 240, customTargetHeartRateHigh: 250 })
    // 90% of LTHR 170 = 153 bpm ± 0.75%: 151.85 → 152, 154.15 → 154
    expect(picked[1]).toMatchObject({ durationType: 'time', durationTime: 600, targetType: 'heartRate', customTargetHeartRateLow: 252, customTargetHeartRateHigh: 254 })
    // 1 km; 5:00/km = 1000/300 = 3.333 m/s (the slower end is low), 4:50/km = 1000/290 = 3.448 m/s
    expect(picked[2]).toMatchObject({ durationType: 'distance', durationDistance: 1000, targetType: 'speed' })
    expect(picked[2]!.customTargetSpeedLow).toBeCloseTo(3.333, 2)
    expect(picked[2]!.customTargetSpeedHigh).toBeCloseTo(3.448, 2)
  })
})
