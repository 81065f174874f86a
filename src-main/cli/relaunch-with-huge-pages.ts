import { spawn, type ChildProcess } from 'node:child_process'
import { withHugePages } from '../backend/huge-pages'

/** Words that answer at once from text: no data moves, so no second process is worth starting. */
const QUICK = new Set(['--help', '-h', 'help', '--version', '-V'])

/**
 * Whether this `icp` run should start again as a child that asks glibc for huge pages (see
 * huge-pages.ts): a command on Linux whose environment does not already decide. glibc reads
 * its tunables only when a process starts, and a data command spends more in page faults on
 * its large blocks (0.7 s of a 1M-row import, 0.4 s of `icp discover` on its workspace) than
 * starting Node again costs (0.1 s).
 */
export function wantsHugePagesRelaunch(argv: readonly string[], env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  if (platform !== 'linux') return false
  if (argv.length === 0 || QUICK.has(argv[0]!) || argv.includes('--help')) return false
  return withHugePages(env['GLIBC_TUNABLES']) !== env['GLIBC_TUNABLES']
}

/** How the relaunched run ended: its exit code, or the signal that ended it. */
export interface RelaunchEnd {
  code: number | null
  signal: NodeJS.Signals | null
}

/**
 * Runs `script` (this CLI's entry) again with the same arguments, folder and streams, and
 * resolves with how it ended. The child then decides nothing more: its
 * environment already names the huge pages. A signal to this process (Ctrl-C, a supervisor's
 * SIGTERM) is passed on, and this one waits for the child to end rather than ending first, so the
 * shell prompt never returns while the command is still writing. The handlers are in place
 * before the child exists: a signal that came while it was being started would otherwise end
 * this process alone and leave the child running.
 */
export function relaunchWithHugePages(argv: readonly string[], script: string): Promise<RelaunchEnd> {
  const env = { ...process.env, GLIBC_TUNABLES: withHugePages(process.env['GLIBC_TUNABLES']) }
  let child: ChildProcess | null = null
  // Signal handlers run from the event loop, so none runs before spawn() has returned the child.
  const forward = (signal: NodeJS.Signals): void => {
    child?.kill(signal)
  }
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']
  for (const signal of signals) process.on(signal, forward)
  const started = spawn(process.execPath, [...process.execArgv, script, ...argv], { stdio: 'inherit', env })
  child = started
  return new Promise((resolve, reject) => {
    started.once('error', (error) => {
      for (const s of signals) process.off(s, forward)
      reject(error)
    })
    started.once('exit', (code, signal) => {
      for (const s of signals) process.off(s, forward)
      resolve({ code, signal })
    })
  })
}
