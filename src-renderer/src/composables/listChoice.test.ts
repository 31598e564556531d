import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'
import { useListChoice } from './listChoice'

// The keys the athlete picker and Ctrl/⌘+K share, on a field of its own over a list of names.

function field(names: string[], closable = false) {
  const items = ref(names)
  const open = ref(!closable)
  const chosen = vi.fn()
  const wrapper = mount(
    defineComponent({
      setup(_, { expose }) {
        const list = useListChoice({ items: () => items.value, choose: chosen, ...(closable ? { closable: { isOpen: () => open.value, open: () => (open.value = true) } } : {}) })
        expose({ reset: list.reset, keepInside: list.keepInside })
        return () =>
          h('input', { 'aria-controls': list.listId, 'aria-activedescendant': list.activeDescendant.value, onKeydown: (ev: KeyboardEvent) => list.onKey(ev) })
      },
    }),
  )
  const input = wrapper.get('input')
  const listId = input.attributes('aria-controls')!
  const active = () => input.attributes('aria-activedescendant')
  const press = async (key: string) => {
    const ev = new KeyboardEvent('keydown', { key, cancelable: true })
    input.element.dispatchEvent(ev)
    await wrapper.vm.$nextTick()
    return ev.defaultPrevented
  }
  const vm = wrapper.vm as unknown as { reset(): void; keepInside(): void }
  const after = async (f: () => void) => {
    f()
    await wrapper.vm.$nextTick()
  }
  return { items, open, chosen, listId, active, press, vm, after }
}

describe('choosing from a list by keyboard', () => {
  it('the arrows move the active option round the list, and Enter chooses it', async () => {
    const { chosen, listId, active, press } = field(['Ann', 'Bob', 'Cid'])
    expect(active()).toBe(`${listId}-0`)
    await press('ArrowDown')
    await press('ArrowDown')
    expect(active()).toBe(`${listId}-2`)
    await press('ArrowDown')
    expect(active()).toBe(`${listId}-0`)
    await press('ArrowUp')
    expect(active()).toBe(`${listId}-2`)
    expect(await press('Enter')).toBe(true)
    expect(chosen).toHaveBeenCalledWith('Cid')
  })

  it('leaves other keys to the field, and names no option of an empty list', async () => {
    const { items, chosen, active, press } = field(['Ann'])
    expect(await press('a')).toBe(false)
    expect(await press('Escape')).toBe(false)
    items.value = []
    await press('ArrowDown')
    expect(active()).toBeUndefined()
    await press('Enter')
    expect(chosen).not.toHaveBeenCalled()
  })

  it('a closed list opens on the first arrow or Enter, without moving or choosing', async () => {
    const { open, chosen, listId, active, press } = field(['Ann', 'Bob'], true)
    expect(active()).toBeUndefined()
    expect(await press('Enter')).toBe(true)
    expect(open.value).toBe(true)
    expect(chosen).not.toHaveBeenCalled()
    expect(active()).toBe(`${listId}-0`)
    open.value = false
    await press('ArrowDown')
    expect(active()).toBe(`${listId}-0`)
    await press('ArrowDown')
    expect(active()).toBe(`${listId}-1`)
  })

  it('after typing the first option is active again; after a choice, one still listed', async () => {
    const { items, listId, active, press, vm, after } = field(['Ann', 'Bob', 'Cid'])
    await press('ArrowUp')
    expect(active()).toBe(`${listId}-2`)
    await after(() => (items.value = ['Ann', 'Bob']))
    await after(() => vm.keepInside())
    expect(active()).toBe(`${listId}-1`)
    await after(() => vm.reset())
    expect(active()).toBe(`${listId}-0`)
  })
})
