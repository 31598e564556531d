import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useExportsStore } from './exports'

describe('export settings', () => {
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
  })

  it('remembers the format (the one dragging uses) and the layout on this computer', () => {
    expect(useExportsStore()).toMatchObject({ format: 'zwo', layout: 'folders' })
    useExportsStore().setFormat('fit')
    useExportsStore().setLayout('zip')
    setActivePinia(createPinia())
    expect(useExportsStore()).toMatchObject({ format: 'fit', layout: 'zip' })
  })

  it('ignores a stored value it does not know', () => {
    localStorage.setItem('coachDesk.exports', JSON.stringify({ format: 'exe', layout: '../..' }))
    expect(useExportsStore()).toMatchObject({ format: 'zwo', layout: 'folders' })
    localStorage.setItem('coachDesk.exports', '{not json')
    setActivePinia(createPinia())
    expect(useExportsStore().format).toBe('zwo')
  })
})
