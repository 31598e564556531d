import type { ParseIssue, ParseOptions, ParsedWorkout, RepeatBlock, Step, WorkoutItem } from './types'
import { parseStepLine, readsAsStep } from './stepLine'

// The line structure of the intervals.icu workout text: section headers, "- " steps and repeat blocks.
// A repeat block is a "Main Set 4x" header or a bare "4x" line; it runs until a blank line or the next header.

type RepeatItem = { type: 'repeat' } & RepeatBlock
type LineKind = 'start' | 'blank' | 'step' | 'header' | 'repeat'

const REPEAT_HEADER = /^(?:(.*\S)\s+)?(\d+)\s*x$/i

function readRepeatHeader(text: string): { title?: string; reps: number } | undefined {
  const match = REPEAT_HEADER.exec(text)
  if (!match) return undefined
  return match[1] === undefined ? { reps: Number(match[2]) } : { title: match[1], reps: Number(match[2]) }
}

function describeRepeat(block: RepeatBlock): string {
  return block.title ? `${block.title} ${block.reps}x` : `${block.reps}x`
}

export function parseWorkout(text: string, opts: ParseOptions = {}): ParsedWorkout {
  const items: WorkoutItem[] = []
  const issues: ParseIssue[] = []
  let block: RepeatItem | undefined
  let previous: LineKind = 'start'

  const closeBlock = (): void => {
    if (block && block.steps.length === 0) {
      issues.push({
        line: block.line,
        message: `The repeat "${describeRepeat(block)}" has no steps. Put the steps to repeat on the lines right after it.`,
      })
    }
    block = undefined
  }

  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1
    const trimmed = raw.trim()
    if (trimmed === '') {
      closeBlock()
      previous = 'blank'
      return
    }

    if (/^-(\s|$)/.test(trimmed)) {
      const { step, issues: stepIssues } = parseStepLine(trimmed.slice(1), line, opts.sport)
      issues.push(...stepIssues)
      if (block) block.steps.push(step)
      else items.push({ type: 'step', ...step })
      previous = 'step'
      return
    }

    const repeat = readRepeatHeader(trimmed)
    if (repeat) {
      if (block) {
        issues.push({
          line,
          message:
            `Repeats cannot be nested: "${trimmed}" follows the repeat on line ${block.line} with no blank line ` +
            'between them. Leave a blank line before it to start a separate repeat.',
        })
      } else if (previous === 'step') {
        issues.push({
          line,
          message: `Leave a blank line before "${trimmed}"; without it intervals.icu may run the repeat only once.`,
        })
      }
      closeBlock()
      if (repeat.reps < 1) issues.push({ line, message: `"${trimmed}" repeats nothing. Use 1x or more.` })
      block = { type: 'repeat', line, reps: repeat.reps, steps: [], ...(repeat.title ? { title: repeat.title } : {}) }
      items.push(block)
      previous = 'repeat'
      return
    }

    if (block && previous === 'step') {
      issues.push({
        line,
        message:
          `Leave a blank line after the repeat "${describeRepeat(block)}" (line ${block.line}); ` +
          'without it intervals.icu may run the repeat only once.',
      })
    }
    closeBlock()
    if (/^-[\p{L}\p{N}]/u.test(trimmed) || readsAsStep(trimmed, opts.sport)) {
      issues.push({
        line,
        message: `This line looks like a step but does not start with "- " (a dash and a space), so intervals.icu shows it as a heading.`,
      })
    }
    items.push({ type: 'section', line, title: trimmed })
    previous = 'header'
  })
  closeBlock()

  const totals = sumTotals(items)
  return { items, issues, totalSecs: totals.secs, totalMeters: totals.meters }
}

function sumTotals(items: WorkoutItem[]): { secs: number; meters: number } {
  let secs = 0
  let meters = 0
  for (const step of flattenItems(items)) {
    secs += step.durationSecs ?? 0
    meters += step.distanceMeters ?? 0
  }
  return { secs, meters }
}

function stripType(item: { type: 'step' } & Step): Step {
  const { type: _type, ...step } = item
  return step
}

function flattenItems(items: WorkoutItem[]): Step[] {
  const out: Step[] = []
  for (const item of items) {
    if (item.type === 'step') out.push(stripType(item))
    else if (item.type === 'repeat') {
      for (let rep = 0; rep < item.reps; rep++) out.push(...item.steps.map((s) => ({ ...s })))
    }
  }
  return out
}

/** Every step in the order it is done, with repeats written out. Section headers are left out. */
export function flattenSteps(parsed: ParsedWorkout): Step[] {
  return flattenItems(parsed.items)
}
