import { test as base, expect } from '@playwright/test'
import { makeDataDir, startHost, type RunningHost } from './web-host'
import { StartPage } from '../pages/start-page'
import { WorkspacePage } from '../pages/workspace-page'

interface Fixtures {
  /** A fresh browser-mode host on its own empty data folder. */
  host: RunningHost
  /** Restarts the host on the same data folder (a new process: nothing kept in memory). */
  restartHost: () => Promise<RunningHost>
  startPage: StartPage
  workspacePage: WorkspacePage
  /** Every request the page made to anything but its own host. */
  foreignRequests: string[]
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  host: async ({}, use) => {
    const data = makeDataDir()
    const host = await startHost(data.dir)
    const running = { current: host }
    await use(new Proxy(host, { get: (_t, key) => running.current[key as keyof RunningHost] }))
    await running.current.stop()
    data.remove()
  },
  restartHost: async ({ host }, use) => {
    await use(async () => {
      await host.stop()
      const next = await startHost(host.dataDir)
      Object.assign(host, next)
      return next
    })
  },
  foreignRequests: async ({ page }, use) => {
    const foreign: string[] = []
    page.on('request', (request) => {
      const url = request.url()
      if (!url.startsWith('http://127.0.0.1:') && !url.startsWith('data:')) foreign.push(url)
    })
    await use(foreign)
  },
  startPage: async ({ page }, use) => use(new StartPage(page)),
  workspacePage: async ({ page }, use) => use(new WorkspacePage(page))
})

export { expect }
