import { Fragment } from 'react'
import { singular } from '@shared/format'
import { ChevronRight, ShieldAlert } from 'lucide-react'
import type { DiscoverAttribute, DiscoverReport } from '@shared/domain/discover'
import { AttributeDetail } from './AttributeDetail'
import { useDiscoverStore } from '../../stores/discover-store'
import { fixed, STRENGTH_HINTS, STRENGTH_LABELS } from './discover-format'
import { useAttributeLabel } from '../data/use-attribute-label'
import { useTargetWords } from './use-target-words'

interface AttributeTableProps {
  report: DiscoverReport
  selected: string | null
  onSelect(name: string | null): void
}

/** Every attribute, strongest evidence first; one row opens to show its values and lift chart. */
export function AttributeTable({ report, selected, onSelect }: AttributeTableProps) {
  const label = useAttributeLabel()
  // A churn study's rows are customers: a fact that may differ between rows is a customer fact.
  const rows = useTargetWords(report.target).rows
  const row = singular(rows)
  const attributes = [...report.attributes].sort((a, b) => b.iv - a.iv)
  return (
    <table className="attr-table">
      <thead>
        <tr>
          <th scope="col">Attribute</th>
          <th scope="col">Category</th>
          <th scope="col" className="num">
            Information value
          </th>
          <th scope="col">Strength</th>
          <th scope="col">Beyond chance?</th>
          <th scope="col">Leakage</th>
        </tr>
      </thead>
      <tbody>
        {attributes.map((a) => {
          const open = a.name === selected
          const detailId = `attr-detail-${a.name.replace(/[^a-z0-9]+/gi, '-')}`
          return (
            <Fragment key={a.name}>
              <tr className={`attr-table__row${open ? ' attr-table__row--open' : ''}${a.leakageSuspected ? ' attr-table__row--leak' : ''}`}>
                <th scope="row">
                  <button
                    type="button"
                    className="attr-table__toggle"
                    aria-expanded={open}
                    aria-controls={open ? detailId : undefined}
                    onClick={() => onSelect(open ? null : a.name)}
                  >
                    <ChevronRight size={16} className="attr-table__chevron" aria-hidden />
                    {label(a.name)}
                  </button>
                  <span
                    className="attr-table__unit"
                    title={
                      a.unit === 'account'
                        ? `Counted in accounts: the same on all of an account’s ${rows}`
                        : `Counted in ${rows}: may differ between an account’s ${rows}`
                    }
                  >
                    {a.unit === 'account' ? 'account fact' : `${row} fact`}
                  </span>
                </th>
                <td className="muted">{a.category}</td>
                <td className="num">{fixed(a.iv, 3)}</td>
                <td>
                  <StrengthBadge attribute={a} />
                </td>
                <td>
                  {a.significant ? (
                    <span className="sig sig--yes">
                      Significant{a.pValue !== null ? <span className="muted"> · p {formatP(a.pValue)}</span> : null}
                    </span>
                  ) : (
                    <span className="sig sig--no">not significant</span>
                  )}
                </td>
                <td>
                  {a.leakageSuspected ? (
                    <LeakFlag attribute={a} />
                  ) : a.excluded ? (
                    <span className="muted" title={a.excluded}>
                      not evidence
                    </span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
              {open ? (
                <tr className="attr-table__detail">
                  <td colSpan={6} id={detailId}>
                    <AttributeDetail attribute={a} report={report} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          )
        })}
      </tbody>
    </table>
  )
}

function formatP(p: number): string {
  return p < 0.001 ? '< 0.001' : p.toFixed(3)
}

export function StrengthBadge({ attribute }: { attribute: DiscoverAttribute }) {
  if ((attribute.leakageSuspected && !attribute.leakageOverruled) || attribute.excluded) {
    return (
      <span className="strength strength--leak" title={attribute.excluded ?? undefined}>
        Not usable
      </span>
    )
  }
  return (
    <span className={`strength strength--${attribute.strength}`} title={STRENGTH_HINTS[attribute.strength]}>
      {STRENGTH_LABELS[attribute.strength]}
    </span>
  )
}

/**
 * Focusable, so the reasons reach keyboard and screen-reader users as well as the mouse; the
 * consultant who knows the column is known before the sale can overrule the flag, and undo that.
 */
function LeakFlag({ attribute }: { attribute: DiscoverAttribute }) {
  const setLeak = useDiscoverStore((s) => s.setLeak)
  const text = attribute.leakageReasons.length > 0 ? attribute.leakageReasons.join('; ') : 'Separates the outcome almost perfectly'
  if (attribute.leakageOverruled) {
    return (
      <span className="leak-flag leak-flag--overruled">
        <span tabIndex={0} aria-label={`Leakage flag overruled: ${text}`} data-tip={text}>
          Flag overruled
        </span>
        <button type="button" className="button button--ghost button--small" onClick={() => void setLeak(attribute.name, false)}>
          Restore flag
        </button>
      </span>
    )
  }
  return (
    <span className="leak-flag-cell">
      <span className="leak-flag" tabIndex={0} aria-label={`Suspected leakage: ${text}`} data-tip={text}>
        <ShieldAlert size={14} aria-hidden />
        Suspected leakage
      </span>
      <button
        type="button"
        className="button button--ghost button--small"
        title="Known before the deal is won or lost? Then it may be used like any other attribute."
        onClick={() => void setLeak(attribute.name, true)}
      >
        Use anyway
      </button>
    </span>
  )
}
