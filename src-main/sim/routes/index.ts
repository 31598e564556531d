import type { Route } from '../router'
import { activityRoutes } from './activities'
import { activityDetailRoutes } from './activityDetail'
import { athleteRoutes } from './athletes'
import { downloadRoutes } from './downloads'
import { eventRoutes } from './events'
import { libraryRoutes } from './library'
import { bulkEventRoutes } from './eventsBulk'
import { manualActivityRoutes } from './manualActivities'
import { messageRoutes } from './messages'
import { sportSettingsRoutes } from './sportSettings'
import { summaryRoutes } from './summary'
import { wellnessRoutes } from './wellness'

// Literal paths (events/bulk, events/bulk-delete) come before the ones with an :eventId.
export const routes: Route[] = [
  ...athleteRoutes,
  ...sportSettingsRoutes,
  ...summaryRoutes,
  ...manualActivityRoutes,
  ...activityRoutes,
  ...activityDetailRoutes,
  ...messageRoutes,
  ...wellnessRoutes,
  ...bulkEventRoutes,
  ...downloadRoutes,
  ...eventRoutes,
  ...libraryRoutes,
]
