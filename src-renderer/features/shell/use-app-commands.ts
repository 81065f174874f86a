import { useEffect } from 'react'
import { api } from '../../api/api'
import { useWorkspaceStore } from '../../stores/workspace-store'
import { runAppCommand } from './app-commands'
import { matchShortcut, type ShortcutMode } from './shortcuts'

export function isMacPlatform(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform)
}

/** Wires shortcuts, native menu commands and backend pushes to the one command path. */
export function useAppCommands(mode: ShortcutMode): void {
  useEffect(() => {
    const isMac = isMacPlatform()
    const onKey = (event: KeyboardEvent): void => {
      if (event.repeat || event.isComposing) return
      const command = matchShortcut(event, mode, isMac)
      if (!command) return
      event.preventDefault()
      void runAppCommand(command)
    }
    window.addEventListener('keydown', onKey)
    const offCommand = api().on('app-command', ({ command, path }) => void runAppCommand(command, path))
    const offChanged = api().on('workspace-changed', (summary) => useWorkspaceStore.getState().workspaceChanged(summary))
    return () => {
      window.removeEventListener('keydown', onKey)
      offCommand()
      offChanged()
    }
  }, [mode])
}
