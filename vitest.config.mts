import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src-main/shared') } },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/backend/**/*.test.ts'],
    environment: 'node',
    // better-sqlite3 is a native addon: separate processes are the safe pool for it.
    pool: 'forks',
    testTimeout: 20_000
  }
})
