import { useState } from 'react'
import { ArrowRight, CheckCircle2, CircleAlert } from 'lucide-react'
import type { ApiErrorShape } from '@shared/contract'
import { PROSPECT_SOURCE_NAMES, type AttributeChoice, type AttributeMapping, type ProspectListSummary } from '@shared/domain/prospects'
import { errorShapeOf } from '../../../api/api-client'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { callApi, useApiQuery } from '../../../queries/api-queries'
import { AttributeMappingRow } from './AttributeMappingRow'
import { count } from './prospect-words'

/** The choice saved for an attribute: its column and how it is read, with every value decided as shown. */
export function choiceOf(mapping: AttributeMapping, change: Partial<AttributeChoice> = {}): AttributeChoice {
  return {
    attribute: mapping.attribute,
    column: mapping.column,
    part: mapping.part,
    via: mapping.via,
    unitFactor: mapping.unitFactor,
    values: mapping.values.filter((v) => v.decided).map((v) => ({ prospect: v.prospect, mapped: v.mapped })),
    ...change
  }
}

/**
 * Step 1: each scorecard attribute matched to a list column, and each list value to a workspace
 * value, as proposed; what did not map is shown first. Every change is saved at once, for the
 * next list from the same tool.
 */
export function MappingStep({ scorecardId, summary, onDone }: { scorecardId: number; summary: ProspectListSummary; onDone(): void }) {
  const mappingQuery = useApiQuery('prospects-mapping-get', { scorecardId })
  const [error, setError] = useState<ApiErrorShape | null>(null)
  const [saving, setSaving] = useState<string | null>(null)
  const mapping = mappingQuery.data ?? null

  async function save(choice: AttributeChoice): Promise<void> {
    setSaving(choice.attribute)
    setError(null)
    try {
      await callApi('prospects-mapping-save', { scorecardId, attributes: [choice] })
    } catch (e) {
      setError(errorShapeOf(e))
    } finally {
      setSaving(null)
    }
  }

  async function acceptAll(): Promise<void> {
    if (!mapping) return
    setSaving('*')
    setError(null)
    try {
      // Accepting the proposal records every value as decided, so the next list keeps it as it is now.
      const attributes = mapping.attributes.map((m) =>
        choiceOf(m, { values: m.values.map((v) => ({ prospect: v.prospect, mapped: v.mapped })) })
      )
      await callApi('prospects-mapping-save', { scorecardId, attributes })
      onDone()
    } catch (e) {
      setError(errorShapeOf(e))
    } finally {
      setSaving(null)
    }
  }

  if (mappingQuery.error) return <ErrorNotice error={errorShapeOf(mappingQuery.error)} />
  if (!mapping) return <p className="muted">Proposing a mapping…</p>
  const missing = mapping.attributes.filter((m) => m.column === null)
  const unmappedValues = mapping.attributes.reduce((sum, m) => sum + m.values.filter((v) => v.mapped === null).length, 0)
  const tool = PROSPECT_SOURCE_NAMES[mapping.source]
  return (
    <section className="panel pr-mapping" aria-labelledby="pr-mapping-title">
      <header className="panel__header">
        <h3 id="pr-mapping-title">How the list answers the scorecard</h3>
        <p className="panel__hint">
          Each attribute the scorecard scores, read from a column of {summary.fileName}; picklist values matched to the workspace&apos;s
          own. Changes are saved at once and reused for the next {tool} list.
        </p>
      </header>
      {missing.length > 0 || unmappedValues > 0 ? (
        <div className="notice notice--warning" role="note">
          <CircleAlert className="notice__icon" size={18} aria-hidden />
          <div className="notice__text">
            {missing.length > 0 ? (
              <span>
                <strong>Not in this list: {missing.map((m) => m.label).join(', ')}.</strong> Every prospect is scored as unknown on{' '}
                {missing.length === 1 ? 'it' : 'them'} — never as &ldquo;no&rdquo; — and the market says how many could pass if it were
                known.
              </span>
            ) : null}
            {unmappedValues > 0 ? (
              <span>
                {count(unmappedValues)} list value{unmappedValues === 1 ? '' : 's'} did not map to a workspace value; prospects with them
                are unknown on that attribute until you map them below.
              </span>
            ) : null}
          </div>
        </div>
      ) : (
        <div className="notice notice--success" role="status">
          <CheckCircle2 className="notice__icon" size={18} aria-hidden />
          <span className="notice__text">Every attribute and every value maps.</span>
        </div>
      )}
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
      <table className="values-table pr-map-table" aria-label="Attribute mapping">
        <thead>
          <tr>
            <th scope="col">Scorecard attribute</th>
            <th scope="col">List column</th>
            <th scope="col">Read as</th>
            <th scope="col">What maps</th>
            <th scope="col">
              <span className="visually-hidden">Values</span>
            </th>
          </tr>
        </thead>
        {mapping.attributes.map((m) => (
          <AttributeMappingRow
            key={m.attribute}
            mapping={m}
            columns={summary.columns}
            saving={saving === m.attribute || saving === '*'}
            onChange={(choice) => void save(choice)}
          />
        ))}
      </table>
      <div className="pr-mapping__actions">
        <button type="button" className="button button--primary" disabled={saving !== null} onClick={() => void acceptAll()}>
          Use this mapping
          <ArrowRight size={16} aria-hidden />
        </button>
      </div>
    </section>
  )
}
