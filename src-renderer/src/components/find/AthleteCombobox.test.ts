import { beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { RosterRow } from '@contract'
import { useGroupsStore } from '../../stores/groups'
import AthleteCombobox from './AthleteCombobox.vue'
import { pickedRows } from './athletePick'

function athlete(id: string, name: string, tags: string[] = [], isSelf = false): RosterRow {
  return { id, name, tags, isSelf, timezone: 'Europe/London', today: '2026-12-03' } as unknown as RosterRow
}
const rows = [athlete('i1', 'Alice Martin', ['elite']), athlete('i2', 'Bruno Costa'), athlete('i3', 'Martin Alvarez', ['elite']), athlete('i9', 'Dana Reyes', [], true)]

beforeEach(() => {
  setActivePinia(createPinia())
  const groups = useGroupsStore()
  // Loaded already: the picker asks main for nothing in these tests.
  groups.loaded = true
  groups.groups = [{ id: 'g1', name: 'Long course', athleteIds: ['i2', 'i3', 'gone'] }]
})

function setup(athleteIds: string[] = [], tag: string | null = null) {
  const model = { athleteIds, tag }
  const wrapper = mount(AthleteCombobox, {
    props: {
      rows,
      tags: ['elite'],
      athleteIds,
      tag,
      'onUpdate:athleteIds': (v: string[]) => {
        model.athleteIds = v
        void wrapper.setProps({ athleteIds: v })
      },
      'onUpdate:tag': (v: string | null) => {
        model.tag = v
        void wrapper.setProps({ tag: v })
      },
    },
    attachTo: document.body,
  })
  const input = wrapper.get('input[role="combobox"]')
  return { wrapper, input, model }
}

const optionTexts = (w: ReturnType<typeof setup>['wrapper']) => w.findAll('[role="option"]').map((o) => o.find('.nm').text())

describe('the athlete picker by keyboard', () => {
  it('opens on focus as a combobox over a listbox, and arrows move the active option', async () => {
    const { wrapper, input } = setup()
    expect(input.attributes('aria-expanded')).toBe('false')
    await input.trigger('focus')
    expect(input.attributes('aria-expanded')).toBe('true')
    const listId = input.attributes('aria-controls')!
    expect(wrapper.get(`#${listId}`).attributes('role')).toBe('listbox')
    await input.setValue('mart')
    expect(optionTexts(wrapper)).toEqual(['Martin Alvarez', 'Alice Martin'])
    expect(input.attributes('aria-activedescendant')).toBe(`${listId}-0`)
    await input.trigger('keydown', { key: 'ArrowDown' })
    expect(input.attributes('aria-activedescendant')).toBe(`${listId}-1`)
    await input.trigger('keydown', { key: 'ArrowDown' })
    // It wraps round.
    expect(input.attributes('aria-activedescendant')).toBe(`${listId}-0`)
    await input.trigger('keydown', { key: 'ArrowUp' })
    expect(input.attributes('aria-activedescendant')).toBe(`${listId}-1`)
  })

  it('Enter picks the active athlete and empties the field for the next; Backspace on an empty field unpicks the last', async () => {
    const { input, model, wrapper } = setup()
    await input.trigger('focus')
    await input.setValue('bru')
    await input.trigger('keydown', { key: 'Enter' })
    expect(model.athleteIds).toEqual(['i2'])
    expect((input.element as HTMLInputElement).value).toBe('')
    await input.setValue('alice')
    await input.trigger('keydown', { key: 'Enter' })
    expect(model.athleteIds).toEqual(['i2', 'i1'])
    expect(wrapper.findAll('[data-testid="picked-chip"]').map((c) => c.text())).toEqual(['Bruno Costa×', 'Alice Martin×'])
    expect(input.attributes('placeholder')).toBe('Bruno Costa, Alice Martin')
    await input.trigger('keydown', { key: 'Backspace' })
    expect(model.athleteIds).toEqual(['i2'])
    // Enter on a picked athlete unpicks it.
    await input.setValue('bru')
    expect(wrapper.get('[role="option"]').attributes('aria-selected')).toBe('true')
    await input.trigger('keydown', { key: 'Enter' })
    expect(model.athleteIds).toEqual([])
  })

  it('Esc closes the list first, then empties the field', async () => {
    const { input } = setup()
    await input.trigger('focus')
    await input.setValue('mar')
    await input.trigger('keydown', { key: 'Escape' })
    expect(input.attributes('aria-expanded')).toBe('false')
    expect((input.element as HTMLInputElement).value).toBe('mar')
    await input.trigger('keydown', { key: 'Escape' })
    expect((input.element as HTMLInputElement).value).toBe('')
  })

  it('a saved group picks its athletes still on the roster in place of the pick and the tag', async () => {
    const { input, model } = setup(['i1'], 'elite')
    await input.trigger('focus')
    await input.setValue('long')
    await input.trigger('keydown', { key: 'Enter' })
    expect(model).toEqual({ athleteIds: ['i2', 'i3'], tag: null })
    expect(input.attributes('placeholder')).toBe('★ Long course')
  })

  it('clear all shows everyone again', async () => {
    const { wrapper, model } = setup(['i1', 'i2'], 'elite')
    await wrapper.get('[data-testid="athlete-picker-clear"]').trigger('click')
    expect(model).toEqual({ athleteIds: [], tag: null })
  })
})

describe('saving the pick as a group', () => {
  it('keeps the athletes picked and those of the tag, under the name given, and lists the group', async () => {
    const sent: unknown[] = []
    // A stand-in for main's groups:save, recording what the window sends.
    window.coachDesk = {
      groups: {
        save: async (args: { name: string; athleteIds: string[] }) => {
          sent.push(args)
          return { ok: true, value: { id: 'g2', name: args.name.trim(), athleteIds: args.athleteIds } }
        },
      },
    } as unknown as typeof window.coachDesk
    const { wrapper, input } = setup(['i2'], 'elite')
    await input.trigger('focus')
    await wrapper.get('[data-testid="group-name"]').setValue(' Race crew ')
    await wrapper.get('form.combo-save').trigger('submit')
    await new Promise((r) => setTimeout(r, 0))
    expect(sent).toEqual([{ name: ' Race crew ', athleteIds: ['i2', 'i1', 'i3'] }])
    expect(wrapper.findAll('[data-testid="saved-group"]').map((g) => g.find('.nm').text())).toEqual(['★ Long course', '★ Race crew'])
    expect((wrapper.get('[data-testid="group-name"]').element as HTMLInputElement).value).toBe('')
    delete window.coachDesk
  })
})

describe('the rows a pick shows', () => {
  it('shows everyone but the coach for no pick, and the picked athletes with those of the tag otherwise', () => {
    expect(pickedRows(rows, { athleteIds: [], tag: null }, false).map((r) => r.id)).toEqual(['i1', 'i2', 'i3'])
    expect(pickedRows(rows, { athleteIds: [], tag: null }, true).map((r) => r.id)).toEqual(['i1', 'i2', 'i3', 'i9'])
    expect(pickedRows(rows, { athleteIds: ['i2'], tag: null }, false).map((r) => r.id)).toEqual(['i2'])
    expect(pickedRows(rows, { athleteIds: ['i2'], tag: 'elite' }, false).map((r) => r.id)).toEqual(['i1', 'i2', 'i3'])
    // The coach's own row when picked by name, even with their training hidden elsewhere.
    expect(pickedRows(rows, { athleteIds: ['i9'], tag: null }, false).map((r) => r.id)).toEqual(['i9'])
  })
})
