import type { ActivityComment, AttentionList, AttentionRow, AttentionSettings } from '../../contract/attention'
import { AppError } from '../../contract/errors'
import { getActivity, updateActivity } from '../../icu/api'
import { listActivityMessages, markChatSeen, sendActivityMessage, type Message } from '../../icu/messages'
import type { ServiceDeps } from '../deps'
import { canWrite, type RosterCache } from '../roster'
import { complianceWeeks } from './compliance'
import { loadAttention, type AttentionLoad } from './load'
import { reviewQueue } from './queue'
import { projectFitness } from '../athlete/fitness'
import { daysBetween } from '../dates'
import { attentionScore, evaluate, type AthleteAttentionData } from './rules'
import { AttentionStore, type Account } from './store'

/** Attention data is loaded again after this long, like the roster it builds on. */
const MAX_AGE_MS = 15 * 60_000
/** The tick Coach Desk sets on an activity the coach reviewed (Activity.coach_tick). */
export const REVIEWED_TICK = 1

export class AttentionService {
  private cache: { generation: number; load: AttentionLoad; fetchedAt: Date } | null = null
  readonly store: AttentionStore

  constructor(
    private readonly deps: ServiceDeps,
    private readonly roster: RosterCache,
  ) {
    this.store = new AttentionStore(deps.dataDir, deps.log)
  }

  private account(): Account {
    const s = this.deps.session.status()
    return s.state === 'connected' && s.server && s.athleteId ? { server: s.server, athleteId: s.athleteId } : null
  }

  async list(refresh = false, background = false): Promise<AttentionList> {
    const settings = await this.store.settings()
    const generation = this.deps.session.generation
    const now = this.deps.now()
    const stale = !this.cache || this.cache.generation !== generation || now.getTime() - this.cache.fetchedAt.getTime() > MAX_AGE_MS
    const needsWellness = settings.rules.wellnessBaseline.on && !!this.cache?.load.athletes.some((a) => a.data && a.data.wellness === null)
    let requests = 0
    if (refresh || stale || needsWellness) {
      const rows = (await this.roster.get(refresh)).athletes.filter((r) => !r.isSelf)
      const load = await loadAttention(this.deps.session.http(), this.deps.session.coachId(), rows, settings.rules.wellnessBaseline.on, {
        priority: background ? 'background' : 'view',
      })
      this.cache = { generation, load, fetchedAt: now }
      requests = load.requests
    }
    const { load, fetchedAt } = this.cache!
    return {
      rows: attentionRows(load, settings),
      queue: reviewQueue(load.athletes, await this.store.reviewed(this.account())),
      compliance: load.athletes.map(({ row, data }) => ({ athleteId: row.id, name: row.name, weeks: data ? complianceWeeks(data) : [] })),
      settings,
      fetchedAt: fetchedAt.toISOString(),
      requests,
    }
  }

  async saveSettings(settings: AttentionSettings): Promise<AttentionSettings> {
    try {
      await this.store.saveSettings(settings)
    } catch (e) {
      throw new AppError('INTERNAL', 'Coach Desk could not save the attention settings in its data folder.', (e as Error).message)
    }
    return settings
  }

  /**
   * Marks an activity reviewed with its coach_tick on intervals.icu (`PUT /activity/{id}` with only
   * `coach_tick`); a Strava import (which intervals.icu will not update) or an athlete the coach may
   * only read is marked in Coach Desk's data folder instead.
   */
  async markReviewed(athleteId: string, activityId: string): Promise<{ activityId: string; via: 'coach_tick' | 'local' }> {
    const [row] = await this.roster.rows([athleteId])
    const activity = this.cache?.load.athletes.find((a) => a.row.id === athleteId)?.data?.activities.find((a) => a.id === activityId)
    let via: 'coach_tick' | 'local' = 'local'
    if (canWrite(row!) && !activity?.stub) {
      try {
        await updateActivity(this.deps.session.http(), activityId, { coach_tick: REVIEWED_TICK })
        via = 'coach_tick'
      } catch (e) {
        // 422: intervals.icu refuses updates to this activity (a Strava import); 403: read-only access.
        if (!(e instanceof AppError && (e.code === 'INVALID_INPUT' || e.code === 'FORBIDDEN'))) throw e
      }
    }
    if (via === 'local') {
      try {
        await this.store.addReviewed(this.account(), activityId)
      } catch (e) {
        throw new AppError('INTERNAL', 'Coach Desk could not note the review in its data folder.', (e as Error).message)
      }
    } else if (activity) activity.coachTick = REVIEWED_TICK
    return { activityId, via }
  }

  /** The comments, oldest first. Reading them marks the athlete's as seen on intervals.icu. */
  async comments(activityId: string): Promise<ActivityComment[]> {
    const http = this.deps.session.http()
    const coachId = this.deps.session.coachId()
    const messages = ((await listActivityMessages(http, activityId)) ?? []).filter((m) => typeof m?.id === 'number' && !m.deleted)
    messages.sort((a, b) => (a.id ?? 0) - (b.id ?? 0))
    const unseen = messages.filter((m) => m.athlete_id !== coachId && m.seen === false)
    if (unseen.length) {
      const chatId = this.cache?.load.chatOf.get(activityId) ?? (await getActivity(http, activityId)).icu_chat_id ?? null
      if (typeof chatId === 'number') {
        await markChatSeen(http, chatId, messages[messages.length - 1]!.id!)
        this.forgetUnread(activityId)
      }
    }
    return messages.map((m) => comment(m, coachId))
  }

  async addComment(activityId: string, content: string): Promise<ActivityComment> {
    const http = this.deps.session.http()
    const coachId = this.deps.session.coachId()
    const sent = await sendActivityMessage(http, activityId, content)
    if (typeof sent?.new_chat?.id === 'number') this.cache?.load.chatOf.set(activityId, sent.new_chat.id)
    const coach = (await this.roster.get()).athletes.find((r) => r.isSelf)
    return { id: sent?.id ?? 0, authorId: coachId, authorName: coach?.name ?? 'You', fromCoach: true, created: this.deps.now().toISOString(), content, seen: true }
  }

  private forgetUnread(activityId: string): void {
    for (const a of this.cache?.load.athletes ?? []) if (a.data) a.data.unread = a.data.unread.filter((u) => u.activityId !== activityId)
  }
}

/** Flagged athletes first (most attention first), then everyone else by name. */
export function attentionRows(load: AttentionLoad, settings: AttentionSettings): AttentionRow[] {
  const rows = load.athletes.map(({ row, data, error }) => ({
    athleteId: row.id,
    name: row.name,
    timezone: row.timezone,
    today: row.today,
    form: row.form,
    flags: data ? evaluate(data, settings.rules) : [],
    nextRace: data ? nextRace(data) : null,
    error,
  }))
  return rows.sort((a, b) => attentionScore(b.flags) - attentionScore(a.flags) || a.name.localeCompare(b.name))
}

/** The next A race and form on its day: today's fitness and fatigue carried over the planned workouts. */
export function nextRace(data: AthleteAttentionData): AttentionRow['nextRace'] {
  const race = data.races[0]
  if (!race) return null
  const daysToGo = daysBetween(data.today, race.date)
  let form: number | null = null
  if (data.fitness !== null && data.fatigue !== null) {
    const start = { date: data.today, ctl: data.fitness, atl: data.fatigue }
    const days = projectFitness(start, data.workouts.map((w) => ({ date: w.date, load: w.load })), race.date)
    // On race day nothing is projected: form is today's.
    form = Math.round(days.at(-1)?.form ?? data.fitness - data.fatigue)
  }
  return { date: race.date, name: race.name, daysToGo, form }
}

function comment(m: Message, coachId: string): ActivityComment {
  return {
    id: m.id!,
    authorId: m.athlete_id ?? null,
    authorName: m.name || m.athlete_id || 'Someone',
    fromCoach: m.athlete_id === coachId,
    created: m.created ?? null,
    content: m.content ?? '',
    seen: m.athlete_id === coachId || m.seen !== false,
  }
}
