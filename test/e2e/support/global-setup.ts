import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

/** Builds the renderer once (only when sources changed) before any browser test runs. */
export default function globalSetup(): void {
  const root = join(__dirname, '..', '..', '..')
  execFileSync(process.execPath, ['-e', "import('./scripts/build-if-stale.mjs').then(m => m.buildIfStale({ quiet: true }))"], {
    cwd: root,
    stdio: 'inherit'
  })
}
