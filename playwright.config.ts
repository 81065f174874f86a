import { defineConfig } from '@playwright/test'
import { chromiumPath, CHROMIUM_ARGS } from './test/e2e/support/chromium'

// End-to-end tests drive the real renderer in Chromium against the browser-mode host.
// Browsers are never downloaded: Chromium comes from the system (apt), see docs/ARCHITECTURE.md.
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  globalSetup: './test/e2e/support/global-setup.ts',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  // Generous: the sample workspace is built and analysed inside some tests, and CI machines vary.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: process.env['CI'] ? [['list']] : [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    trace: 'off',
    screenshot: 'only-on-failure'
  },
  projects: [
    { name: 'browser-mode', testMatch: /.*\.spec\.ts$/, testIgnore: /electron/ },
    { name: 'electron', testMatch: /electron\/.*\.spec\.ts$/ }
  ]
})
