import { Suspense, useEffect } from 'react'
import { Info, Keyboard, LogOut } from 'lucide-react'
import type { WorkspaceSummary } from '@shared/domain/workspace'
import { AppMark } from '../../components/AppMark'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Kbd } from '../../components/Kbd'
import { useWorkspaceStore } from '../../stores/workspace-store'
import { preloadSections, SECTION_DEFINITIONS } from '../sections'
import { runAppCommand } from './app-commands'
import { SectionNav } from './SectionNav'
import { ThemeSwitch } from './ThemeSwitch'
import { displayCombo, shortcutFor, type ShortcutMode } from './shortcuts'
import { isMacPlatform } from './use-app-commands'
import { WorkspaceHeader } from './WorkspaceHeader'

/** The main window once a workspace is open: section navigation beside the current section. */
export function AppShell({ workspace, mode }: { workspace: WorkspaceSummary; mode: ShortcutMode }) {
  const savedAt = useWorkspaceStore((s) => s.savedAt)
  const error = useWorkspaceStore((s) => s.error)
  const { goToSection, renameWorkspace, dismissError } = useWorkspaceStore.getState()
  const section = SECTION_DEFINITIONS.find((s) => s.id === workspace.currentSection) ?? SECTION_DEFINITIONS[0]!
  const Section = section.Component
  useEffect(preloadSections, [])

  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="sidebar__brand">
          <AppMark size={28} />
          <span>ICP Workbench</span>
        </div>
        <SectionNav current={section.id} mode={mode} onSelect={(id) => void goToSection(id)} />
        <div className="sidebar__footer">
          <ThemeSwitch className="theme-switch--sidebar" />
          <button type="button" className="sidebar__action" onClick={() => void runAppCommand('show-shortcuts')}>
            <Keyboard size={16} aria-hidden />
            <span>Keyboard shortcuts</span>
            <Kbd combo={shortcutFor('show-shortcuts', mode)} />
          </button>
          <button type="button" className="sidebar__action" onClick={() => void runAppCommand('show-about')}>
            <Info size={16} aria-hidden />
            <span>About ICP Workbench</span>
          </button>
          <button
            type="button"
            className="sidebar__action"
            title={`Close workspace (${displayCombo(shortcutFor('workspace-close', mode) ?? '', isMacPlatform())})`}
            onClick={() => void runAppCommand('workspace-close')}
          >
            <LogOut size={16} aria-hidden />
            <span>Close workspace</span>
          </button>
        </div>
      </aside>
      <main className="main">
        <WorkspaceHeader workspace={workspace} savedAt={savedAt} onRename={renameWorkspace} />
        {error ? (
          <div className="main__notice">
            <ErrorNotice error={error} onDismiss={dismissError} />
          </div>
        ) : null}
        <div className="main__content">
          <Suspense
            fallback={
              <p className="empty-note" role="status">
                Opening {section.label}…
              </p>
            }
          >
            <Section />
          </Suspense>
        </div>
      </main>
    </div>
  )
}
