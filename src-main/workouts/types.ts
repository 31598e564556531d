/** A step target as written in the intervals.icu text. `end` is the top of a range or the end of a ramp. */
export type Target =
  | {
      kind: 'power'
      units: '%ftp' | 'w' | 'zone' | '%mmp'
      start: number
      end?: number
      /** For `% MMP` targets: the duration of the mean-maximal power the percentage refers to. */
      mmpSecs?: number
    }
  | { kind: 'hr'; units: '%hr' | '%lthr' | 'zone' | 'bpm'; start: number; end?: number }
  | { kind: 'pace'; units: PaceUnits; start: number; end?: number }

export type PaceUnits =
  | '%pace'
  | 'zone'
  | 'secs_per_km'
  | 'secs_per_mi'
  | 'secs_per_100m'
  | 'secs_per_100y'
  | 'secs_per_500m'
  | 'secs_per_400m'
  | 'secs_per_250m'

export type StepIntensity = 'warmup' | 'active' | 'rest' | 'cooldown'

export interface Step {
  /** 1-based line of the step in the workout text. */
  line: number
  /** The cue shown on the device: the text written before the duration. */
  text?: string
  durationSecs?: number
  distanceMeters?: number
  target?: Target
  ramp?: boolean
  freeride?: boolean
  cadence?: { start: number; end?: number }
  lapPress?: boolean
  intensity?: StepIntensity
}

export interface RepeatBlock {
  line: number
  reps: number
  title?: string
  steps: Step[]
}

export interface Section {
  line: number
  title: string
}

export type WorkoutItem = ({ type: 'step' } & Step) | ({ type: 'repeat' } & RepeatBlock) | ({ type: 'section' } & Section)

export interface ParseIssue {
  /** 1-based line number. */
  line: number
  message: string
}

export interface ParsedWorkout {
  items: WorkoutItem[]
  issues: ParseIssue[]
  /** Sum of the timed steps, repeats included. Distance-only steps add nothing here. */
  totalSecs: number
  /** Sum of the distance steps, repeats included. */
  totalMeters: number
}

export interface ParseOptions {
  sport?: 'Ride' | 'Run' | 'Swim' | string
}

/** The athlete's numbers that turn relative targets into absolute ones. */
export interface AthleteThresholds {
  ftp?: number
  lthr?: number
  /** Maximum heart rate, for `% HR` targets. */
  maxHr?: number
  /** Threshold pace as a speed in metres per second. */
  thresholdPaceMps?: number
}
