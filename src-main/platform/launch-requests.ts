import { isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { WORKSPACE_EXTENSION } from '@shared/app-info'

/**
 * Pure decisions for files the OS hands the desktop app (unit-tested; index.ts only wires them
 * to Electron's events): a double-clicked .icpw, `icp-workbench file.icpw` in a shell, a second
 * launch while the app is open, or macOS's open-file.
 */

const isWorkspaceName = (name: string): boolean => name.toLowerCase().endsWith(WORKSPACE_EXTENSION)

/**
 * The workspace a command line asks to open, as an absolute path: the first argument naming a
 * .icpw file, given as a path (relative to `cwd`, the launching shell's folder) or as a file://
 * URL (what Linux file managers pass for %U). argv[0] is the executable; Chromium's switches and
 * anything else (the app folder in development) are ignored.
 */
export function workspaceArgument(argv: readonly string[], cwd: string): string | null {
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue
    let path = arg
    if (arg.startsWith('file:')) {
      try {
        path = fileURLToPath(arg)
      } catch {
        continue
      }
    }
    if (isWorkspaceName(path)) return isAbsolute(path) ? path : resolve(cwd, path)
  }
  return null
}

export interface WindowState {
  exists: boolean
  minimized: boolean
}

export interface SecondLaunchPlan {
  /** Un-minimise the window first, or focusing it shows nothing. */
  restore: boolean
  focus: boolean
  /** The workspace to open in the running app, if the second launch named one. */
  open: string | null
}

/** What the running app does when the app is launched again (Electron's 'second-instance'). */
export function planSecondLaunch(argv: readonly string[], cwd: string, window: WindowState): SecondLaunchPlan {
  return { restore: window.exists && window.minimized, focus: window.exists, open: workspaceArgument(argv, cwd) }
}

/**
 * A file asked for before the backend exists (at launch, or macOS's open-file before ready)
 * waits; later ones are opened at once. The newest request wins: one window shows one workspace.
 */
export class PendingOpen {
  private waiting: string | null = null
  private ready = false

  /** Returns the path to open now, or null when it must wait for `takeWhenReady`. */
  request(path: string): string | null {
    if (this.ready) return path
    this.waiting = path
    return null
  }

  /** Marks the app ready and returns what was asked for meanwhile, if anything. */
  takeWhenReady(): string | null {
    this.ready = true
    const path = this.waiting
    this.waiting = null
    return path
  }
}
