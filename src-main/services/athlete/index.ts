import type { Channel } from '../../contract/channels'
import type { HandlersFor, ServiceDeps } from '../deps'
import type { RosterCache } from '../roster'
import { athleteActivities } from './activities'
import { ActivityDetails } from './detail'
import { logManual } from './manual'
import { athleteProfile, SettingsCache } from './profile'
import { saveSportSettings } from './settings'
import { ActivityStreamStore } from './streams'
import { fitness, saveWellnessDay, saveWellnessDays, wellnessCsv, wellnessDays } from './wellness'

type AthleteChannel = Extract<Channel, `athlete:${string}`>

/** One athlete in depth: profile, activities, streams, fitness, wellness and sport settings. */
export function athleteHandlers(deps: ServiceDeps, roster: RosterCache): HandlersFor<AthleteChannel> {
  const settings = new SettingsCache(deps)
  const details = new ActivityDetails(deps, settings)
  const streams = new ActivityStreamStore(deps, details, settings)
  return {
    'athlete:get': ({ athleteId }) => athleteProfile(deps, settings, roster, athleteId),
    'athlete:activities': (q) => athleteActivities(deps, q),
    'athlete:activity': ({ activityId }) => details.get(activityId),
    'athlete:streams': ({ activityId, ...q }) => streams.window(activityId, q),
    'athlete:streamsCsv': ({ activityId }) => streams.csv(activityId),
    'athlete:updateActivity': ({ activityId, changes }) => details.update(activityId, changes),
    'athlete:logManual': ({ athleteId, activities }) => logManual(deps, athleteId, activities),
    'athlete:fitness': (q) => fitness(deps, q),
    'athlete:wellness': (q) => wellnessDays(deps, q),
    'athlete:updateWellness': ({ athleteId, date, values }) => saveWellnessDay(deps, athleteId, date, values),
    'athlete:updateWellnessBulk': ({ athleteId, days }) => saveWellnessDays(deps, athleteId, days),
    'athlete:wellnessCsv': (q) => wellnessCsv(deps, q),
    'athlete:updateSportSettings': (q) => saveSportSettings(deps, settings, q),
  }
}
