import { defineStore } from 'pinia'
import { watch } from 'vue'
import type { Router } from 'vue-router'
import type { AppCommand } from '@contract'
import { bridge } from '../api'
import { useSessionStore } from './session'
import { useWorkoutsStore } from './workouts'

// Commands from the native menu and from files opened in the operating system. The window does what
// its own buttons and keys do: open a page, press a calendar key, import a file as if it were dropped.
export const useShellStore = defineStore('shell', {
  state: () => ({ listening: false }),
  actions: {
    listen(router: Router) {
      if (this.listening) return
      this.listening = true
      bridge().events['app:command']((command) => void this.run(command, router))
    },
    async run(command: AppCommand, router: Router) {
      const session = useSessionStore()
      // A file opened at start arrives before the session is known: wait for it.
      if (!session.status) {
        await new Promise<void>((ready) => {
          const stop = watch(
            () => session.status,
            (status) => {
              if (!status) return
              stop()
              ready()
            },
          )
        })
      }
      // Before an account or the demo is open, only the welcome screen is there to show.
      if (!session.active) return
      if (command.kind === 'openPage') {
        await router.push(command.path)
      } else if (command.kind === 'pressKey') {
        // The calendar listens for its keys once it is on screen; from elsewhere the key opens it.
        if (router.currentRoute.value.path !== '/calendar') await router.push('/calendar')
        else window.dispatchEvent(new KeyboardEvent('keydown', { key: command.key }))
      } else {
        await router.push('/workouts')
        await useWorkoutsStore().importFile(command.fileName, command.text)
      }
    },
  },
})
