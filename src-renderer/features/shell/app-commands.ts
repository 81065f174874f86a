import type { AppCommand } from '@shared/contract'
import type { SectionId } from '@shared/domain/workspace'
import { useScorecardStore } from '../../stores/scorecard-store'
import { useUiStore } from '../../stores/ui-store'
import { useWorkspaceStore } from '../../stores/workspace-store'
import type { ThemePreference } from '../../theme/theme'

const THEME_COMMANDS: Partial<Record<AppCommand, ThemePreference>> = {
  'theme-system': 'system',
  'theme-light': 'light',
  'theme-dark': 'dark'
}

const SECTION_COMMANDS: Partial<Record<AppCommand, SectionId>> = {
  'section-data': 'data',
  'section-discover': 'discover',
  'section-scorecards': 'scorecards',
  'section-simulate': 'simulate',
  'section-export': 'export'
}

/** Opens a workspace the way the host allows: a native dialog, or the in-app folder list. */
export async function openWorkspaceInteractively(): Promise<void> {
  const store = useWorkspaceStore.getState()
  if (store.appInfo?.locations === 'data-dir') {
    useUiStore.getState().openDialog('open-workspace')
    return
  }
  const path = await store.chooseFile('open')
  if (path) await store.openWorkspace(path)
}

/**
 * The single path every command takes, whether it came from a shortcut, a native menu item or
 * a button, so they can never behave differently.
 */
export async function runAppCommand(command: AppCommand, path?: string): Promise<void> {
  const workspace = useWorkspaceStore.getState()
  const ui = useUiStore.getState()
  const theme = THEME_COMMANDS[command]
  if (theme) {
    ui.setTheme(theme)
    return
  }
  const section = SECTION_COMMANDS[command]
  if (section) {
    if (workspace.workspace) await workspace.goToSection(section)
    return
  }
  switch (command) {
    case 'workspace-new':
      ui.openDialog('new-workspace')
      return
    case 'workspace-open':
      await openWorkspaceInteractively()
      return
    case 'workspace-open-path':
      if (path) await workspace.openWorkspace(path)
      return
    case 'workspace-close':
      ui.closeDialog()
      if (workspace.workspace) await workspace.closeWorkspace()
      return
    case 'edit-undo':
    case 'edit-redo': {
      // A text field keeps its own undo history; elsewhere in the Scorecards section the
      // editor's history is what Undo means (the menu item and the shortcut share this path).
      const active = document.activeElement
      const editing = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || (active instanceof HTMLElement && active.isContentEditable)
      if (!editing && workspace.workspace?.currentSection === 'scorecards') {
        const scorecards = useScorecardStore.getState()
        if (command === 'edit-undo') scorecards.undo()
        else scorecards.redo()
        return
      }
      document.execCommand(command === 'edit-undo' ? 'undo' : 'redo')
      return
    }
    case 'show-about':
      ui.openDialog('about')
      return
    case 'show-shortcuts':
      ui.openDialog('shortcuts')
      return
    default:
      return
  }
}
