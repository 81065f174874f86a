import { defineConfig } from '@playwright/test'
import { chromiumLaunchOptions } from './test/e2e/support/chromium'

// End-to-end tests drive the real renderer in Chromium against the browser-mode host.
// Browsers are never downloaded: the system Chromium, or else the one npm installed (see
// docs/ARCHITECTURE.md, "The ICP one-pager and its PDF").
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  globalSetup: './test/e2e/support/global-setup.ts',
  fullyParallel: false,
  workers: 2,
  // As for Vitest (vitest.config.mts): a test that passes only on its retry passes, and `npm test`
  // names it in its summary as flaky.
  retries: 1,
  // Generous: the sample workspace is built and analysed inside some tests, and machines vary;
  // a full run beside other work on 2 cores is several times slower than an idle one. A
  // timeout is a hang detector here, never a speed check (speed is `npm run bench`'s).
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env['CI'] ? [['list']] : [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    launchOptions: chromiumLaunchOptions(),
    trace: 'off',
    screenshot: 'only-on-failure'
  },
  projects: [
    { name: 'browser-mode', testMatch: /.*\.spec\.ts$/, testIgnore: /electron/ },
    { name: 'electron', testMatch: /electron\/.*\.spec\.ts$/ }
  ]
})
