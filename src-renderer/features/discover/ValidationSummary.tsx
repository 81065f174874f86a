import type { ScorecardValidation } from '@shared/domain/discover'
import type { DiscoverTarget } from '../../queries/discover-queries'
import { count, fixed, interval, pct } from './discover-format'
import { useTargetWords } from './use-target-words'

/**
 * How a scorecard holds up on deals its points were not fitted on: which deals those are, its
 * AUC there, its tiers' accounts and win rates, and one sentence against the standard. When
 * there was no holdout, it says the figures are in-sample.
 */
export function ValidationSummary({
  validation,
  suggestion,
  target
}: {
  validation: ScorecardValidation
  suggestion: boolean
  /** What counts as a success in it (won, best, retained). */
  target: DiscoverTarget
}) {
  const words = useTargetWords(target)
  // A suggestion was fitted on the rest; a hand-made scorecard is simply checked on the newest deals
  // (or, without enough close dates, on accounts held out at random).
  const where =
    validation.measuredOn === 'holdout'
      ? suggestion || validation.kind === 'random'
        ? `on the held-out ${words.rows}`
        : `on the newest ${words.rows}`
      : suggestion
        ? `on the same ${words.rows} it was fitted on`
        : `on all the ${words.rows}`
  const tone =
    validation.verdict.meets === null
      ? ''
      : validation.verdict.meets
        ? ' suggest-validation__verdict--meets'
        : ' suggest-validation__verdict--short'
  return (
    <div className="suggest-validation">
      <p className="muted">{validation.description}</p>
      <p>
        AUC {where}: <strong data-testid="validation-auc">{fixed(validation.auc, 3)}</strong>
        <span className="muted"> (0.5 = chance, 1 = perfect)</span>
        {suggestion && validation.unconstrainedAuc !== null ? (
          <span className="muted">
            {' '}
            · every strong value of up to 8 attributes would reach {fixed(validation.unconstrainedAuc, 3)}; on the fitting {words.rows}{' '}
            {fixed(validation.fittedAuc, 3)}
          </span>
        ) : null}
      </p>
      {validation.tiers.length > 0 ? (
        <table className="tier-table" aria-label={`Tiers ${where}`}>
          <thead>
            <tr>
              <th scope="col">Tier</th>
              <th scope="col">Accounts</th>
              <th scope="col">Share of accounts</th>
              <th scope="col">Share of {words.positive} accounts</th>
              <th scope="col">{words.rate}</th>
              <th scope="col">95% interval</th>
            </tr>
          </thead>
          <tbody>
            {validation.tiers.map((t) => (
              <tr key={t.name}>
                <th scope="row">{t.name}</th>
                <td>{count(t.accounts)}</td>
                <td>{pct(t.shareOfAccounts)}</td>
                <td>{pct(t.shareOfWins)}</td>
                <td>{pct(t.rate)}</td>
                <td className="muted">{interval(t.ci)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p className={`suggest-validation__verdict${tone}`} role="status">
        {validation.verdict.sentence}
      </p>
    </div>
  )
}
