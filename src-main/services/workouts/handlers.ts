import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { AppError } from '../../contract/errors'
import { listEvents } from '../../icu/api'
import { readWorkoutFile, WorkoutFileError } from '../../workouts'
import type { CalendarParts } from '../calendar/handlers'
import { addDays } from '../dates'
import type { HandlersFor, ServiceDeps } from '../deps'
import type { RosterCache } from '../roster'
import { assignDate, describeWhen, weekStartFor, weekWords, workoutEvent, type WorkoutToAssign } from './assign'
import { LibraryService, athleteThresholds } from './library'
import { previewWorkout } from './preview'
import type { NewEvent, Placed } from './placement'
import { placeAgainstCalendars } from './placementRead'
import { TemplateStore } from './templateStore'
import { eventsFromTemplate, templateFromWeek, templateSummary } from './weekTemplate'

type WorkoutsChannel =
  | 'workouts:parse'
  | 'workouts:thresholds'
  | 'workouts:import'
  | 'workouts:library'
  | 'workouts:saveToLibrary'
  | 'workouts:planAssign'
  | 'workouts:templates'
  | 'workouts:saveWeekTemplate'
  | 'workouts:deleteTemplate'
  | 'workouts:planTemplate'

/**
 * Workout authoring, the library, assignment and week templates. Assignments and templates are planned through
 * the calendar's bulk service, so they get the same preview, one request per athlete, report and undo.
 */
export function workoutsHandlers(deps: ServiceDeps, roster: RosterCache, { bulk }: CalendarParts): HandlersFor<WorkoutsChannel> {
  const library = new LibraryService(deps)
  const templates = new TemplateStore(join(deps.dataDir, 'templates'))
  const clocks = async (ids: string[]) => {
    const rows = await roster.rows(ids)
    return rows.map((r) => ({ id: r.id, timezone: r.timezone, name: r.name }))
  }

  /** New events planned against what each calendar already holds, with the coach's choice for clashes. */
  const planPlaced = async (title: string, creates: NewEvent[], choice: Placed['placement']['choice'] = 'alongside') => {
    const placed = await placeAgainstCalendars(deps, roster, creates, choice)
    const plan = await bulk.planCreates(title, placed.creates, placed.deletes, placed.placement)
    return { ...plan, skipped: [...plan.skipped, ...placed.skipped] }
  }

  return {
    'workouts:parse': async ({ text, sport, thresholds }) => previewWorkout(text, sport, thresholds),
    'workouts:thresholds': ({ athleteId }) => athleteThresholds(deps, athleteId),
    'workouts:import': async ({ fileName, text }) => {
      try {
        const read = readWorkoutFile(fileName, text)
        return { ...read, preview: previewWorkout(read.text, read.sport) }
      } catch (e) {
        if (e instanceof WorkoutFileError) throw new AppError('INVALID_INPUT', e.message)
        throw e
      }
    },
    'workouts:library': ({ refresh }) => library.list(refresh),
    'workouts:saveToLibrary': ({ source, folder }) => library.save(source, folder),
    'workouts:planAssign': async ({ workout, athleteIds, when, placement }) => {
      const w: WorkoutToAssign = workout.kind === 'text' ? workout : await library.get(workout.workoutId)
      if (workout.kind === 'library' && !w.description.trim()) throw new AppError('INVALID_INPUT', `“${w.name}” has no text to put on a calendar.`)
      const now = deps.now()
      const creates = (await clocks(athleteIds)).map((a) => ({ athleteId: a.id, event: workoutEvent(w, assignDate(when, a, now)) }))
      return planPlaced(`Assign “${w.name}” (${describeWhen(when)})`, creates, placement)
    },
    'workouts:templates': async () => (await templates.list()).map(templateSummary),
    'workouts:saveWeekTemplate': async ({ athleteId, weekStart, name }) => {
      const [athlete] = await clocks([athleteId])
      const events = (await listEvents(deps.session.http(), athleteId, { oldest: weekStart, newest: addDays(weekStart, 6) })) ?? []
      const meta = { id: randomUUID(), name, sourceAthleteId: athleteId, sourceName: athlete!.name, weekStart, createdAt: deps.now().toISOString() }
      const template = templateFromWeek(meta, events.filter(Boolean))
      if (!template.events.length) throw new AppError('INVALID_INPUT', `${athlete!.name} has nothing planned in the week of ${weekStart}.`)
      await templates.save(template)
      return templateSummary(template)
    },
    'workouts:deleteTemplate': async ({ templateId }) => ({ deleted: await templates.delete(templateId) }),
    'workouts:planTemplate': async ({ templateId, athleteIds, start, placement }) => {
      const template = await templates.get(templateId)
      const now = deps.now()
      const creates = (await clocks(athleteIds)).flatMap((a) => {
        const from = start.kind === 'date' ? start.date : weekStartFor(start.weekOffset, a, now)
        return eventsFromTemplate(template, from).map((event) => ({ athleteId: a.id, event }))
      })
      const from = start.kind === 'date' ? `from ${start.date}` : weekWords(start.weekOffset)
      return planPlaced(`Week “${template.name}” (${from})`, creates, placement)
    },
  }
}
