import { useEffect, useState } from 'react'
import { Download, PlugZap } from 'lucide-react'
import type { ApiErrorShape } from '@shared/contract'
import { CRM_FIELD_TYPE_NAMES, CRM_FIELD_TYPES, CRM_KINDS, CRM_NAMES, type CrmFieldType, type CrmKind } from '@shared/domain/crm'
import { errorShapeOf } from '../../../api/api-client'
import { callApi, useApiQuery } from '../../../queries/api-queries'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { useExportStore } from '../../../stores/export-store'

const FIELD_HINT: Readonly<Record<CrmKind, string>> = {
  hubspot: 'HubSpot internal property names (Settings › Properties › the property › internal name).',
  salesforce: 'Salesforce field API names on Account; custom fields end in __c.',
  generic: 'Column names in the system that will score accounts.'
}

type Edits = Record<string, { field: string; type: CrmFieldType }>

/**
 * The CRM hand-over: how each attribute the scorecard reads is named in the client's CRM (our
 * proposal until the consultant saves it), the picklist values the rules name, and the pack.
 */
export function CrmHandOver({ scorecardId, desktop }: { scorecardId: number; desktop: boolean }) {
  const [crm, setCrm] = useState<CrmKind>('hubspot')
  const [edits, setEdits] = useState<Edits>({})
  const [error, setError] = useState<ApiErrorShape | null>(null)
  const [saving, setSaving] = useState(false)
  const busy = useExportStore((s) => s.busy)
  const query = useApiQuery('export-crm-mapping-get', { scorecardId, crm })
  const mapping = query.data ?? null

  // Another CRM or scorecard: the edits typed for the last one do not apply.
  useEffect(() => setEdits({}), [scorecardId, crm])
  const shownError = error ?? (query.error ? errorShapeOf(query.error) : null)

  const rows = mapping?.fields.map((f) => ({ ...f, ...edits[f.attribute] })) ?? []
  const dirty = Object.keys(edits).length > 0
  const unconfirmed = rows.filter((r) => r.proposed && !edits[r.attribute]).length

  async function save(): Promise<boolean> {
    setSaving(true)
    setError(null)
    try {
      const fields = rows.map(({ attribute, field, type }) => ({ attribute, field: field.trim(), type }))
      await callApi('export-crm-mapping-save', { scorecardId, crm, fields })
      setEdits({})
      return true
    } catch (e) {
      setError(errorShapeOf(e))
      return false
    } finally {
      setSaving(false)
    }
  }

  async function downloadPack(): Promise<void> {
    if (dirty && !(await save())) return
    await useExportStore.getState().exportFile(`crm-${crm}`, desktop)
  }

  const edit = (attribute: string, change: Partial<{ field: string; type: CrmFieldType }>) => {
    const row = rows.find((r) => r.attribute === attribute)
    if (!row) return
    setEdits((old) => ({ ...old, [attribute]: { field: row.field, type: row.type, ...old[attribute], ...change } }))
  }

  return (
    <details className="crm">
      <summary className="crm__summary">
        <PlugZap size={16} aria-hidden /> CRM hand-over
        <span className="crm__summary-hint">score every account inside HubSpot or Salesforce</span>
      </summary>
      <div className="crm__body">
        <div className="segmented" role="radiogroup" aria-label="CRM">
          {CRM_KINDS.map((kind) => (
            <label key={kind} className="segmented__option">
              <input type="radio" name="crm" value={kind} checked={crm === kind} onChange={() => setCrm(kind)} />
              <span>{CRM_NAMES[kind]}</span>
            </label>
          ))}
        </div>
        {shownError && <ErrorNotice error={shownError} onDismiss={() => setError(null)} />}
        {mapping && rows.length === 0 && <p className="crm__hint">The scorecard has no criteria yet: there is nothing to map.</p>}
        {mapping && rows.length > 0 && (
          <>
            <p className="crm__hint">{FIELD_HINT[crm]} Check every line: the pack reads these names exactly.</p>
            <table className="list-table crm__table">
              <thead>
                <tr>
                  <th scope="col">Attribute</th>
                  <th scope="col">{crm === 'generic' ? 'Column' : `${CRM_NAMES[crm]} field`}</th>
                  <th scope="col">Stored as</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.attribute}>
                    <th scope="row">
                      <bdi>{row.label}</bdi>
                      {row.proposed && !edits[row.attribute] && <span className="crm__proposed">proposed</span>}
                    </th>
                    <td>
                      <input
                        className="input crm__input"
                        aria-label={`${CRM_NAMES[crm]} field for ${row.label}`}
                        value={row.field}
                        spellCheck={false}
                        onChange={(e) => edit(row.attribute, { field: e.target.value })}
                      />
                    </td>
                    <td>
                      <select
                        className="input crm__input"
                        aria-label={`How ${CRM_NAMES[crm]} stores ${row.label}`}
                        value={row.type}
                        onChange={(e) => edit(row.attribute, { type: e.target.value as CrmFieldType })}
                      >
                        {CRM_FIELD_TYPES.map((type) => (
                          <option key={type} value={type}>
                            {CRM_FIELD_TYPE_NAMES[type]}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {mapping.picklistValues.length > 0 && (
              <div className="crm__values">
                <p className="crm__hint">These values must exist in the CRM exactly as spelled (or be mapped there):</p>
                <ul>
                  {mapping.picklistValues.map((p) => (
                    <li key={p.attribute}>
                      <code>{edits[p.attribute]?.field ?? p.field}</code>: {p.values.map((v) => `“${v}”`).join(', ')}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <div className="crm__actions">
              <button type="button" className="button button--secondary" disabled={!dirty && unconfirmed === 0} onClick={() => void save()}>
                {saving ? 'Saving…' : unconfirmed > 0 && !dirty ? 'Confirm the mapping' : 'Save the mapping'}
              </button>
              <button
                type="button"
                className="button button--primary"
                disabled={busy !== null || saving}
                onClick={() => void downloadPack()}
              >
                <Download size={16} aria-hidden />
                {busy === `crm-${crm}`
                  ? 'Preparing…'
                  : `${desktop ? 'Save' : 'Download'} the ${crm === 'generic' ? 'hand-over' : CRM_NAMES[crm]} pack`}
              </button>
            </div>
          </>
        )}
      </div>
    </details>
  )
}
