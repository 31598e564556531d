import { describe, expect, it, vi } from 'vitest'
import { mount, flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import WelcomeView from './WelcomeView.vue'

// A stand-in for window.coachDesk: this unit test pins what the view sends and shows.
function installBridge(connect: (args: unknown) => unknown) {
  const connectSpy = vi.fn(async (args: unknown) => connect(args))
  window.coachDesk = {
    session: { connect: connectSpy, testConnection: vi.fn(), openDemo: vi.fn(), status: vi.fn(), disconnect: vi.fn() },
    events: { 'session:changed': () => () => {} },
  } as never
  return connectSpy
}

async function fill(wrapper: ReturnType<typeof mount>, id: string, key: string) {
  await wrapper.get('[data-testid="athlete-id"]').setValue(id)
  await wrapper.get('[data-testid="api-key"]').setValue(key)
}

describe('WelcomeView', () => {
  it('disables Connect until the athlete id has the right shape', async () => {
    setActivePinia(createPinia())
    installBridge(() => ({ ok: true, value: {} }))
    const wrapper = mount(WelcomeView, { global: { stubs: ['RouterLink'] } })
    await fill(wrapper, 'me', 'abcdefgh1234')
    expect(wrapper.get('[data-testid="connect"]').attributes('disabled')).toBeDefined()
    expect(wrapper.text()).toContain('An athlete id looks like i12345.')
    await fill(wrapper, 'i12345', 'abcdefgh1234')
    expect(wrapper.get('[data-testid="connect"]').attributes('disabled')).toBeUndefined()
  })

  it('offers to keep the key for this session when the keychain is unavailable, and clears the key field after', async () => {
    setActivePinia(createPinia())
    const spy = installBridge((args) =>
      (args as { storage: string }).storage === 'memory'
        ? { ok: true, value: { state: 'connected' } }
        : { ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE', message: 'Install and unlock a keyring.' } },
    )
    const wrapper = mount(WelcomeView)
    await fill(wrapper, 'i12345', 'abcdefgh1234')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid="connect-error"]').text()).toContain('Install and unlock a keyring.')
    await wrapper.get('[data-testid="use-memory"]').trigger('click')
    await flushPromises()
    expect(spy.mock.calls.map((c) => (c[0] as { storage: string }).storage)).toEqual(['keychain', 'memory'])
    expect((wrapper.get('[data-testid="api-key"]').element as HTMLInputElement).value).toBe('')
  })
})
