import { parseArgs } from 'node:util'
import { APP_NAME, APP_VERSION } from '@shared/app-info'
import type { MethodName } from '@shared/contract'
// Not the contract's index: that loads every method's zod schema, which --version does not need.
import { isUserError, type ApiErrorShape } from '@shared/contract/errors'
import type { CliCommand, CliRun } from './cli-command'
import { AppError } from '../backend/app-error'
import { startSpareReader } from '../backend/import/reader-process'
import { EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, UsageError, type CliIo } from './cli-io'
import { HELP_WIDTH, wrapUsage, wrapWords } from './format'
import { discoverCommand, scorecardSuggestCommand } from './discover-commands'
import { exportCommand } from './export-command'
import { importCommand } from './import-command'
import { prospectsImportCommand, prospectsScoreCommand } from './prospects-commands'
import { reviewCommand } from './review-command'
import { benchCommand, scoreCommand, simulateCommand } from './simulate-commands'
import { scorecardExport, scorecardImport, scorecardList } from './scorecard-commands'
import { workspaceCreate, workspaceInfo } from './workspace-commands'

/** Every `icp` sub-command; later features append theirs. */
export const COMMANDS: readonly CliCommand[] = [
  workspaceCreate,
  workspaceInfo,
  importCommand,
  discoverCommand,
  scorecardSuggestCommand,
  simulateCommand,
  reviewCommand,
  scoreCommand,
  benchCommand,
  scorecardImport,
  scorecardExport,
  scorecardList,
  exportCommand,
  prospectsImportCommand,
  prospectsScoreCommand
]

class CallFailed extends Error {
  constructor(readonly error: ApiErrorShape) {
    super(error.message)
  }
}

export function helpText(): string {
  return [
    `icp — ${APP_NAME} ${APP_VERSION} from the command line`,
    '',
    'Usage:',
    '  icp --version [--json]',
    '  icp --help',
    '  icp COMMAND --help',
    '',
    'Commands:',
    ...COMMANDS.flatMap((c) => [wrapUsage(c.usage, HELP_WIDTH, '        ', '  '), wrapWords(c.summary, HELP_WIDTH, '      ')]),
    '',
    wrapWords('Every command accepts --json. Exit codes: 0 success, 2 bad input, 1 internal error.', HELP_WIDTH, '')
  ].join('\n')
}

/** One command's `--help`: its usage, wrapped, and what it does. */
export function commandHelp(command: CliCommand): string {
  return `${wrapUsage(command.usage, HELP_WIDTH, '         ', 'Usage: ')}\n\n${wrapWords(command.summary, HELP_WIDTH, '')}`
}

/** Runs one `icp` invocation and returns its exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first] = argv
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout(helpText())
    return EXIT_OK
  }
  if (first === '--version' || first === '-V') {
    io.stdout(argv.includes('--json') ? JSON.stringify({ name: APP_NAME, version: APP_VERSION }) : APP_VERSION)
    return EXIT_OK
  }
  const command = COMMANDS.find((c) => c.words.every((word, i) => argv[i] === word))
  if (!command) {
    io.stderr(`icp: unknown command "${argv.slice(0, 2).join(' ')}". Run "icp --help" for the list.`)
    return EXIT_BAD_INPUT
  }
  // The reader starts while the backend loads; it waits for its file (reader-process.ts).
  if (command.readsFile === true && !argv.includes('--help')) startSpareReader()
  // Loaded only for a command: SQLite and the spreadsheet libraries take most of a second to
  // load, and `icp --version` or a mistyped command should answer at once.
  const [{ createBackend }, { memoryRecentWorkspaces }, { nativeLocations }] = await Promise.all([
    import('../backend/create-backend'),
    import('../backend/workspace/recent-workspaces'),
    import('../backend/workspace/workspace-locations')
  ])
  const backend = createBackend({
    host: 'cli',
    locations: nativeLocations({ cwd: io.cwd }),
    recents: memoryRecentWorkspaces(),
    sampleDir: io.cwd,
    emit: () => undefined
  })
  try {
    const { values, positionals } = parseCommandArgs(command, argv.slice(command.words.length))
    if (values['help'] === true) {
      io.stdout(commandHelp(command))
      return EXIT_OK
    }
    const json = values['json'] === true
    const run: CliRun = {
      positionals,
      cwd: io.cwd,
      options: values,
      async call<M extends MethodName>(method: M, input: unknown) {
        const result = await backend.dispatch(method, input)
        if (!result.ok) throw new CallFailed(result.error)
        return result.value as never
      },
      print(value, human) {
        io.stdout(json ? JSON.stringify(value, null, 2) : human())
      }
    }
    await command.run(run)
    return EXIT_OK
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`icp: ${error.message} Usage: ${command.usage}`)
      return EXIT_BAD_INPUT
    }
    if (error instanceof CallFailed) {
      io.stderr(`icp: ${error.error.message}`)
      return isUserError(error.error.code) ? EXIT_BAD_INPUT : EXIT_INTERNAL
    }
    // A command's own coded error (writing an output file): the same as a backend's.
    if (error instanceof AppError) {
      io.stderr(`icp: ${error.message}`)
      return isUserError(error.code) ? EXIT_BAD_INPUT : EXIT_INTERNAL
    }
    io.stderr(`icp: internal error: ${error instanceof Error ? error.message : String(error)}`)
    return EXIT_INTERNAL
  } finally {
    backend.close()
  }
}

function parseCommandArgs(command: CliCommand, args: readonly string[]) {
  let parsed
  try {
    parsed = parseArgs({
      args: [...args],
      options: { ...command.options, json: { type: 'boolean' }, help: { type: 'boolean' } },
      allowPositionals: true,
      strict: true
    })
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}.`)
  }
  if (parsed.values.help !== true && parsed.positionals.length !== command.positionals.length) {
    throw new UsageError(
      parsed.positionals.length < command.positionals.length
        ? `Missing ${command.positionals.slice(parsed.positionals.length).join(' ')}.`
        : `Unexpected argument "${parsed.positionals[command.positionals.length]}".`
    )
  }
  return { values: parsed.values as Record<string, string | boolean | string[] | undefined>, positionals: parsed.positionals }
}
