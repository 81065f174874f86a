import { useState } from 'react'
import { Download } from 'lucide-react'
import type { ApiErrorShape } from '@shared/contract'
import { CRM_KINDS, type CrmKind } from '@shared/domain/crm'
import type { ProspectScore } from '@shared/domain/prospects'
import { api } from '../../../api/api'
import { errorShapeOf } from '../../../api/api-client'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Pager } from '../../../components/Pager'
import { downloadFile } from '../../../stores/export-store'
import { UNKNOWN_WORDS } from './prospect-words'

const CRM_NAMES: Readonly<Record<CrmKind, string>> = { hubspot: 'HubSpot', salesforce: 'Salesforce', generic: 'generic CRM' }
const MIME = { csv: 'text/csv', keyed: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const

/** The prioritised call list, best first, with reason codes and what each prospect could not be judged on; exported whole. */
export function CallList({
  scorecardId,
  score,
  pageSize,
  onPage,
  desktop
}: {
  scorecardId: number
  score: ProspectScore
  pageSize: number
  onPage(offset: number): void
  desktop: boolean
}) {
  const [crm, setCrm] = useState<CrmKind>('generic')
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<ApiErrorShape | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const missing = score.market.unmappedAttributes

  async function save(format: 'csv' | 'xlsx' | 'keyed'): Promise<void> {
    setBusy(format)
    setError(null)
    try {
      const file = await api().call('prospects-export', { scorecardId, format, ...(format === 'keyed' ? { crm } : {}) })
      if (desktop) {
        const saved = await api().call('export-save-as', { fileName: file.fileName, bytes: file.bytes as Uint8Array<ArrayBuffer> })
        setNote(saved ? `Saved “${saved.path}”.` : null)
      } else {
        downloadFile(file.fileName, file.bytes, MIME[format])
        setNote(`Downloaded “${file.fileName}”.`)
      }
    } catch (e) {
      setError(errorShapeOf(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <section className="panel pr-calls" aria-labelledby="pr-calls-title">
      <header className="panel__header pr-calls__header">
        <div>
          <h3 id="pr-calls-title">Call list</h3>
          <p className="panel__hint">
            Best first; knocked-out prospects last. &ldquo;Up to&rdquo; is the score if every unknown criterion went their way.
            {missing.length > 0 ? ` Not repeated per row: ${missing.join(', ')}, which no prospect of this list could be judged on.` : ''}
          </p>
        </div>
        <div className="pr-calls__actions">
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={busy !== null}
            onClick={() => void save('csv')}
          >
            <Download size={14} aria-hidden /> CSV
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={busy !== null}
            onClick={() => void save('xlsx')}
          >
            <Download size={14} aria-hidden /> XLSX
          </button>
          <select
            className="input pr-input--small"
            aria-label="CRM of the keyed file"
            value={crm}
            onChange={(e) => setCrm(e.target.value as CrmKind)}
          >
            {CRM_KINDS.map((k) => (
              <option key={k} value={k}>
                {CRM_NAMES[k]}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={busy !== null}
            onClick={() => void save('keyed')}
          >
            <Download size={14} aria-hidden /> Keyed CSV for the CRM
          </button>
        </div>
      </header>
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
      {note && !error ? (
        <div className="notice" role="status">
          <span className="notice__text">{note}</span>
        </div>
      ) : null}
      <table className="values-table pr-calls__table" aria-label="Call list">
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">Company</th>
            <th scope="col" className="num">
              Score
            </th>
            <th scope="col">Tier</th>
            <th scope="col">Why</th>
            <th scope="col">Not judged on</th>
          </tr>
        </thead>
        <tbody>
          {score.rows.map((r) => (
            <tr key={r.row}>
              <td className="num">{r.rank}</td>
              <th scope="row">
                <span className="pr-company">{r.name}</span>
                {r.domain ? <span className="pr-domain">{r.domain}</span> : null}
              </th>
              <td className="num">
                {r.score}
                {r.bestScore > r.score ? <span className="pr-upto">up to {r.bestScore}</span> : null}
              </td>
              <td>{r.tier}</td>
              <td className="pr-reasons">{r.reasons}</td>
              <td className="pr-unknown">
                {r.unknown
                  .filter((u) => u.reason !== 'no-column')
                  .map((u) => `${u.words} (${UNKNOWN_WORDS[u.reason]})`)
                  .join('; ') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager offset={score.offset} total={score.total} pageSize={pageSize} onChange={onPage} />
    </section>
  )
}
