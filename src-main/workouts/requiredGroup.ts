/**
 * A capture group the pattern always fills when it matches (one that is not optional and not inside an
 * alternative). TypeScript types every group as possibly missing; this says which are not, and fails loudly
 * if a later change to a pattern makes one optional.
 */
export function requiredGroup(match: RegExpExecArray, n: number): string {
  const value = match[n]
  if (value === undefined) throw new Error(`Group ${n} of ${String(match.input).slice(0, 40)} is optional in its pattern.`)
  return value
}
