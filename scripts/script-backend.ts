import type { MethodInput, MethodName, MethodOutput } from '@shared/contract'
import { createBackend, type Backend } from '../src-main/backend/create-backend'
import { memoryRecentWorkspaces } from '../src-main/backend/workspace/recent-workspaces'
import { nativeLocations } from '../src-main/backend/workspace/workspace-locations'

export interface ScriptBackend extends Backend {
  /** Calls a method and returns its value; a refusal throws, naming the method and the reason. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
}

/**
 * The app's backend as a script drives it (benchmarks, the sample builder): the CLI host, paths
 * relative to `folder`, recents kept in memory so no script touches the user's list.
 */
export function scriptBackend(folder: string, sampleDir = folder): ScriptBackend {
  const backend = createBackend({
    host: 'cli',
    locations: nativeLocations({ cwd: folder }),
    recents: memoryRecentWorkspaces(),
    sampleDir,
    emit: () => undefined
  })
  return {
    ...backend,
    async call(method, input) {
      const result = await backend.dispatch(method, input)
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
      return result.value as never
    }
  }
}

/**
 * One file imported with every suggestion accepted (replacing a table of its kind), as a user
 * accepting them would; returns the preview. `onInspected` runs between the read and the commit.
 */
export async function importAsSuggested(backend: Pick<ScriptBackend, 'call'>, path: string, onInspected?: () => void) {
  const preview = await backend.call('import-inspect', { source: { kind: 'path', path } })
  onInspected?.()
  await backend.call('import-commit', {
    stagingId: preview.stagingId,
    kind: preview.suggestedKind,
    columns: preview.columns.map((c) => ({ index: c.index, type: c.type, role: c.role, category: c.category, level: c.level })),
    outcomeMapping: preview.outcomeMapping.map((m) => ({ value: m.value, outcome: m.outcome })),
    mode: 'replace'
  })
  return preview
}
