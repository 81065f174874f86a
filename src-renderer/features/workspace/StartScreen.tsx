import { FolderOpen, Plus, ShieldCheck, Sparkles } from 'lucide-react'
import { AppMark } from '../../components/AppMark'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Kbd } from '../../components/Kbd'
import { useUiStore } from '../../stores/ui-store'
import { useWorkspaceStore } from '../../stores/workspace-store'
import { runAppCommand } from '../shell/app-commands'
import { shortcutFor, type ShortcutMode } from '../shell/shortcuts'
import { ThemeSwitch } from '../shell/ThemeSwitch'
import { RecentWorkspaceList } from './RecentWorkspaceList'
import { useApiQuery } from '../../queries/api-queries'
import type { RecentWorkspace } from '@shared/domain/workspace'

const NO_RECENTS: RecentWorkspace[] = []

/** What the user sees with no workspace open: start a new engagement or return to one. */
export function StartScreen({ mode }: { mode: ShortcutMode }) {
  const recents = useApiQuery('recent-list', {}).data ?? NO_RECENTS
  const busy = useWorkspaceStore((s) => s.busy)
  const info = useWorkspaceStore((s) => s.appInfo)
  const dialogOpen = useUiStore((s) => s.dialog !== null)
  const error = useWorkspaceStore((s) => s.error)
  const { openWorkspace, openSample, removeRecent, dismissError } = useWorkspaceStore.getState()

  return (
    <div className="start">
      <div className="start__panel">
        <section className="start__intro" aria-labelledby="start-title">
          <AppMark size={56} />
          <h1 id="start-title">ICP Workbench</h1>
          <p className="start__tagline">
            Turn a client&apos;s CRM exports into an Ideal Customer Profile they can trust: the traits that really win deals, a points
            scorecard, thresholds tested on their own history, and a deliverable.
          </p>
          <div className="start__actions">
            <button type="button" className="button button--primary button--large" onClick={() => void runAppCommand('workspace-new')}>
              <Plus size={18} aria-hidden />
              New workspace
              <Kbd combo={shortcutFor('workspace-new', mode)} />
            </button>
            <button type="button" className="button button--secondary button--large" onClick={() => void runAppCommand('workspace-open')}>
              <FolderOpen size={18} aria-hidden />
              Open workspace…
              <Kbd combo={shortcutFor('workspace-open', mode)} />
            </button>
            <button type="button" className="button button--ghost" disabled={busy} onClick={() => void openSample()}>
              <Sparkles size={16} aria-hidden />
              {busy ? 'Opening…' : 'Open the sample workspace'}
              <span className="button__hint">a generated B2B SaaS client · 2,000 accounts</span>
            </button>
          </div>
          {error && !dialogOpen ? <ErrorNotice error={error} onDismiss={dismissError} /> : null}
        </section>
        <section className="start__recents" aria-labelledby="recent-title">
          <h2 id="recent-title">Recent workspaces</h2>
          <RecentWorkspaceList
            recents={recents}
            busy={busy}
            onOpen={(path) => void openWorkspace(path)}
            onRemove={(path) => void removeRecent(path)}
          />
        </section>
      </div>
      <footer className="start__footer">
        <span>
          <ShieldCheck size={14} aria-hidden /> Works offline — client data never leaves this computer.
        </span>
        <ThemeSwitch className="theme-switch--start" />
        <button type="button" className="start__about" onClick={() => void runAppCommand('show-about')}>
          About · Version {info?.version}
          {info?.host === 'browser' ? ' · Browser mode' : ''}
        </button>
      </footer>
    </div>
  )
}
