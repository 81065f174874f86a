import { useEffect } from 'react'
import { preloadSections } from './features/sections'
import { AboutDialog } from './features/shell/AboutDialog'
import { AppShell } from './features/shell/AppShell'
import { ShortcutsDialog } from './features/shell/ShortcutsDialog'
import type { ShortcutMode } from './features/shell/shortcuts'
import { useAppCommands } from './features/shell/use-app-commands'
import { NewWorkspaceDialog } from './features/workspace/NewWorkspaceDialog'
import { OpenWorkspaceDialog } from './features/workspace/OpenWorkspaceDialog'
import { StartScreen } from './features/workspace/StartScreen'
import { useUiStore } from './stores/ui-store'
import { useWorkspaceStore } from './stores/workspace-store'

export function App({ mode }: { mode: ShortcutMode }) {
  const booted = useWorkspaceStore((s) => s.appInfo !== null)
  const workspace = useWorkspaceStore((s) => s.workspace)
  const error = useWorkspaceStore((s) => s.error)
  const dialog = useUiStore((s) => s.dialog)
  const closeDialog = useUiStore((s) => s.closeDialog)
  useAppCommands(mode)

  useEffect(() => {
    void useWorkspaceStore.getState().boot()
  }, [])

  // Once the start screen is up, the sections load in the background: opening a workspace then
  // finds them ready, and the start screen never waits on them.
  useEffect(() => {
    if (!booted) return
    const timer = setTimeout(preloadSections, 0)
    return () => clearTimeout(timer)
  }, [booted])

  useEffect(() => {
    document.title = workspace ? `${workspace.name} — ICP Workbench` : 'ICP Workbench'
  }, [workspace])

  if (!booted) {
    return (
      <div className="boot" role="status">
        {error ? `ICP Workbench could not start: ${error.message}` : 'Starting ICP Workbench…'}
      </div>
    )
  }

  return (
    <>
      {workspace ? <AppShell workspace={workspace} mode={mode} /> : <StartScreen mode={mode} />}
      {dialog === 'new-workspace' ? <NewWorkspaceDialog onClose={closeDialog} /> : null}
      {dialog === 'open-workspace' ? <OpenWorkspaceDialog onClose={closeDialog} /> : null}
      {dialog === 'about' ? <AboutDialog onClose={closeDialog} /> : null}
      {dialog === 'shortcuts' ? <ShortcutsDialog mode={mode} onClose={closeDialog} /> : null}
    </>
  )
}
