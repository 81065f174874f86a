import { fileSizeFrom, relaunchWithHugePages, wantsHugePagesRelaunch } from './cli/relaunch-with-huge-pages'

// The `icp` command (bin/icp.js loads this file): the same backend, called in-process.
const argv = process.argv.slice(2)

async function main(): Promise<number> {
  if (wantsHugePagesRelaunch(argv, process.env, process.platform, fileSizeFrom(process.cwd()))) {
    try {
      const { code, signal } = await relaunchWithHugePages(argv, __filename)
      // The child's death by a signal is this run's too, as a shell reports it.
      if (signal !== null) process.kill(process.pid, signal)
      return code ?? 1
    } catch {
      // No second process (out of processes, a sandbox): the command still runs, only slower.
    }
  }
  const { runCli } = await import('./cli/run-cli')
  return runCli(argv, {
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
    cwd: process.cwd()
  })
}

void main().then((code) => {
  process.exitCode = code
})
