import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { CalEvent } from '@contract'
import EventEditor from './EventEditor.vue'

// The editor asks for the coach's yes as soon as the date field holds a day before the athlete's today or more
// than a year ahead, sends it with Save, and offers it again when main refuses a date the window did not flag.

const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value })
type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }

function bridge() {
  const calendar = {
    createEvent: vi.fn((): Promise<Answer> => ok({})),
    updateEvent: vi.fn((): Promise<Answer> => ok({})),
    range: vi.fn(() => ok([])),
    history: vi.fn(() => ok({ undo: null, interrupted: [] })),
  }
  window.coachDesk = { calendar, events: { 'calendar:row': () => () => {}, 'bulk:progress': () => () => {} } } as never
  return calendar
}

const TODAY = '2026-12-03'
const pastNote: CalEvent = { id: 7, uid: null, athleteId: 'i1', category: 'NOTE', date: '2026-11-20', endDate: null, name: 'Call', description: '', type: null, movingSecs: null, load: null, hidden: false, locked: false, doneActivityId: null }

function editor(over: { event?: CalEvent | null; date?: string; today?: string } = {}) {
  const b = bridge()
  const wrapper = mount(EventEditor, {
    props: { athleteId: 'i1', athleteName: 'Lena Fischer', event: over.event ?? null, date: over.date ?? '2026-12-10', today: over.today ?? TODAY },
    global: { stubs: { EventWorkoutText: true } },
  })
  const warning = () => wrapper.find('[data-testid="editor-date-warning"]')
  const save = () => wrapper.get('[data-testid="editor-save"]')
  const setDate = (d: string) => wrapper.get('[data-testid="editor-date"]').setValue(d)
  return { b, wrapper, warning, save, setDate }
}

describe('the event editor and dates that need a yes', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('warns in words about a day before the athlete’s today and holds Save until the box is ticked', async () => {
    const { b, wrapper, warning, save } = editor({ date: '2026-12-01' })
    await wrapper.get('[data-testid="editor-name"]').setValue('Easy spin')
    expect(warning().find('[data-kind="past"]').text()).toBe('Tue 1 Dec 2026 is in the past for Lena Fischer (today is Thu 3 Dec 2026).')
    expect(save().attributes('disabled')).toBeDefined()
    await wrapper.get('form').trigger('submit')
    expect(b.createEvent).not.toHaveBeenCalled()

    await wrapper.get('[data-testid="editor-confirm-date"]').setValue(true)
    expect(save().attributes('disabled')).toBeUndefined()
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(b.createEvent).toHaveBeenCalledWith(expect.objectContaining({ athleteId: 'i1', confirmDate: true, fields: expect.objectContaining({ date: '2026-12-01' }) }))
    expect(wrapper.emitted('close')).toHaveLength(1)
  })

  it('warns as the date is typed: a year and a day ahead asks, today and a year ahead do not; a new date takes the tick away', async () => {
    const { wrapper, warning, setDate } = editor()
    expect(warning().exists()).toBe(false)
    await setDate('2027-12-04')
    expect(warning().find('[data-kind="farAhead"]').text()).toBe('Sat 4 Dec 2027 is more than a year ahead for Lena Fischer.')
    await wrapper.get('[data-testid="editor-confirm-date"]').setValue(true)
    await setDate('2027-12-05')
    expect((wrapper.get('[data-testid="editor-confirm-date"]').element as HTMLInputElement).checked).toBe(false)
    for (const d of ['2027-12-03', TODAY]) {
      await setDate(d)
      expect(warning().exists()).toBe(false)
    }
  })

  it('renames a past event without asking, and asks once it is moved to another day', async () => {
    const { b, wrapper, warning, save, setDate } = editor({ event: pastNote })
    expect(warning().exists()).toBe(false)
    await wrapper.get('[data-testid="editor-name"]').setValue('Called')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(b.updateEvent).toHaveBeenCalledWith({ athleteId: 'i1', eventId: 7, fields: { name: 'Called' }, confirmDate: false })
    await setDate('2026-11-21')
    expect(warning().find('[data-kind="past"]').exists()).toBe(true)
    expect(save().attributes('disabled')).toBeDefined()
  })

  it('shows main’s refusal of a date the window did not flag, keeps the form, and sends the yes with the next Save', async () => {
    // The window's today is two days behind: main's is not.
    const { b, wrapper, warning } = editor({ date: '2026-12-02', today: '2026-12-01' })
    const refusal = 'Nothing was written: confirm this date first. Wed 2 Dec 2026 is in the past for Lena Fischer (today is Thu 3 Dec 2026).'
    b.createEvent.mockReturnValueOnce(Promise.resolve({ ok: false, error: { code: 'INVALID_INPUT', message: refusal } }))
    await wrapper.get('[data-testid="editor-name"]').setValue('Easy spin')
    expect(warning().exists()).toBe(false)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('.error-box').text()).toBe(refusal)
    expect(wrapper.emitted('close')).toBeUndefined()
    expect((wrapper.get('[data-testid="editor-name"]').element as HTMLInputElement).value).toBe('Easy spin')

    await wrapper.get('[data-testid="editor-confirm-date"]').setValue(true)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(b.createEvent).toHaveBeenLastCalledWith(expect.objectContaining({ confirmDate: true, fields: expect.objectContaining({ name: 'Easy spin', date: '2026-12-02' }) }))
    expect(wrapper.emitted('close')).toHaveLength(1)
  })
})
