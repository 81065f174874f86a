import { Fragment } from 'react'
import { ChevronRight, ShieldAlert } from 'lucide-react'
import type { DiscoverAttribute, DiscoverReport } from '@shared/domain/discover'
import { AttributeDetail } from './AttributeDetail'
import { fixed, STRENGTH_HINTS, STRENGTH_LABELS } from './discover-format'

interface AttributeTableProps {
  report: DiscoverReport
  selected: string | null
  onSelect(name: string | null): void
}

/** Every attribute, strongest evidence first; one row opens to show its values and lift chart. */
export function AttributeTable({ report, selected, onSelect }: AttributeTableProps) {
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
                    {a.name}
                  </button>
                </th>
                <td className="muted">{a.category}</td>
                <td className="num">{fixed(a.iv, 3)}</td>
                <td>
                  <StrengthBadge attribute={a} />
                </td>
                <td>
                  {a.significant ? (
                    <span className="sig sig--yes">Significant{a.pValue !== null ? <span className="muted"> · p {formatP(a.pValue)}</span> : null}</span>
                  ) : (
                    <span className="sig sig--no">not significant</span>
                  )}
                </td>
                <td>{a.leakageSuspected ? <LeakFlag reasons={a.leakageReasons} /> : <span className="muted">—</span>}</td>
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
  if (attribute.leakageSuspected) return <span className="strength strength--leak">Not usable</span>
  return (
    <span className={`strength strength--${attribute.strength}`} title={STRENGTH_HINTS[attribute.strength]}>
      {STRENGTH_LABELS[attribute.strength]}
    </span>
  )
}

/** Focusable, so the reasons reach keyboard and screen-reader users as well as the mouse. */
function LeakFlag({ reasons }: { reasons: readonly string[] }) {
  const text = reasons.length > 0 ? reasons.join('; ') : 'Separates the outcome almost perfectly'
  return (
    <span className="leak-flag" tabIndex={0} aria-label={`Suspected leakage: ${text}`} data-tip={text}>
      <ShieldAlert size={14} aria-hidden />
      Suspected leakage
    </span>
  )
}
