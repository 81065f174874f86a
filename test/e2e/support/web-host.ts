import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export { ROOT, startHost, type RunningHost } from '../../../scripts/web-host-process'

export function makeDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'icp-e2e-'))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
