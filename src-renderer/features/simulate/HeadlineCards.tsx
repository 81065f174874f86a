import type { ReactNode } from 'react'
import type { SimulationReport } from '@shared/domain/simulation'
import { capitalize } from '@shared/format'
import { count, DASH, days, fixed, hasSalesCycle, interval, lift, pct } from './simulate-format'
import { useSuccessWords } from './use-success-words'

interface CardProps {
  name: string
  value: string
  /** Shown as a tooltip when the value is missing, so "—" never goes unexplained. */
  why?: string
  children?: ReactNode
  tone?: 'up' | 'down'
}

function Card({ name, value, why, children, tone, wide }: CardProps & { wide?: boolean }) {
  const missing = value === DASH
  return (
    <div className={`sim-card${wide ? ' sim-card--wide' : ''}`} role="group" aria-label={name}>
      <div className="sim-card__name">{name}</div>
      <div className={`sim-card__value${tone ? ` sim-card__value--${tone}` : ''}`} title={missing ? why : undefined}>
        {value}
      </div>
      {children ? <div className="sim-card__detail">{children}</div> : null}
    </div>
  )
}

/** The figures a consultant reads aloud: what passes, how much better it converts, and what it costs. */
export function HeadlineCards({ report }: { report: SimulationReport }) {
  const words = useSuccessWords(report.outcome)
  const noPass = `No ${words.deal} scores at or above this threshold`
  const noFail = `Every ${words.deal} passes this threshold`
  const up = report.lift !== null && report.ciAbove[0] !== null && report.winRateBelow !== null && report.ciAbove[0] > report.winRateBelow
  return (
    <div className="sim-cards">
      <Card name={`${capitalize(words.deals)} passing`} value={count(report.passCount)}>
        <span>
          <strong>{pct(report.passRate)}</strong> of {count(report.n)} {words.decided}
        </span>
        {report.excludedOpen > 0 ? (
          <span className="muted">
            {count(report.excludedOpen)} {words.deals === 'deals' ? 'open deals' : `${words.deals} without an outcome`} left out
          </span>
        ) : null}
      </Card>
      <Card name={`${words.rate} above threshold`} value={pct(report.winRateAbove)} why={noPass} tone={up ? 'up' : undefined} wide>
        <span className="muted">95% {interval(report.ciAbove)}</span>
        <span>
          below: <strong title={report.winRateBelow === null ? noFail : undefined}>{pct(report.winRateBelow)}</strong>{' '}
          <span className="muted">({interval(report.ciBelow)})</span>
        </span>
      </Card>
      <Card name="Lift" value={lift(report.lift)} why={report.passCount === 0 ? noPass : `No ${words.wins} in the history to compare with`}>
        <span className="muted">{words.rate.toLowerCase()} above ÷ overall</span>
      </Card>
      <Card name={`${capitalize(words.wins)} kept`} value={pct(report.recall)} why={`No ${words.wins} in the history`}>
        <span className="muted">
          of {count(report.wins)} {words.wins} score above
        </span>
      </Card>
      <Card
        name={`${capitalize(words.won)} revenue kept`}
        value={pct(report.revenueKept)}
        why={`No ${words.won} ${words.deal} has an amount`}
      >
        <span className="muted">share of {words.won} amount above</span>
      </Card>
      {hasSalesCycle(report) ? (
        <Card
          name="Median cycle"
          value={days(report.medianCycleAbove)}
          why={report.passCount === 0 ? noPass : 'No sales-cycle dates above the threshold'}
        >
          <span>
            below: <strong>{days(report.medianCycleBelow)}</strong>
          </span>
        </Card>
      ) : null}
      <Card name="AUC" value={fixed(report.auc, 3)} why="Needs both wins and losses">
        <span className="muted">
          Gini {fixed(report.gini, 3)} · KS {fixed(report.ks, 3)}
        </span>
      </Card>
    </div>
  )
}
