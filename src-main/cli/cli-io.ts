/** Where a CLI run writes and which folder relative paths start from; tests pass their own. */
export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  cwd: string
}

/** Exit codes every `icp` command keeps. */
export const EXIT_OK = 0
export const EXIT_INTERNAL = 1
export const EXIT_BAD_INPUT = 2

/** A user mistake on the command line: one line on stderr, exit 2. */
export class UsageError extends Error {}
