import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

/** The window's build (React, src/renderer → out/renderer), the same in both configs. */
export const rendererConfig = {
  root: resolve('src/renderer'),
  build: { rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
  plugins: [react()],
}

/** Only the window: what browser mode serves (`npm run build:renderer`, run by `npm run web`). */
export default defineConfig({ renderer: rendererConfig })
