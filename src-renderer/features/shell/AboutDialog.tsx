import { ShieldCheck } from 'lucide-react'
import { AppMark } from '../../components/AppMark'
import { Dialog } from '../../components/Dialog'
import { useWorkspaceStore } from '../../stores/workspace-store'
// Generated from package-lock.json and node_modules by scripts/bundled-components.mjs (a unit
// test keeps it current); bundled into the renderer, so the dialog needs nothing at run time.
import bundled from '../../../resources/bundled-components.json'

interface BundledComponent {
  name: string
  version: string
  license: string
  note?: string
}

const COMPONENTS: readonly BundledComponent[] = bundled.components

export function AboutDialog({ onClose }: { onClose(): void }) {
  const info = useWorkspaceStore((s) => s.appInfo)
  return (
    <Dialog title="About ICP Workbench" onClose={onClose}>
      <div className="about">
        <AppMark size={56} />
        <div>
          <p className="about__name">ICP Workbench {info?.version ?? bundled.app.version}</p>
          <p className="muted">
            Build Ideal Customer Profiles from a client&apos;s own CRM data: discover what separates the best customers, score accounts,
            test thresholds and hand over the deliverable.
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
            <ShieldCheck size={16} aria-hidden /> This app makes no network connections. No data leaves this computer.
          </p>
          <details className="about__components">
            <summary>Bundled components ({COMPONENTS.length}) — versions and licences</summary>
            <div className="about__components-scroll">
              <table className="about__components-table" aria-label="Bundled components">
                <thead>
                  <tr>
                    <th scope="col">Component</th>
                    <th scope="col">Version</th>
                    <th scope="col">Licence</th>
                  </tr>
                </thead>
                <tbody>
                  {COMPONENTS.map((c) => (
                    <tr key={`${c.name}@${c.version}`}>
                      <th scope="row">
                        {c.name}
                        {c.note ? <span className="muted"> — {c.note}</span> : null}
                      </th>
                      <td className="mono">{c.version}</td>
                      <td>{c.license}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </div>
      </div>
    </Dialog>
  )
}
