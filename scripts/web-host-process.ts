/**
 * Starts browser mode (the built `out/main/web.js`) as its own process, as `npm run web` does,
 * for the end-to-end tests and the latency benchmark.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

export const ROOT = join(__dirname, '..')

/** Builds the host and the renderer it serves, only when a source is newer than the last build. */
export function buildRendererIfStale(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-if-stale.mjs'), '--quiet'], { cwd: ROOT, stdio: 'inherit' })
}

export interface RunningHost {
  url: string
  dataDir: string
  /** The host's process id (the soak script watches its memory). */
  pid: number
  stop(): Promise<void>
}

/** Starts the built web host as `npm run web` does, on a free port, and waits for its line. */
export async function startHost(dataDir: string): Promise<RunningHost> {
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'out', 'main', 'web.js'), '--port', '0', '--data', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 20_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8')
      const match = /^ICP Workbench listening on (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => reject(new Error(`web host exited (${code}):\n${output}`)))
  })
  return {
    url,
    dataDir,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
  }
}
