import { z } from 'zod'
import type {
  AppInfo,
  RecentWorkspace,
  WorkspaceFileEntry,
  WorkspaceSummary
} from '../domain/workspace'
import { SECTIONS } from '../domain/workspace'

/**
 * Declares one backend method: the zod schema validates its single object argument at the
 * boundary; the output type rides along as a phantom so the client and the handler table are
 * both derived from this one declaration. Curried so the schema's type is inferred.
 */
function method<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({
    input,
    output: undefined as unknown as Output
  })
}

const noInput = z.object({}).strict()

const workspaceName = z
  .string()
  .trim()
  .min(1, 'A workspace needs a name.')
  .max(120, 'A workspace name can be at most 120 characters.')

const filePath = z.string().trim().min(1, 'A file path is required.').max(4096)

export const methods = {
  'app-info': method<AppInfo>()(noInput),

  /** Creates a new workspace file at `path` and opens it. */
  'workspace-create': method<WorkspaceSummary>()(
    z.object({ name: workspaceName, path: filePath }).strict()
  ),
  'workspace-open': method<WorkspaceSummary>()(z.object({ path: filePath }).strict()),
  /** Reads a workspace file's summary without opening it for editing (writes nothing). */
  'workspace-inspect': method<WorkspaceSummary>()(z.object({ path: filePath }).strict()),
  'workspace-close': method<null>()(noInput),
  'workspace-current': method<WorkspaceSummary | null>()(noInput),
  'workspace-rename': method<WorkspaceSummary>()(z.object({ name: workspaceName }).strict()),
  /** Remembers the section the user is in, so a reopened workspace comes back to it. */
  'workspace-set-section': method<WorkspaceSummary>()(
    z.object({ section: z.enum(SECTIONS) }).strict()
  ),
  /** Browser mode: the workspace files in the host's data folder. */
  'workspace-files': method<WorkspaceFileEntry[]>()(noInput),
  /** Desktop: a native file dialog; `path` is null when the user cancels. */
  'workspace-choose-file': method<{ path: string | null }>()(
    z
      .object({
        purpose: z.enum(['create', 'open']),
        suggestedName: z.string().max(200).optional()
      })
      .strict()
  ),

  'recent-list': method<RecentWorkspace[]>()(noInput),
  'recent-remove': method<RecentWorkspace[]>()(z.object({ path: filePath }).strict())
} as const

export type Methods = typeof methods
export type MethodName = keyof Methods
/** What a caller passes (before zod trims and defaults). */
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>
/** What a handler receives (after validation). */
export type ValidInput<M extends MethodName> = z.output<Methods[M]['input']>
export type MethodOutput<M extends MethodName> = Methods[M]['output']

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name)
}
