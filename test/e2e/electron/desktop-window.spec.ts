import { _electron as electron, expect, test } from '@playwright/test'
import { mkdtempSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ROOT = join(__dirname, '..', '..', '..')

/** The Electron binary's path, or why there is none (npm cannot download it offline). */
function electronBinary(): { path: string } | { missing: string } {
  try {
    const path = createRequire(join(ROOT, 'package.json'))('electron') as unknown
    return typeof path === 'string' ? { path } : { missing: 'the electron package did not return a binary path' }
  } catch (error) {
    return { missing: (error as Error).message.split('\n')[0]! }
  }
}

const binary = electronBinary()

test('the desktop window opens on the start screen with the hardened preload bridge', async () => {
  test.skip(
    'missing' in binary,
    `No Electron binary on this machine (${'missing' in binary ? binary.missing : ''}); the desktop window is tested where "npm start" can download one.`
  )
  const app = await electron.launch({
    executablePath: (binary as { path: string }).path,
    args: [ROOT],
    env: { ...process.env, HOME: mkdtempSync(join(tmpdir(), 'icp-electron-')) }
  })
  const page = await app.firstWindow()
  await expect(page.getByRole('heading', { name: 'ICP Workbench', level: 1 })).toBeVisible()
  expect(await page.evaluate(() => Object.keys((globalThis as { icp?: object }).icp ?? {}).sort())).toEqual(['invoke', 'on'])
  // No Node in the page: neither require nor process leak through the sandbox.
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined')
  // Navigation away from the app is refused by the main process.
  await page.evaluate(() => {
    ;(globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/'
  })
  await page.waitForTimeout(300)
  expect(page.url()).toMatch(/^file:/)
  await app.close()
})
