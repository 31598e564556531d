import { AppError } from '../contract/errors'
import { getEvent, listEvents } from '../icu/api'
import type { IcuHttp } from '../icu/http'
import type { Event } from '../icu/types'
import { isProbeEvent, type EventBody, type ProbeWeek } from './probePlan'

/**
 * The probes' door to the athlete's calendar: every event a write answers with is remembered at
 * once, so cleanup can remove it whatever happens next.
 */
export class ProbeCalendar {
  readonly created = new Set<number>()

  constructor(
    readonly http: IcuHttp,
    readonly athleteId: string,
  ) {}

  private get base(): string {
    return `/athlete/${encodeURIComponent(this.athleteId)}`
  }

  private remember<T extends Event | Event[] | null>(answer: T): T {
    for (const e of Array.isArray(answer) ? answer : answer ? [answer] : []) if (typeof e.id === 'number') this.created.add(e.id)
    return answer
  }

  /** POST /events; with upsertOnUid=true a repeat is safe to retry. */
  async create(body: EventBody, upsertOnUid = false): Promise<Event> {
    const answer = await this.http.request<Event>({
      method: 'POST',
      path: `${this.base}/events`,
      query: { upsertOnUid },
      body,
      idempotent: upsertOnUid,
    })
    return this.remember(answer)
  }

  /** POST /events/bulk?upsertOnUid=true: rows are matched on uid (and a TARGET on its day and type). */
  async bulk(rows: EventBody[]): Promise<Event[]> {
    const answer = await this.http.request<Event[] | null>({
      method: 'POST',
      path: `${this.base}/events/bulk`,
      query: { upsertOnUid: true, updatePlanApplied: false },
      body: rows,
      idempotent: true,
    })
    return this.remember(answer) ?? []
  }

  /** PUT /events?oldest&newest: only the two flags. */
  async putRange(oldest: string, newest: string, flags: EventBody): Promise<void> {
    await this.http.request({ method: 'PUT', path: `${this.base}/events`, query: { oldest, newest }, body: flags })
  }

  get(id: number): Promise<Event> {
    return getEvent(this.http, this.athleteId, id)
  }

  async list(oldest: string, newest: string): Promise<Event[]> {
    return (await listEvents(this.http, this.athleteId, { oldest, newest })) ?? []
  }

  /** Deletes one event; one already gone counts as deleted. */
  async delete(id: number): Promise<void> {
    try {
      await this.http.request({ method: 'DELETE', path: `${this.base}/events/${id}` })
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'NOT_FOUND')) throw e
    }
    this.created.delete(id)
  }

  /**
   * Removes every event the probes created and any probe event in the week (a create whose answer
   * was lost), then reads the week again to prove it. Returns the ids still there.
   */
  async cleanUp(week: ProbeWeek): Promise<{ removed: number; left: number[]; errors: string[] }> {
    const errors: string[] = []
    let removed = 0
    const remove = async (id: number) => {
      try {
        await this.delete(id)
        removed++
      } catch (e) {
        errors.push(`event ${id}: ${e instanceof Error ? e.message : String(e)}`)
      }
    }
    for (const id of [...this.created]) await remove(id)
    const strays = async () => (await this.list(week[0], week[6])).filter((e) => isProbeEvent(e) || this.created.has(e.id ?? -1))
    try {
      for (const e of await strays()) if (typeof e.id === 'number') await remove(e.id)
      return { removed, left: [...new Set([...this.created, ...(await strays()).map((e) => e.id ?? -1)])], errors }
    } catch (e) {
      errors.push(`reading the week back: ${e instanceof Error ? e.message : String(e)}`)
      return { removed, left: [...this.created], errors }
    }
  }
}
