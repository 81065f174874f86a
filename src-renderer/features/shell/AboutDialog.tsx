import { ShieldCheck } from 'lucide-react'
import { AppMark } from '../../components/AppMark'
import { Dialog } from '../../components/Dialog'
import { useWorkspaceStore } from '../../stores/workspace-store'

export function AboutDialog({ onClose }: { onClose(): void }) {
  const info = useWorkspaceStore((s) => s.appInfo)
  return (
    <Dialog title="About ICP Workbench" onClose={onClose}>
      <div className="about">
        <AppMark size={56} />
        <div>
          <p className="about__name">ICP Workbench {info?.version}</p>
          <p className="muted">
            Build Ideal Customer Profiles from a client&apos;s own CRM data: discover what separates the best
            customers, score accounts, test thresholds and hand over the deliverable.
          </p>
          <dl className="about__facts">
            <dt>Running as</dt>
            <dd>{info?.host === 'desktop' ? 'Desktop app' : 'Browser mode (served on 127.0.0.1)'}</dd>
            {info?.dataDir ? (
              <>
                <dt>Workspace folder</dt>
                <dd className="mono">{info.dataDir}</dd>
              </>
            ) : null}
          </dl>
          <p className="about__offline">
            <ShieldCheck size={16} aria-hidden /> Works entirely offline. No data leaves this computer.
          </p>
        </div>
      </div>
    </Dialog>
  )
}
