// Planned workouts as small structures, rendered to intervals.icu's native text syntax
// ("Warmup\n- 10m ramp 50%-75%\n\nMain Set 4x\n- 5m 105%\n- 3m 55%") with the time and load the
// server would derive from it.

export type Metric = 'power' | 'pace' | 'hr'

export interface Target {
  metric: Metric
  /** Percent of FTP, threshold pace or LTHR; equal for a fixed target. */
  low: number
  high: number
  ramp?: boolean
  /** When set, rendered as "Z2 Pace" / "Z2 HR" instead of percentages. */
  zone?: number
}

export interface Step {
  secs?: number
  metres?: number
  target: Target
  cadence?: [number, number]
}

export interface Block {
  title?: string
  reps: number
  steps: Step[]
}

export interface WorkoutPlan {
  blocks: Block[]
}

export interface WorkoutMetrics {
  movingTime: number
  load: number
  intensity: number
  distance: number | null
}

// Rough intensity (fraction of threshold) for zone targets, so zone-only steps still carry load.
export const ZONE_INTENSITY: Record<Metric, number[]> = {
  power: [0.5, 0.68, 0.83, 0.98, 1.12, 1.35, 1.6],
  pace: [0.72, 0.82, 0.9, 0.97, 1.02, 1.08, 1.15],
  hr: [0.6, 0.72, 0.82, 0.92, 1.0, 1.05, 1.1],
}

export function formatDuration(secs: number): string {
  const h = Math.floor(secs / 3600)
  const m = Math.floor((secs % 3600) / 60)
  const s = Math.round(secs % 60)
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}` || '0s'
}

function renderTarget(t: Target): string {
  const suffix = t.metric === 'pace' ? ' Pace' : t.metric === 'hr' ? ' LTHR' : ''
  if (t.zone !== undefined) return `Z${t.zone}${t.metric === 'pace' ? ' Pace' : t.metric === 'hr' ? ' HR' : ''}`
  if (t.ramp) return `ramp ${t.low}%-${t.high}%${suffix}`
  if (t.low === t.high) return `${t.low}%${suffix}`
  return `${t.low}-${t.high}%${suffix}`
}

function renderStep(step: Step): string {
  // `mtr` is metres: a bare `m` would mean minutes.
  const amount = step.metres !== undefined ? `${step.metres}mtr` : formatDuration(step.secs ?? 0)
  const cadence = step.cadence ? ` ${step.cadence[0]}-${step.cadence[1]}rpm` : ''
  return `- ${amount} ${renderTarget(step.target)}${cadence}`
}

export function renderWorkout(plan: WorkoutPlan): string {
  return plan.blocks
    .map((block) => {
      const header = block.title
        ? `${block.title}${block.reps > 1 ? ` ${block.reps}x` : ''}`
        : block.reps > 1
          ? `${block.reps}x`
          : null
      const lines = block.steps.map(renderStep)
      return (header ? [header, ...lines] : lines).join('\n')
    })
    .join('\n\n')
}

function intensityOf(t: Target): number {
  if (t.zone !== undefined) return ZONE_INTENSITY[t.metric][t.zone - 1] ?? 0.7
  return (t.low + t.high) / 200
}

/** Squared intensity, averaged over the step: a ramp's load is the integral of its square. */
function intensitySquared(t: Target): number {
  if (t.zone !== undefined || !t.ramp) return intensityOf(t) ** 2
  const a = t.low / 100
  const b = t.high / 100
  return (a * a + a * b + b * b) / 3
}

/** Seconds a step takes; distance steps run at the target fraction of threshold speed. */
function stepSeconds(step: Step, thresholdSpeed: number): number {
  if (step.secs !== undefined) return step.secs
  const speed = thresholdSpeed * Math.max(0.5, intensityOf(step.target))
  return Math.round((step.metres ?? 0) / speed)
}

export function workoutMetrics(plan: WorkoutPlan, thresholdSpeed: number): WorkoutMetrics {
  let secs = 0
  let weighted = 0
  let metres = 0
  let hasDistance = false
  for (const block of plan.blocks) {
    for (const step of block.steps) {
      const s = stepSeconds(step, thresholdSpeed) * block.reps
      secs += s
      weighted += s * intensitySquared(step.target)
      if (step.metres !== undefined) {
        hasDistance = true
        metres += step.metres * block.reps
      }
    }
  }
  const intensity = secs > 0 ? Math.sqrt(weighted / secs) : 0
  return {
    movingTime: secs,
    // The usual training-stress formula: hours x IF^2 x 100.
    load: Math.round((secs / 3600) * intensity * intensity * 100),
    intensity: Math.round(intensity * 1000) / 10,
    distance: hasDistance ? metres : null,
  }
}

const DOC_UNITS: Record<Metric, string> = { power: '%ftp', pace: '%pace', hr: '%lthr' }

function docStep(step: Step, thresholdSpeed: number): Record<string, unknown> {
  const t = step.target
  const value =
    t.zone !== undefined
      ? { value: t.zone, units: `${t.metric}_zone` }
      : t.low === t.high
        ? { value: t.low, units: DOC_UNITS[t.metric] }
        : { start: t.low, end: t.high, units: DOC_UNITS[t.metric] }
  return {
    duration: stepSeconds(step, thresholdSpeed),
    ...(step.metres !== undefined ? { distance: step.metres } : {}),
    [t.metric]: value,
    ...(t.ramp ? { ramp: true } : {}),
    ...(step.cadence ? { cadence: { start: step.cadence[0], end: step.cadence[1], units: 'rpm' } } : {}),
  }
}

/** The parsed form the server attaches as workout_doc (its shape as seen in public clients). */
export function workoutDoc(plan: WorkoutPlan, thresholdSpeed: number): Record<string, unknown> {
  const steps = plan.blocks.flatMap((block) => {
    const inner = block.steps.map((s) => docStep(s, thresholdSpeed))
    if (block.reps > 1) return [{ reps: block.reps, ...(block.title ? { text: block.title } : {}), steps: inner }]
    return inner.map((s, i) => (i === 0 && block.title ? { text: block.title, ...s } : s))
  })
  const m = workoutMetrics(plan, thresholdSpeed)
  return { steps, duration: m.movingTime, ...(m.distance !== null ? { distance: m.distance } : {}) }
}
