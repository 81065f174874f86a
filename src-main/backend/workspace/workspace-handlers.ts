import type { WorkspaceSummary } from '@shared/domain/workspace'
import type { BackendContext } from '../backend-context'
import type { Handlers } from '../dispatch'
import { openWorkspaceReadOnly } from '../store/workspace-file'
import { summarize } from './workspace-session'
import { openSampleWorkspace } from '../sample/sample-workspace'

type WorkspaceMethods =
  | 'workspace-create'
  | 'workspace-open'
  | 'workspace-inspect'
  | 'workspace-open-sample'
  | 'workspace-close'
  | 'workspace-current'
  | 'workspace-rename'
  | 'workspace-set-section'
  | 'workspace-files'
  | 'workspace-choose-file'
  | 'recent-list'
  | 'recent-remove'

/**
 * Tells the renderer and remembers the workspace in the recent list. Files staged for import
 * belong to the workspace they were read for, so a switch forgets them.
 */
function announce(ctx: BackendContext, summary: WorkspaceSummary, switched = true): WorkspaceSummary {
  if (switched) ctx.staging.clear()
  ctx.recents.remember(summary.path, summary.name)
  ctx.emit('workspace-changed', summary)
  return summary
}

export const workspaceHandlers: Pick<Handlers, WorkspaceMethods> = {
  'workspace-create': ({ name, path }, ctx) => announce(ctx, ctx.session.create(ctx.locations.resolve(path, 'create'), name)),

  'workspace-open': ({ path }, ctx) => announce(ctx, ctx.session.open(ctx.locations.resolve(path, 'open'))),

  'workspace-inspect': ({ path }, ctx) => {
    const file = ctx.locations.resolve(path, 'open')
    const db = openWorkspaceReadOnly(file, { nativeBinding: ctx.sqliteNativeBinding })
    try {
      return summarize(db, file)
    } finally {
      db.close()
    }
  },

  'workspace-open-sample': (_input, ctx) => announce(ctx, openSampleWorkspace(ctx, ctx.sampleDir)),

  'workspace-close': (_input, ctx) => {
    if (ctx.session.isOpen) {
      ctx.staging.clear()
      ctx.session.close()
      ctx.emit('workspace-changed', null)
    }
    return null
  },

  'workspace-current': (_input, ctx) => (ctx.session.isOpen ? ctx.session.summary() : null),

  'workspace-rename': ({ name }, ctx) => announce(ctx, ctx.session.rename(name), false),

  'workspace-set-section': ({ section }, ctx) => ctx.session.setSection(section),

  'workspace-files': (_input, ctx) => ctx.locations.list(),

  'workspace-choose-file': async ({ purpose, suggestedName }, ctx) => ({
    path: await ctx.locations.choose(purpose, suggestedName)
  }),

  'recent-list': (_input, ctx) => ctx.recents.list(),

  'recent-remove': ({ path }, ctx) => {
    ctx.recents.forget(path)
    return ctx.recents.list()
  }
}
