import { spawn, type ChildProcess } from 'node:child_process'
import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import { withHugePages } from '../backend/huge-pages'

/** Words that answer at once from text: no data moves, so no second process is worth starting. */
const QUICK = new Set(['--help', '-h', 'help', '--version', '-V'])

/**
 * The size of file a command must name for the second process to pay. A fault costs about 10 us
 * per 4 KB page in a virtual machine, 2.5 ms per MB a command moves through fresh blocks, and
 * starting Node again about 0.1 s: measured, a 134 MB CSV's import gained 0.7 s and the discover
 * of its 93 MB workspace 0.4 s, while a 16 MB workbook's import gained about the 0.1 s it cost.
 */
export const HUGE_PAGES_FROM_BYTES = 32 * 1048576

/**
 * Whether this `icp` run should start again as a child that asks glibc for huge pages (see
 * huge-pages.ts): on Linux, when its environment does not already decide and it names a file
 * (the workspace, the file to import) of HUGE_PAGES_FROM_BYTES or more. glibc reads its tunables
 * only when a process starts. `sizeOf` gives a named file's size, or null for anything else.
 */
export function wantsHugePagesRelaunch(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  sizeOf: (argument: string) => number | null
): boolean {
  if (platform !== 'linux') return false
  if (argv.length === 0 || QUICK.has(argv[0]!) || argv.includes('--help')) return false
  if (withHugePages(env['GLIBC_TUNABLES']) === env['GLIBC_TUNABLES']) return false
  return argv.some((argument) => !argument.startsWith('-') && (sizeOf(argument) ?? 0) >= HUGE_PAGES_FROM_BYTES)
}

/** The size of the regular file `argument` names from `cwd`, or null (no such file, or not a file). */
export function fileSizeFrom(cwd: string): (argument: string) => number | null {
  return (argument) => {
    try {
      const stats = statSync(resolve(cwd, argument), { throwIfNoEntry: false })
      return stats?.isFile() === true ? stats.size : null
    } catch {
      return null
    }
  }
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
