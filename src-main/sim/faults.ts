import type { FaultRule } from './types'

interface ActiveFault {
  rule: FaultRule
  remaining: number
}

/** Injected failures. Rules are tried in the order added; the first match answers, and uses up one of its `times`. */
export class FaultList {
  private faults: ActiveFault[] = []

  add(rule: FaultRule): void {
    this.faults.push({ rule: { ...rule }, remaining: rule.times ?? Infinity })
  }

  clear(): void {
    this.faults = []
  }

  take(method: string, path: string): FaultRule | null {
    const found = this.faults.find((f) => f.remaining > 0 && matches(f.rule, method, path))
    if (!found) return null
    found.remaining -= 1
    if (found.remaining <= 0) this.faults = this.faults.filter((f) => f !== found)
    return found.rule
  }
}

function matches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false
  if (rule.path === undefined) return true
  if (typeof rule.path === 'string') return rule.path === path
  rule.path.lastIndex = 0
  return rule.path.test(path)
}

/** Whether the rule answers in place of the handler (as opposed to only delaying it). */
export function answersInstead(rule: FaultRule): boolean {
  return rule.status !== undefined || rule.body !== undefined
}
