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
    case 'edit-redo':
      editHistory(command, document.activeElement, workspace.workspace?.currentSection ?? null)
      return
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

/** Whether a focused element keeps its own undo (text being typed), so Undo must not reach the editor. */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true
  // Checkboxes, sliders and buttons have no undo of their own: there Undo means the editor's.
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'range', 'button', 'color'].includes(target.type)
}

/**
 * Undo and redo, whichever way they were asked for: the native menu (edit-undo/edit-redo), the
 * keyboard in the Scorecards section, or the toolbar's buttons. In a text field the field's own
 * history answers; elsewhere in the Scorecards section the editor's.
 */
export function editHistory(command: 'edit-undo' | 'edit-redo', focused: Element | null, section: SectionId | null): void {
  if (!isTextField(focused) && section === 'scorecards') {
    const scorecards = useScorecardStore.getState()
    if (command === 'edit-undo') scorecards.undo()
    else scorecards.redo()
    return
  }
  document.execCommand(command === 'edit-undo' ? 'undo' : 'redo')
}
