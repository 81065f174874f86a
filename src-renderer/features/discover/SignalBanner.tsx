import { CircleSlash, Info, TrendingUp } from 'lucide-react'
import type { DiscoverReport } from '@shared/domain/discover'
import { count, pct } from './discover-format'
import { useTargetWords } from './use-target-words'

/**
 * The first thing on screen, before any ranking: whether the data shows a real difference at
 * all, and how much data that judgement rests on. A client must never see noise ranked as insight.
 */
export function SignalBanner({ report }: { report: DiscoverReport }) {
  const words = useTargetWords(report.target)
  const leaks = report.attributes.filter((a) => a.leakageSuspected && !a.leakageOverruled).length
  // Deals and the accounts they belong to: account facts are judged on accounts.
  const accounts = report.accounts && report.accounts.n !== report.n ? report.accounts : null
  const sample = `${count(report.n)} ${words.rows}${accounts ? ` · ${count(accounts.n)} accounts` : ''}`
  const facts = (
    <dl className="signal__facts">
      <div>
        <dt>Sample</dt>
        <dd>{sample}</dd>
      </div>
      <div>
        <dt>{words.positive[0]!.toUpperCase() + words.positive.slice(1)}</dt>
        <dd>{count(report.positives)}</dd>
      </div>
      <div>
        <dt>Base rate</dt>
        <dd>
          {pct(report.baseRate)}
          {accounts ? <span className="muted"> · {pct(accounts.baseRate)} of accounts</span> : null}
        </dd>
      </div>
    </dl>
  )

  if (report.signal === 'none') {
    return (
      <section className="signal signal--none" aria-label="Signal">
        <CircleSlash className="signal__icon" size={22} aria-hidden />
        <div className="signal__text">
          <strong>
            No attribute separates {words.sentence} beyond chance in this data ({sample}).
          </strong>
          <span>
            Differences between values are within what random variation produces. Treat any ranking below as noise, not as findings.
          </span>
        </div>
        {facts}
      </section>
    )
  }
  const weak = report.signal === 'weak'
  const Icon = weak ? Info : TrendingUp
  return (
    <section className={`signal signal--${report.signal}`} aria-label="Signal">
      <Icon className="signal__icon" size={22} aria-hidden />
      <div className="signal__text">
        <strong>{weak ? 'The signal is weak.' : `Some attributes separate ${words.sentence} beyond chance.`}</strong>
        <span>
          {weak
            ? 'A few attributes differ beyond chance, but only slightly. Present them as hypotheses to test, not as the profile.'
            : 'Rated by information value; only attributes marked significant hold up after correcting for testing many attributes.'}
          {leaks > 0 ? ` ${leaks === 1 ? 'One attribute looks' : `${leaks} attributes look`} like leakage and should not be used.` : ''}
        </span>
      </div>
      {facts}
    </section>
  )
}
