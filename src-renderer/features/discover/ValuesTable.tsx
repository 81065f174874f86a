import type { DiscoverAttribute, DiscoverReport, DiscoverValue } from '@shared/domain/discover'
import { count, fixed, includesBase, interval, lift, pct, unitTotals } from './discover-format'
import { useTargetWords } from './use-target-words'

interface ValuesTableProps {
  attribute: DiscoverAttribute
  values: readonly DiscoverValue[]
  report: DiscoverReport
}

/** Each value or bin with the figures a consultant must be able to defend, and where not to trust them. */
export function ValuesTable({ attribute, values, report }: ValuesTableProps) {
  const words = useTargetWords(report.target)
  // An account fact is counted in accounts (rates and shares are of accounts), a deal fact in deals.
  const unit = unitTotals(report, attribute)
  const negatives = unit.n - unit.positives
  const byAccount = attribute.unit === 'account'
  return (
    <table className="values-table" aria-label={`Values of ${attribute.name}`}>
      <caption className="values-table__caption">
        {byAccount
          ? `An account fact: rates are of accounts (an account is ${words.positive} when any of its ${words.rows} is); ${words.rows} shown beside.`
          : `A fact about the ${words.rows === 'deals' ? 'deal' : 'customer'}: rates are of ${words.rows}; the accounts they belong to shown beside.`}
      </caption>
      <thead>
        <tr>
          <th scope="col">Value</th>
          <th scope="col" className="num">
            Accounts
          </th>
          <th scope="col" className="num">
            {words.rows === 'deals' ? 'Deals' : 'Customers'}
          </th>
          <th scope="col" className="num" title={`Share of all ${words.positive} vs share of all ${words.negative}`}>
            Share {words.positive} / {words.negative}
          </th>
          <th scope="col" className="num">
            {words.rate}
          </th>
          <th scope="col" className="num">
            95% interval
          </th>
          <th scope="col" className="num">
            Lift
          </th>
          <th scope="col" className="num">
            WoE
          </th>
          <th scope="col">
            <span className="visually-hidden">Caveats</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {values.map((v) => {
          const ordinary = includesBase(v.ci, unit.baseRate)
          return (
            <tr key={v.label} className={v.tooSmall ? 'values-table__row--small' : undefined}>
              <th scope="row" title={v.label}>
                {v.label}
              </th>
              <td className={`num${byAccount ? '' : ' muted'}`}>{count(v.accounts)}</td>
              <td className={`num${byAccount ? ' muted' : ''}`}>{count(v.deals)}</td>
              <td className="num">
                {pct(unit.positives > 0 ? v.positives / unit.positives : null)}
                <span className="muted"> / {pct(negatives > 0 ? (v.n - v.positives) / negatives : null)}</span>
              </td>
              <td className="num">{pct(v.rate)}</td>
              <td className="num muted">{interval(v.ci)}</td>
              <td className={`num${v.lift !== null && !ordinary ? (v.lift >= 1 ? ' up' : ' down') : ''}`}>{lift(v.lift)}</td>
              <td className="num">{fixed(v.woe, 2)}</td>
              <td className="values-table__flags">
                {v.tooSmall ? (
                  <span className="flag flag--small" title={`Fewer than 30 ${unit.noun}: too few to trust`}>
                    too small
                  </span>
                ) : null}
                {ordinary ? (
                  <span
                    className="flag flag--base"
                    title={`The 95% interval includes the base rate (${pct(unit.baseRate)}): not clearly different`}
                  >
                    ≈ base rate
                  </span>
                ) : null}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
