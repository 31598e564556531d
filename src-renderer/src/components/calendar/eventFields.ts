import type { CalEvent, EventFields } from '@contract'
import { changedValues, withoutEmpty } from '../formDiff'

/** What the editor showed for an event when it opened, in the contract's terms. */
export function loadedFields(e: CalEvent): Partial<EventFields> {
  return {
    name: e.name,
    category: e.category as EventFields['category'],
    date: e.date,
    endDate: e.endDate && e.endDate > e.date ? e.endDate : null,
    type: e.type,
    description: e.description,
    hidden: e.hidden,
    locked: e.locked,
  }
}

/**
 * An edit sends only what the coach changed: a rename does not send the description again. The
 * end of a multi-day event is written with its start, so a changed end carries the date too.
 */
export function editedFields(loaded: CalEvent, fields: EventFields): Partial<EventFields> {
  const changed = changedValues(loadedFields(loaded), fields)
  if ('endDate' in changed && !('date' in changed)) changed.date = fields.date
  return changed
}

/** A new event without empty fields: a note has no sport, so it is created without `type` rather than with `"type": null`. */
export function newEventFields(fields: EventFields): EventFields {
  return { ...withoutEmpty(fields), name: fields.name, category: fields.category, date: fields.date } as EventFields
}
