import type { SimAthlete } from '../types'
import type { SimLibrary } from './store'
import { createFolder, createWorkout } from './workoutModel'

// The demo coach's library: three folders of key sessions and a four-week plan, written in the native text
// syntax so the server-side parsing derives their time and load as it does for any saved workout.

const SEED_TIME = '2026-01-05T09:00:00Z'

const BIKE = [
  ['Sweet spot 3x12', 'VirtualRide', 'Warmup\n- 15m ramp 50%-75%\n\nMain Set 3x\n- 12m 88-94% 85-95rpm\n- 5m 55%\n\nCooldown\n- 10m 50%'],
  ['VO2max 5x4', 'VirtualRide', 'Warmup\n- 15m ramp 50%-75%\n\nMain Set 5x\n- 4m 110-120%\n- 4m 55%\n\nCooldown\n- 10m 50%'],
  ['Threshold 2x20', 'Ride', 'Warmup\n- 15m ramp 50%-75%\n\nMain Set 2x\n- 20m 95-100%\n- 5m 55%\n\nCooldown\n- 10m 50%'],
  ['Over-unders 3x9', 'VirtualRide', 'Warmup\n- 15m ramp 50%-75%\n\nMain Set 3x\n- Under 2m 95%\n- Over 1m 110%\n- Under 2m 95%\n- Over 1m 110%\n- Under 2m 95%\n- Over 1m 110%\n- Recover 5m 50%\n\nCooldown\n- 10m 50%'],
  ['Endurance 2h', 'Ride', '- 2h 65-75% 85-95rpm'],
  ['Recovery spin', 'VirtualRide', '- Easy spin 45m 50-60% 90-100rpm'],
] as const

const RUN = [
  ['Tempo 2x15', 'Run', 'Warmup\n- 15m Z2 Pace\n\nMain Set 2x\n- 15m 88-92% Pace\n- 3m 70% Pace\n\nCooldown\n- 10m Z1 Pace'],
  ['Intervals 6x3min', 'Run', 'Warmup\n- 15m Z2 Pace\n\nMain Set 6x\n- 3m 103-106% Pace\n- 2m 70% Pace\n\nCooldown\n- 10m Z1 Pace'],
  ['Easy run', 'Run', '- 50m Z2 HR'],
  ['Long run', 'Run', '- 1h40m 75-82% Pace'],
] as const

const SWIM = [
  ['CSS 16x100', 'Swim', 'Warmup\n- 400mtr Z2 Pace\n\nMain Set 16x\n- 100mtr 98-102% Pace\n- 15s freeride\n\nCooldown\n- 200mtr Z1 Pace'],
  ['Aerobic 7x400', 'Swim', 'Warmup\n- 400mtr Z2 Pace\n\nMain Set 7x\n- 400mtr 85-90% Pace\n- 20s freeride\n\nCooldown\n- 200mtr Z1 Pace'],
] as const

/** Tuesday, Thursday and Saturday sessions for four weeks; the fourth week is easier. */
function planWeeks(): Array<{ day: number; name: string; type: string; text: string }> {
  const out: Array<{ day: number; name: string; type: string; text: string }> = []
  for (let week = 0; week < 4; week++) {
    const easy = week === 3
    const reps = easy ? 2 : 3 + week
    out.push({ day: week * 7 + 1, name: `Base VO2 ${reps}x3`, type: 'VirtualRide', text: `Warmup\n- 15m ramp 50%-75%\n\nMain Set ${reps}x\n- 3m 110%\n- 3m 55%\n\nCooldown\n- 10m 50%` })
    out.push({ day: week * 7 + 3, name: `Base tempo ${easy ? 2 : 3}x10`, type: 'VirtualRide', text: `Warmup\n- 10m ramp 50%-70%\n\nMain Set ${easy ? 2 : 3}x\n- 10m 80-85%\n- 5m 55%\n\nCooldown\n- 10m 50%` })
    const hours = easy ? 2 : 3 + Math.floor(week / 2)
    out.push({ day: week * 7 + 5, name: `Base long ride ${hours}h`, type: 'Ride', text: `- ${hours}h 60-72% 85-95rpm` })
  }
  return out
}

export function seedLibrary(library: SimLibrary, coach: SimAthlete): void {
  const add = (name: string, description: string, entries: ReadonlyArray<readonly [string, string, string]>) => {
    const folder = createFolder(library, coach, { name, description, type: 'FOLDER' })
    for (const [n, type, text] of entries) {
      createWorkout(library, coach, { name: n, type, description: text, folder_id: folder.id, indoor: type.startsWith('Virtual') }, SEED_TIME)
    }
  }
  add('Bike – key sessions', 'The sessions most of the squad does every week.', BIKE)
  add('Run – key sessions', 'Pace-based run sessions.', RUN)
  add('Swim sets', 'Pool sets around CSS pace.', SWIM)
  const plan = createFolder(library, coach, {
    name: 'Base build – 4 weeks',
    description: 'Three rides a week, building for three weeks and easing off in the fourth.',
    type: 'PLAN',
    duration_weeks: 4,
    activity_types: ['Ride', 'VirtualRide'],
  })
  for (const w of planWeeks()) {
    createWorkout(library, coach, { name: w.name, type: w.type, description: w.text, folder_id: plan.id, day: w.day, indoor: w.type.startsWith('Virtual') }, SEED_TIME)
  }
}
