import { describe, expect, it } from 'vitest'
import type { CalEvent, EventFields } from '@contract'
import { editedFields, loadedFields, newEventFields } from './eventFields'

const event: CalEvent = {
  id: 7,
  uid: 'u7',
  athleteId: 'i100001',
  category: 'WORKOUT',
  date: '2026-12-01',
  endDate: null,
  name: 'Tempo',
  description: '- 20m 85%',
  type: 'Ride',
  movingSecs: 1200,
  load: 30,
  hidden: false,
  locked: false,
  doneActivityId: null,
}
const asForm = (over: Partial<EventFields> = {}): EventFields => ({ ...(loadedFields(event) as EventFields), ...over })

describe('the event editor’s writes', () => {
  it('a rename sends the name alone', () => {
    expect(editedFields(event, asForm({ name: 'Tempo 2x20' }))).toEqual({ name: 'Tempo 2x20' })
  })

  it('nothing changed is nothing to send', () => {
    expect(editedFields(event, asForm())).toEqual({})
  })

  it('a new end date is sent with the start it belongs to', () => {
    expect(editedFields(event, asForm({ endDate: '2026-12-03' }))).toEqual({ endDate: '2026-12-03', date: '2026-12-01' })
  })

  it('a new note has no sport and no empty fields', () => {
    const created = newEventFields({ name: 'Travel', category: 'NOTE', date: '2026-12-02', endDate: null, type: null, description: '', hidden: false, locked: false })
    expect(created).toEqual({ name: 'Travel', category: 'NOTE', date: '2026-12-02', hidden: false, locked: false })
    expect(JSON.stringify(created)).not.toContain('null')
  })
})
