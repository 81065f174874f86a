import { join } from 'node:path'
import type { EventName, Events, MethodInput, MethodName, MethodOutput } from '@shared/contract'
import { createBackend, type Backend } from '../../src-main/backend/create-backend'
import { fileRecentWorkspaces } from '../../src-main/backend/workspace/recent-workspaces'
import { dataDirLocations, nativeLocations } from '../../src-main/backend/workspace/workspace-locations'

export interface TestBackend extends Backend {
  events: Array<{ event: EventName; payload: unknown }>
  /** Calls a method and returns its value, failing the test with the coded error otherwise. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
}

/** A real backend on real files: a data-dir host (browser mode) or a native one (desktop/CLI). */
export function testBackend(dir: string, kind: 'data-dir' | 'native' = 'data-dir'): TestBackend {
  const events: TestBackend['events'] = []
  const backend = createBackend({
    host: kind === 'data-dir' ? 'browser' : 'desktop',
    locations: kind === 'data-dir' ? dataDirLocations(dir) : nativeLocations({ cwd: dir }),
    recents: fileRecentWorkspaces(join(dir, '.recent-workspaces.json')),
    sampleDir: dir,
    emit: <E extends EventName>(event: E, payload: Events[E]) => events.push({ event, payload })
  })
  return {
    ...backend,
    events,
    async call(method, input) {
      const result = await backend.dispatch(method, input)
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`)
      return result.value as never
    }
  }
}
