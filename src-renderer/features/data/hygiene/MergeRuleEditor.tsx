import { useEffect, useState } from 'react'
import { ArrowRight } from 'lucide-react'
import type { ApiErrorShape } from '@shared/contract'
import type { ColumnProfile, TableKind } from '@shared/domain/dataset'
import type { HygieneRule } from '@shared/domain/data-views'
import { errorShapeOf } from '../../../api/api-client'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { useDataStore } from '../../../stores/data-store'
import { formatCount, plural } from '../data-format'
import { ManualMerge } from './ManualMerge'

interface Group {
  to: string
  from: Array<{ value: string; count: number }>
  selected: boolean
}

/** Spellings of one value found in the column ("SaaS", "saas", "Software as a Service"), merged in one go. */
export function MergeRuleEditor({ kind, profile }: { kind: TableKind; profile: ColumnProfile }) {
  const suggestMerges = useDataStore((s) => s.suggestMerges)
  const addRules = useDataStore((s) => s.addRules)
  const [groups, setGroups] = useState<Group[] | null>(null)
  const [error, setError] = useState<ApiErrorShape | null>(null)

  useEffect(() => {
    let live = true
    suggestMerges(kind, profile.name).then(
      (found) => {
        if (live) setGroups(found.map((g) => ({ ...g, selected: true })))
      },
      (failure: unknown) => {
        if (live) setError(errorShapeOf(failure))
      }
    )
    return () => {
      live = false
    }
  }, [suggestMerges, kind, profile.name])

  const update = (index: number, change: Partial<Group>): void =>
    setGroups((current) => current && current.map((g, i) => (i === index ? { ...g, ...change } : g)))

  const rules: HygieneRule[] = (groups ?? [])
    .filter((g) => g.selected && g.to.trim() !== '')
    .map((g): HygieneRule & { kind: 'merge' } => ({
      kind: 'merge',
      column: profile.name,
      to: g.to.trim(),
      from: g.from.map((f) => f.value).filter((v) => v !== g.to.trim())
    }))
    .filter((rule) => rule.from.length > 0)

  return (
    <div className="rule-editor">
      <h4 className="rule-editor__title">Suggested merges</h4>
      {error ? <ErrorNotice error={error} /> : null}
      {groups === null && !error ? (
        <p className="empty-note" role="status">
          Looking for spellings of the same value…
        </p>
      ) : null}
      {groups && groups.length === 0 ? <p className="empty-note">No similar spellings found in {profile.name}.</p> : null}
      {groups && groups.length > 0 ? (
        <ul className="merge-groups" aria-label="Suggested merges">
          {groups.map((group, i) => (
            <li key={i} className={`merge-group${group.selected ? '' : ' merge-group--off'}`}>
              <input
                type="checkbox"
                className="merge-group__check"
                checked={group.selected}
                aria-label={`Merge ${group.from.map((f) => f.value).join(', ')}`}
                onChange={(event) => update(i, { selected: event.target.checked })}
              />
              <span className="merge-group__from">
                {group.from.map((f) => (
                  <span key={f.value} className="value-pill">
                    {f.value} <span className="value-pill__count">{formatCount(f.count)}</span>
                  </span>
                ))}
              </span>
              <ArrowRight size={14} className="merge-group__arrow" aria-hidden />
              <input
                className="input input--small merge-group__to"
                aria-label={`Merge ${group.from.map((f) => f.value).join(', ')} into`}
                value={group.to}
                maxLength={500}
                onChange={(event) => update(i, { to: event.target.value })}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {groups && groups.length > 0 ? (
        <div className="rule-editor__actions">
          <button type="button" className="button button--primary" disabled={rules.length === 0} onClick={() => void addRules(rules)}>
            Add {rules.length === 1 ? 'merge' : plural(rules.length, 'merge')}
          </button>
        </div>
      ) : null}
      <ManualMerge profile={profile} open={groups !== null && groups.length === 0} />
    </div>
  )
}
