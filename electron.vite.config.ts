import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const alias = { '@shared': resolve(__dirname, 'src-main/shared') }

// One build for all three processes. The web host and the CLI run from source with tsx, so
// only what Electron loads is bundled here.
export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      // Bundled, not required from node_modules: zod's package entry loads its 65 locale files,
      // 72 ms of every start of the app, browser mode and each `icp` command; bundled, only
      // what the contract's schemas use is parsed.
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/index.ts'),
          cli: resolve(__dirname, 'src-main/cli.ts'),
          web: resolve(__dirname, 'src-main/web.ts'),
          // Reading large files runs in a worker thread; it needs its own entry file.
          'read-worker': resolve(__dirname, 'src-main/backend/import/read-worker.ts')
        }
      }
    }
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load ES modules, so it must stay CommonJS.
      rollupOptions: {
        input: { preload: resolve(__dirname, 'src-main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    resolve: { alias },
    plugins: [react()],
    // The what-if engine runs in a module worker (src-renderer/what-if).
    worker: { format: 'es' },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified by default; it is what every start loads.
      minify: true,
      // A section's chunk is imported directly: Vite's preload helper waits on <link
      // rel=modulepreload> events, and a section stayed on "Opening Data…" in an end-to-end run
      // under load. Everything is local, so the helper's head start buys nothing.
      modulePreload: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } }
    }
  }
})
