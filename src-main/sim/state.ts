import type { SimAthlete } from './types'

/**
 * The simulator's in-memory data. Routes read and write it; tests inspect it directly.
 * Every athlete the server knows is here: the coach, the coached athletes and one stranger.
 */
export class SimState {
  readonly athletes = new Map<string, SimAthlete>()
  private nextEventId: number

  constructor(
    readonly coachId: string,
    athletes: SimAthlete[],
    firstFreeEventId: number,
  ) {
    for (const a of athletes) this.athletes.set(a.id, a)
    this.nextEventId = firstFreeEventId
  }

  get coach(): SimAthlete {
    const coach = this.athletes.get(this.coachId)
    if (!coach) throw new Error('the coach is missing from the simulator state')
    return coach
  }

  /** The coached athletes, in id order. */
  get coached(): SimAthlete[] {
    return [...this.athletes.values()].filter((a) => a.relation === 'coached')
  }

  /** The coach first, then the coached athletes: what GET /athletes lists. */
  get roster(): SimAthlete[] {
    return [this.coach, ...this.coached]
  }

  athlete(id: string): SimAthlete | undefined {
    return this.athletes.get(id)
  }

  allocateEventId(): number {
    return this.nextEventId++
  }
}
