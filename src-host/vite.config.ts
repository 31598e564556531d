import { defineConfig } from 'vite'
import { resolve } from 'node:path'

// Bundles the host's bridge script (served at /host-bridge.js) for the browser host.
export default defineConfig({
  build: {
    outDir: resolve(import.meta.dirname, '../out/host'),
    emptyOutDir: true,
    lib: {
      entry: resolve(import.meta.dirname, 'bridge.ts'),
      formats: ['iife'],
      name: 'coachDeskHostBridge',
      fileName: () => 'host-bridge.js',
    },
  },
})
