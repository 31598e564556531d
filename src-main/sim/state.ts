import type { SimChat } from './chats'
import type { SimAthlete } from './types'

/**
 * The simulator's in-memory data. Routes read and write it; tests inspect it directly.
 * Every athlete the server knows is here: the coach, the coached athletes and one stranger.
 */
export class SimState {
  readonly athletes = new Map<string, SimAthlete>()
  /** Activity comment threads by chat id. */
  readonly chats = new Map<number, SimChat>()
  private nextEventId: number
  private nextChatId = 700_001
  private nextMessageId = 5_000_001

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

  allocateChatId(): number {
    return this.nextChatId++
  }

  allocateMessageId(): number {
    return this.nextMessageId++
  }

  /** The comment thread of an activity, if anyone has written on it. */
  chatOfActivity(activityId: string): SimChat | undefined {
    for (const chat of this.chats.values()) if (chat.activityId === activityId) return chat
    return undefined
  }
}
