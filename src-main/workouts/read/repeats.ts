import type { Step, WorkoutItem } from '../types'

// .mrc and .erg files (and many .zwo files) spell every repeat out step by step. Finding the repeats again
// gives the coach "5x / 3m 110% / 3m 55%" instead of ten lines, and intervals.icu the same structure.

const MAX_PATTERN = 4

function sameStep(a: Step, b: Step | undefined): boolean {
  return b !== undefined && JSON.stringify({ ...a, line: 0 }) === JSON.stringify({ ...b, line: 0 })
}

function repeatsAt(steps: Step[], at: number, size: number): number {
  const block = steps.slice(at, at + size)
  let reps = 1
  // Past the last step there is no step to match, which ends the run.
  for (;;) {
    const next = at + reps * size
    if (!block.every((step, k) => sameStep(step, steps[next + k]))) return reps
    reps++
  }
}

/**
 * Groups runs of a block of two to four steps done twice or more into repeats. A single step done twice in a
 * row stays as two steps: that is usually a change of cue, not a set.
 */
export function findRepeats(steps: Step[]): WorkoutItem[] {
  const items: WorkoutItem[] = []
  let resumeAt = 0
  for (const [i, step] of steps.entries()) {
    if (i < resumeAt) continue
    let best = { size: 0, reps: 1 }
    for (let size = 2; size <= MAX_PATTERN; size++) {
      const reps = repeatsAt(steps, i, size)
      if (reps >= 2 && reps * size > best.reps * best.size) best = { size, reps }
    }
    if (best.size) {
      items.push({ type: 'repeat', line: 0, reps: best.reps, steps: steps.slice(i, i + best.size) })
      resumeAt = i + best.size * best.reps
    } else {
      items.push({ type: 'step', ...step })
    }
  }
  return items
}
