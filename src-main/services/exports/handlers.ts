import type { CalendarLoader } from '../calendar/load'
import type { HandlersFor, ServiceDeps } from '../deps'
import type { RosterCache } from '../roster'
import type { ExportDialogs } from './dialogs'
import { DragFiles } from './drag'
import { ExportService } from './service'

type ExportsChannel = 'exports:saveEvent' | 'exports:saveMany' | 'exports:cancel' | 'exports:prepareDrag' | 'exports:startDrag'

export function exportsHandlers(
  deps: ServiceDeps,
  roster: RosterCache,
  loader: CalendarLoader,
  dialogs: ExportDialogs | undefined,
): HandlersFor<ExportsChannel> {
  const service = new ExportService({ ...deps, roster, loader, dialogs })
  const drag = new DragFiles({ ...deps, roster, loader })
  return {
    'exports:saveEvent': (req) => service.saveEvent(req),
    'exports:saveMany': (req) => service.saveMany(req),
    'exports:cancel': async ({ exportId }) => ({ cancelled: service.cancel(exportId) }),
    'exports:prepareDrag': ({ events, format }) => drag.prepare(events, format),
    // Only the Electron transport supplies startDrag, from the window that asked.
    'exports:startDrag': ({ events, format }, ctx) => drag.start(events, format, ctx.startDrag),
  }
}
