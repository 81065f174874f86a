import { useId, useState } from 'react'
import type { ColumnProfile, TableKind } from '@shared/domain/dataset'
import type { DatasetSummary } from '@shared/domain/import'
import { useDatasetVersion } from '../../../queries/dataset-queries'
import { isNumericType, KIND_LABELS } from '../data-labels'
import { BandsRuleEditor } from './BandsRuleEditor'
import { CodesRuleEditor } from './CodesRuleEditor'
import { MergeRuleEditor } from './MergeRuleEditor'

type RuleKind = 'merge' | 'us-state' | 'country' | 'bands'

const KINDS: ReadonlyArray<{ kind: RuleKind; label: string }> = [
  { kind: 'merge', label: 'Merge spellings' },
  { kind: 'us-state', label: 'US states' },
  { kind: 'country', label: 'Countries' },
  { kind: 'bands', label: 'Bands' }
]

export interface ColumnChoice {
  kind: TableKind
  profile: ColumnProfile
}

const SEP = '\u0000'

/** A new rule: first the column, then what to do with it. */
export function AddRuleForm({ summary }: { summary: DatasetSummary }) {
  const ids = useId()
  const [choice, setChoice] = useState<string>('')
  const [ruleKind, setRuleKind] = useState<RuleKind>('merge')
  // Suggestions are fetched again after every change, so merges already made drop out of the list.
  const version = useDatasetVersion()
  const [kind, name] = choice.split(SEP) as [TableKind | '', string | undefined]
  const table = summary.tables.find((t) => t.kind === kind)
  const profile = table?.columns.find((c) => c.name === name)
  const numeric = profile ? isNumericType(profile.type) : false

  return (
    <section className="panel add-rule" aria-labelledby={`${ids}-title`}>
      <header className="panel__header">
        <h3 id={`${ids}-title`}>Add rule</h3>
      </header>
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-column`}>
          Column
        </label>
        <select id={`${ids}-column`} className="select" value={choice} onChange={(event) => setChoice(event.target.value)}>
          <option value="">Choose a column…</option>
          {summary.tables.map((t) => (
            <optgroup key={t.kind} label={KIND_LABELS[t.kind]}>
              {t.columns
                .filter((c) => c.role !== 'ignore' && c.name !== '')
                .map((c) => (
                  <option key={c.index} value={`${t.kind}${SEP}${c.name}`}>
                    {c.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      {table && profile ? (
        <>
          <fieldset className="field">
            <legend className="field__label">Rule</legend>
            <div className="segmented segmented--wrap">
              {KINDS.map((k) => (
                <label key={k.kind} className="segmented__option">
                  <input
                    type="radio"
                    name={`${ids}-kind`}
                    checked={ruleKind === k.kind}
                    disabled={k.kind === 'bands' && !numeric}
                    onChange={() => setRuleKind(k.kind)}
                  />
                  <span>{k.label}</span>
                </label>
              ))}
            </div>
            {!numeric ? <span className="field__hint">Bands need a Number or Range column.</span> : null}
          </fieldset>
          {ruleKind === 'merge' ? <MergeRuleEditor key={`${choice}-${version}`} kind={table.kind} profile={profile} /> : null}
          {ruleKind === 'us-state' || ruleKind === 'country' ? (
            <CodesRuleEditor key={`${choice}-${ruleKind}`} rule={ruleKind} column={profile.name} />
          ) : null}
          {ruleKind === 'bands' && numeric ? <BandsRuleEditor key={choice} column={profile.name} /> : null}
        </>
      ) : (
        <p className="field__hint">Rules name the column by its header, so they apply again when next quarter&apos;s export is imported.</p>
      )}
    </section>
  )
}
