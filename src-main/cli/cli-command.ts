import type { MethodInput, MethodName, MethodOutput } from '@shared/contract'

export interface CliRun {
  positionals: string[]
  /** The folder relative paths (such as --out) are taken from. */
  cwd: string
  options: Record<string, string | boolean | string[] | undefined>
  /** Calls a backend method in-process; a failure ends the command with its coded error. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
  /** Prints `value` as JSON under --json, otherwise the human text. */
  print(value: unknown, human: () => string): void
}

/** One `icp` sub-command, e.g. `icp workspace info`. */
export interface CliCommand {
  words: readonly string[]
  usage: string
  summary: string
  options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>
  /** Names of required positional arguments, in order. */
  positionals: readonly string[]
  /** Reads a file: its reading process is started before the backend loads (reader-process.ts). */
  readsFile?: true
  run(run: CliRun): Promise<void>
}
