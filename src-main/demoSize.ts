/**
 * How many athletes the demo coaches: COACH_DESK_DEMO_ATHLETES (a whole number from 1 to 2,000),
 * otherwise a dozen. A large demo shows how the app behaves with a big roster.
 */
export function demoAthletes(env: Record<string, string | undefined> = process.env): number {
  const raw = env.COACH_DESK_DEMO_ATHLETES
  if (raw === undefined || raw === '') return 12
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1 || n > 2000) throw new Error(`COACH_DESK_DEMO_ATHLETES must be a whole number from 1 to 2000, got "${raw}"`)
  return n
}
