import type { Route } from '../router'
import { activityRoutes } from './activities'
import { athleteRoutes } from './athletes'
import { eventRoutes } from './events'
import { bulkEventRoutes } from './eventsBulk'
import { summaryRoutes } from './summary'

// Literal paths (events/bulk, events/bulk-delete) come before the ones with an :eventId.
export const routes: Route[] = [...athleteRoutes, ...summaryRoutes, ...activityRoutes, ...bulkEventRoutes, ...eventRoutes]
