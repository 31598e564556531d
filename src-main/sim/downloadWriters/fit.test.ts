import { describe, expect, it } from 'vitest'
import { Decoder, Stream, type WorkoutStepMesg } from '@garmin/fitsdk'
import { parseWorkout } from '../../workouts/parse'
import { writeFit } from './fit'
import type { WorkoutExportInput } from './input'

function input(text: string, extra: Partial<WorkoutExportInput> = {}): WorkoutExportInput {
  const sport = extra.sport ?? 'Ride'
  return { name: 'Threshold 4x8', sport, parsed: parseWorkout(text, { sport }), ...extra }
}

function decode(bytes: Uint8Array) {
  const decoder = new Decoder(Stream.fromByteArray(bytes))
  expect(decoder.checkIntegrity()).toBe(true)
  const { messages, errors } = decoder.read()
  expect(errors).toEqual([])
  return messages
}

function steps(text: string, extra: Partial<WorkoutExportInput> = {}): WorkoutStepMesg[] {
  return decode(writeFit(input(text, extra))).workoutStepMesgs ?? []
}

const threshold = [
  'Warmup',
  '- 10m ramp 50%-75%',
  '',
  'Main Set 4x',
  '- 8m 100%',
  '- 2m 50% intensity=rest',
  '',
  'Cooldown',
  '- Easy 2km 55%',
].join('\n')

describe('writeFit', () => {
  it('writes a workout file with name, sport and the number of steps', () => {
    const messages = decode(writeFit(input(threshold, { ftp: 250, name: 'Schwelle 4×8 ⚡' })))
    expect(messages.fileIdMesgs?.[0]).toMatchObject({ type: 'workout', manufacturer: 'development' })
    expect(messages.workoutMesgs?.[0]).toMatchObject({ wktName: 'Schwelle 4×8 ⚡', sport: 'cycling', numValidSteps: 5 })
    expect(messages.workoutStepMesgs).toHaveLength(5)
    expect(messages.workoutStepMesgs?.map((s) => s.messageIndex)).toEqual([0, 1, 2, 3, 4])
  })

  it('writes durations, watts + 1000 targets and a repeat pointing back at its first step', () => {
    const [warmup, on, off, repeat, cooldown] = steps(threshold, { ftp: 250 })
    expect(warmup).toMatchObject({ durationType: 'time', durationTime: 600, targetType: 'power', intensity: 'warmup' })
    // A ramp keeps its ends as the range: 50% and 75% of 250 W.
    expect([warmup.customTargetPowerLow, warmup.customTargetPowerHigh]).toEqual([1125, 1188])
    // A fixed 100% becomes a 2.5%-wide band around 250 W.
    expect(on).toMatchObject({ durationTime: 480, customTargetPowerLow: 1247, customTargetPowerHigh: 1253, intensity: 'active' })
    expect(off).toMatchObject({ durationTime: 120, intensity: 'rest' })
    expect(repeat).toMatchObject({ durationType: 'repeatUntilStepsCmplt', durationStep: 1, repeatSteps: 4 })
    expect(cooldown).toMatchObject({ durationType: 'distance', durationDistance: 2000, wktStepName: 'Easy', intensity: 'cooldown' })
  })

  it('falls back to % of FTP and the device power zones when the FTP is unknown', () => {
    const [pct, zone] = steps('- 10m 80%\n- 10m Z3')
    expect(pct.customTargetPowerLow).toBe(79)
    expect(pct.customTargetPowerHigh).toBe(81)
    expect(zone).toMatchObject({ targetType: 'power', targetPowerZone: 3 })
  })

  it('writes heart rate as bpm + 100, or as % of max HR', () => {
    const [bpm, lthr, max, zone] = steps('- 10m 140-150bpm\n- 10m 95% LTHR\n- 10m 70% HR\n- 10m Z2 HR', { lthr: 170 })
    expect([bpm.customTargetHeartRateLow, bpm.customTargetHeartRateHigh]).toEqual([240, 250])
    expect(lthr.targetType).toBe('heartRate')
    expect(lthr.customTargetHeartRateLow).toBe(100 + Math.round(0.95 * 170 * (1 - 0.0075)))
    expect([max.customTargetHeartRateLow, max.customTargetHeartRateHigh]).toEqual([69, 71])
    // Z2 of LTHR = 82–89% of 170 bpm
    expect([zone.customTargetHeartRateLow, zone.customTargetHeartRateHigh]).toEqual([239, 251])
  })

  it('writes pace as a speed range, slower pace as the low end', () => {
    const [step] = steps('- 1km 4:50-5:00/km Pace', { sport: 'Run' })
    expect(step).toMatchObject({ durationType: 'distance', durationDistance: 1000, targetType: 'speed' })
    expect(step.customTargetSpeedLow).toBeCloseTo(1000 / 300, 2)
    expect(step.customTargetSpeedHigh).toBeCloseTo(1000 / 290, 2)
  })

  it('leaves a % pace step open with a note when the threshold pace is unknown', () => {
    const [step] = steps('- 10m 90% Pace', { sport: 'Run' })
    expect(step.targetType).toBe('open')
    expect(step.notes).toMatch(/90% Pace/)
  })

  it('ends lap-press steps on the lap button and leaves free ride open', () => {
    const [lap, free] = steps('- lap press Z1\n- 20m freeride')
    expect(lap.durationType).toBe('open')
    expect(free).toMatchObject({ durationType: 'time', durationTime: 1200, targetType: 'open' })
  })

  it('puts cadence in the primary target when alone and in the secondary one next to power', () => {
    const [alone, both] = steps('- 5m 90rpm\n- 5m 75% 85-95rpm', { ftp: 200 })
    expect(alone).toMatchObject({ targetType: 'cadence', customTargetCadenceLow: 90, customTargetCadenceHigh: 90 })
    expect(both).toMatchObject({
      targetType: 'power',
      secondaryTargetType: 'cadence',
      secondaryCustomTargetCadenceLow: 85,
      secondaryCustomTargetCadenceHigh: 95,
    })
  })

  it('maps the sport', () => {
    expect(decode(writeFit(input('- 400mtr Z2 Pace', { sport: 'Swim' }))).workoutMesgs?.[0].sport).toBe('swimming')
    expect(decode(writeFit(input('- 10m Z2 HR', { sport: 'Run' }))).workoutMesgs?.[0].sport).toBe('running')
  })
})
