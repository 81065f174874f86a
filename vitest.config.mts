import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src-main/shared') } },
  test: {
    // Renderer tests choose a DOM per file (// @vitest-environment happy-dom); the rest run in Node.
    include: ['test/unit/**/*.test.ts', 'test/backend/**/*.test.ts', 'test/renderer/**/*.test.{ts,tsx}'],
    environment: 'node',
    // better-sqlite3 is a native addon: separate processes are the safe pool for it.
    pool: 'forks',
    testTimeout: 20_000,
    // A test that fails once and passes on its second run is a flake of a loaded 2-core machine,
    // not a broken feature: it passes, and `npm test` names it in its summary ("flaky:") so it is
    // seen and fixed. A test that fails twice fails.
    retry: 1
  }
})
