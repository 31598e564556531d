import { daysBetween, weekday } from '../dates'
import type { Rng } from '../random'
import type { SportProfile } from '../types'
import type { Block, Step, Target, WorkoutPlan } from './workouts'

export type SessionType = 'Ride' | 'VirtualRide' | 'Run' | 'Swim'
export type SessionKind = 'recovery' | 'endurance' | 'tempo' | 'sweetspot' | 'threshold' | 'vo2' | 'long' | 'brick'

export interface Session {
  type: SessionType
  kind: SessionKind
  name: string
  plan: WorkoutPlan
  /** Local start, in seconds after midnight. */
  startSecs: number
}

interface Slot {
  type: SessionType
  kind: SessionKind
  /** Probability the slot is used in a given week; default 1. */
  chance?: number
}

// Monday first. The shape of a typical week per profile; volume comes from level and the week.
const WEEKS: Record<SportProfile, Slot[][]> = {
  cyclist: [
    [],
    [{ type: 'VirtualRide', kind: 'vo2' }],
    [{ type: 'Ride', kind: 'endurance' }],
    [{ type: 'VirtualRide', kind: 'sweetspot' }],
    [{ type: 'VirtualRide', kind: 'recovery', chance: 0.5 }],
    [{ type: 'Ride', kind: 'long' }],
    [{ type: 'Ride', kind: 'endurance', chance: 0.85 }],
  ],
  runner: [
    [],
    [{ type: 'Run', kind: 'threshold' }],
    [{ type: 'Run', kind: 'endurance' }],
    [{ type: 'Run', kind: 'tempo' }],
    [{ type: 'Run', kind: 'recovery', chance: 0.5 }],
    [{ type: 'Run', kind: 'endurance', chance: 0.8 }],
    [{ type: 'Run', kind: 'long' }],
  ],
  triathlete: [
    [],
    [{ type: 'VirtualRide', kind: 'vo2' }],
    [{ type: 'Swim', kind: 'threshold' }, { type: 'Run', kind: 'tempo' }],
    [{ type: 'VirtualRide', kind: 'sweetspot' }],
    [{ type: 'Swim', kind: 'endurance' }],
    [{ type: 'Ride', kind: 'long' }, { type: 'Run', kind: 'brick', chance: 0.5 }],
    [{ type: 'Run', kind: 'long' }],
  ],
  swimmer: [
    [{ type: 'Swim', kind: 'endurance' }],
    [{ type: 'Swim', kind: 'threshold' }],
    [{ type: 'Swim', kind: 'endurance' }, { type: 'Run', kind: 'recovery', chance: 0.4 }],
    [{ type: 'Swim', kind: 'vo2' }],
    [],
    [{ type: 'Swim', kind: 'long' }],
    [],
  ],
  coach: [
    [],
    [{ type: 'Run', kind: 'endurance' }],
    [],
    [{ type: 'VirtualRide', kind: 'sweetspot' }],
    [],
    [{ type: 'Ride', kind: 'long' }],
    [{ type: 'Run', kind: 'endurance', chance: 0.6 }],
  ],
}

/**
 * Every fourth week is an easier one, as in most training blocks. `phase` shifts the cycle per
 * athlete so the whole roster does not recover in the same week.
 */
export function weekFactor(date: string, phase: number): number {
  const week = Math.floor(daysBetween('2024-01-01', date) / 7) + phase
  return ((week % 4) + 4) % 4 === 3 ? 0.7 : 1
}

export function sessionsForDay(profile: SportProfile, level: number, phase: number, date: string, rng: Rng): Session[] {
  const day = weekday(date)
  const weekend = day >= 5
  const sessions: Session[] = []
  // Each profile's week lists all seven days; a day it left out would simply be a rest day.
  for (const slot of WEEKS[profile][day] ?? []) {
    if (slot.chance !== undefined && !rng.chance(slot.chance)) continue
    const scale = level * weekFactor(date, phase) * rng.float(0.9, 1.1)
    const previous = sessions[sessions.length - 1]
    const startSecs = previous ? previous.startSecs + 9 * 3600 : startOf(slot.type, weekend, rng)
    const { name, plan } = buildSession(slot.type, slot.kind, scale, rng)
    sessions.push({ type: slot.type, kind: slot.kind, name, plan, startSecs })
  }
  return sessions
}

function startOf(type: SessionType, weekend: boolean, rng: Rng): number {
  const quarter = rng.int(0, 5) * 15 * 60
  if (weekend) return 8 * 3600 + quarter
  if (type === 'VirtualRide') return 18 * 3600 + quarter
  return 6 * 3600 + quarter
}

const power = (low: number, high = low, ramp = false): Target => ({ metric: 'power', low, high, ramp })
const pace = (low: number, high = low): Target => ({ metric: 'pace', low, high })
const paceZone = (zone: number): Target => ({ metric: 'pace', low: 0, high: 0, zone })
const hrZone = (zone: number): Target => ({ metric: 'hr', low: 0, high: 0, zone })
const mins = (m: number): number => Math.max(5, Math.round(m / 5) * 5) * 60
const block = (steps: Step[], title?: string, reps = 1): Block => ({ title, reps, steps })

const warmupRide = block([{ secs: 900, target: power(50, 75, true) }], 'Warmup')
const cooldownRide = block([{ secs: 600, target: power(50) }], 'Cooldown')
const warmupRun = block([{ secs: 900, target: paceZone(2) }], 'Warmup')
const cooldownRun = block([{ secs: 600, target: paceZone(1) }], 'Cooldown')
const warmupSwim = block([{ metres: 400, target: paceZone(2) }], 'Warmup')
const cooldownSwim = block([{ metres: 200, target: paceZone(1) }], 'Cooldown')

function buildSession(type: SessionType, kind: SessionKind, scale: number, rng: Rng): { name: string; plan: WorkoutPlan } {
  const reps = (base: number): number => Math.max(2, Math.round(base * scale))
  if (type === 'Swim') return swimSession(kind, reps)
  if (type === 'Run') return runSession(kind, scale, reps)
  const cadence: [number, number] = [85, 95]
  switch (kind) {
    case 'recovery':
      return { name: 'Recovery spin', plan: { blocks: [block([{ secs: mins(45 * scale), target: power(50, 60), cadence: [90, 100] }])] } }
    case 'endurance':
      return { name: 'Endurance ride', plan: { blocks: [block([{ secs: mins(100 * scale), target: power(65, 75), cadence }])] } }
    case 'long': {
      const secs = mins(170 * scale)
      return { name: 'Long ride', plan: { blocks: [warmupRide, block([{ secs, target: power(65, 75) }], 'Main Set'), cooldownRide] } }
    }
    case 'sweetspot': {
      const n = reps(3)
      const main = block([{ secs: 720, target: power(88, 94) }, { secs: 300, target: power(55) }], 'Main Set', n)
      return { name: `Sweet spot ${n}x12`, plan: { blocks: [warmupRide, main, cooldownRide] } }
    }
    case 'threshold':
    case 'tempo': {
      const n = reps(2)
      const target = kind === 'tempo' ? power(80, 88) : power(95, 100)
      const main = block([{ secs: 1200, target }, { secs: 300, target: power(55) }], 'Main Set', n)
      return { name: `${kind === 'tempo' ? 'Tempo' : 'Threshold'} ${n}x20`, plan: { blocks: [warmupRide, main, cooldownRide] } }
    }
    default: {
      // Two flavours of VO2 work, so the calendar is not one workout repeated.
      const long = rng.chance(0.5)
      const n = reps(long ? 4 : 5)
      const main = long
        ? block([{ secs: 300, target: power(105) }, { secs: 180, target: power(55) }], 'Main Set', n)
        : block([{ secs: 240, target: power(110, 120) }, { secs: 240, target: power(55) }], 'Main Set', n)
      return { name: `VO2max ${n}x${long ? 5 : 4}`, plan: { blocks: [warmupRide, main, cooldownRide] } }
    }
  }
}

function runSession(kind: SessionKind, scale: number, reps: (base: number) => number): { name: string; plan: WorkoutPlan } {
  switch (kind) {
    case 'recovery':
      return { name: 'Recovery run', plan: { blocks: [block([{ secs: mins(30 * scale), target: hrZone(1) }])] } }
    case 'endurance':
      return { name: 'Easy run', plan: { blocks: [block([{ secs: mins(50 * scale), target: hrZone(2) }])] } }
    case 'long':
      return { name: 'Long run', plan: { blocks: [block([{ secs: mins(100 * scale), target: pace(75, 82) }])] } }
    case 'brick':
      return { name: 'Brick run', plan: { blocks: [block([{ secs: mins(20 * scale), target: pace(85, 90) }])] } }
    case 'tempo':
    case 'sweetspot': {
      const n = reps(2)
      const main = block([{ secs: 900, target: pace(88, 92) }, { secs: 180, target: pace(70) }], 'Main Set', n)
      return { name: `Tempo ${n}x15`, plan: { blocks: [warmupRun, main, cooldownRun] } }
    }
    default: {
      const n = reps(6)
      const main = block([{ secs: 180, target: pace(103, 106) }, { secs: 120, target: pace(70) }], 'Main Set', n)
      return { name: `Intervals ${n}x3min`, plan: { blocks: [warmupRun, main, cooldownRun] } }
    }
  }
}

function swimSession(kind: SessionKind, reps: (base: number) => number): { name: string; plan: WorkoutPlan } {
  switch (kind) {
    case 'threshold': {
      const n = reps(16)
      const main = block([{ metres: 100, target: pace(98, 102) }, { metres: 50, target: pace(70) }], 'Main Set', n)
      return { name: `CSS ${n}x100`, plan: { blocks: [warmupSwim, main, cooldownSwim] } }
    }
    case 'vo2': {
      const n = reps(16)
      const main = block([{ metres: 50, target: pace(105, 110) }, { metres: 50, target: pace(65) }], 'Main Set', n)
      return { name: `Speed ${n}x50`, plan: { blocks: [warmupSwim, main, cooldownSwim] } }
    }
    case 'long': {
      const n = reps(5)
      const main = block([{ metres: 800, target: pace(85, 90) }, { metres: 100, target: pace(65) }], 'Main Set', n)
      return { name: `Endurance ${n}x800`, plan: { blocks: [warmupSwim, main, cooldownSwim] } }
    }
    default: {
      const n = reps(7)
      const main = block([{ metres: 400, target: pace(85, 90) }, { metres: 50, target: pace(65) }], 'Main Set', n)
      return { name: `Aerobic ${n}x400`, plan: { blocks: [warmupSwim, main, cooldownSwim] } }
    }
  }
}
