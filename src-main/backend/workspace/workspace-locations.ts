import { readdirSync, statSync } from 'node:fs'
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path'
import { WORKSPACE_EXTENSION } from '@shared/app-info'
import type { WorkspaceFileEntry, WorkspaceLocationKind } from '@shared/domain/workspace'
import { AppError } from '../app-error'

export type ChoosePurpose = 'create' | 'open'

/** A native file dialog, provided by the desktop host. */
export type FileChooser = (purpose: ChoosePurpose, suggestedName: string | undefined) => Promise<string | null>

/** Where workspace files may be, and how the user picks one. */
export interface WorkspaceLocations {
  kind: WorkspaceLocationKind
  dataDir: string | null
  /** Turns what the user gave into an absolute file path, or refuses it with a clear error. */
  resolve(path: string, purpose: ChoosePurpose): string
  /** The workspace files the user can pick from (data-dir mode only). */
  list(): WorkspaceFileEntry[]
  choose(purpose: ChoosePurpose, suggestedName: string | undefined): Promise<string | null>
}

function isPlainFileName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 200 &&
    name === basename(name) &&
    !name.startsWith('.') &&
    // eslint-disable-next-line no-control-regex -- control characters are exactly what file names must not contain
    !/[\u0000-\u001f<>:"/|?*\\]/.test(name)
  )
}

function withExtension(path: string): string {
  return extname(path).toLowerCase() === WORKSPACE_EXTENSION ? path : `${path}${WORKSPACE_EXTENSION}`
}

/** Desktop and CLI: any path the user can reach; relative paths are taken from `cwd`. */
export function nativeLocations(options: { cwd?: string; chooser?: FileChooser } = {}): WorkspaceLocations {
  const cwd = options.cwd ?? process.cwd()
  return {
    kind: 'native',
    dataDir: null,
    resolve(path, purpose) {
      const absolute = resolve(cwd, path)
      return purpose === 'create' ? withExtension(absolute) : absolute
    },
    list() {
      throw new AppError('NOT_SUPPORTED', 'Listing workspace files is only available in browser mode.')
    },
    async choose(purpose, suggestedName) {
      if (!options.chooser) {
        throw new AppError('NOT_SUPPORTED', 'This host has no file dialog; pass a file path instead.')
      }
      const chosen = await options.chooser(purpose, suggestedName)
      return chosen === null ? null : this.resolve(chosen, purpose)
    }
  }
}

/**
 * Browser mode: a page cannot see native paths, so workspaces live in one folder and are named
 * by file name alone. Anything that could step outside the folder is refused.
 */
export function dataDirLocations(dataDir: string): WorkspaceLocations {
  const root = resolve(dataDir)
  return {
    kind: 'data-dir',
    dataDir: root,
    resolve(path, purpose) {
      // An absolute path is accepted only when it names a file directly inside the folder
      // (recent-workspace entries carry absolute paths).
      const fileName = isAbsolute(path) ? (dirname(resolve(path)) === root ? basename(path) : null) : path
      if (fileName === null || !isPlainFileName(fileName)) {
        throw new AppError(
          'BAD_INPUT',
          `"${path}" is not a workspace file name in the workspace folder: use a plain name such as "Acme Q3${WORKSPACE_EXTENSION}" (no folders).`,
          { path }
        )
      }
      const absolute = join(root, fileName)
      return purpose === 'create' ? withExtension(absolute) : absolute
    },
    list() {
      let names: string[]
      try {
        names = readdirSync(root)
      } catch {
        return []
      }
      const entries: WorkspaceFileEntry[] = []
      for (const fileName of names) {
        if (extname(fileName).toLowerCase() !== WORKSPACE_EXTENSION || fileName.startsWith('.')) continue
        const path = join(root, fileName)
        try {
          const stats = statSync(path)
          if (!stats.isFile()) continue
          entries.push({ path, fileName, sizeBytes: stats.size, modifiedAt: stats.mtime.toISOString() })
        } catch {
          // Vanished between listing and stat: not worth reporting.
        }
      }
      return entries.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt))
    },
    async choose() {
      throw new AppError('NOT_SUPPORTED', 'Browser mode has no native file dialog; pick a workspace from the list.')
    }
  }
}
