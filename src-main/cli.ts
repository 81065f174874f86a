import { runCli } from './cli/run-cli'

// The `icp` command (bin/icp.js loads this file): the same backend, called in-process.
void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  cwd: process.cwd()
}).then((code) => {
  process.exitCode = code
})
