import { afterEach, describe, expect, it } from 'vitest'
import { KeytarSecretStore } from './keytar'

// Runs against the machine's real Secret Service (GNOME Keyring inside `dbus-run-session` in
// `npm test` and CI), under a service name of its own so no real key is touched.
const SERVICE = `Coach Desk test ${process.pid}`

describe('KeytarSecretStore on the real keychain', () => {
  const store = new KeytarSecretStore(SERVICE)

  afterEach(async () => {
    for (const a of await store.accounts()) await store.delete(a)
  })

  it('has a working keychain here', async () => {
    expect(await store.problem()).toBeNull()
  })

  it('stores, reads, lists and deletes a key per athlete id', async () => {
    await store.set('i100000', 'key-one-abcdef')
    await store.set('i200000', 'key-two-abcdef')
    expect(await store.get('i100000')).toBe('key-one-abcdef')
    expect((await store.accounts()).sort()).toEqual(['i100000', 'i200000'])
    expect(await store.delete('i100000')).toBe(true)
    expect(await store.get('i100000')).toBeNull()
    expect(await store.accounts()).toEqual(['i200000'])
  })

  it('replaces the key of the same account instead of adding another', async () => {
    await store.set('i100000', 'old-key-abcdef')
    await store.set('i100000', 'new-key-abcdef')
    expect(await store.get('i100000')).toBe('new-key-abcdef')
    expect(await store.accounts()).toEqual(['i100000'])
  })

  it('reports an unavailable keychain as KEYCHAIN_UNAVAILABLE with a way to fix it', async () => {
    const broken = new KeytarSecretStore(SERVICE, () => {
      throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')
    })
    expect(await broken.problem()).toMatch(/keychain/i)
    await expect(broken.set('i1', 'secret-abcdef')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' })
  })
})
