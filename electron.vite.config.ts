import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { rendererConfig } from './electron.vite.renderer.config'

/** Build of the three Electron runtimes: engine shell (main), preload bridge and React window. */
export default defineConfig({
  main: {
    build: { rollupOptions: { input: { index: resolve('src/main/index.ts') } } },
  },
  preload: {
    build: {
      // Why: a sandboxed preload can require only 'electron'; everything else must be bundled
      // in, and it runs as a classic script, so the output is one CommonJS file (index.cjs).
      // https://www.electronjs.org/docs/latest/tutorial/sandbox#preload-scripts
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
})
