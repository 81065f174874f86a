import type { Scorecard } from '@shared/engine/scorecard/model'
import { DISQUALIFIED } from '@shared/engine/scorecard/model'
import { describeCondition } from '@shared/engine/scorecard/describe-condition'
import type { Simulation } from '@shared/engine/simulation/simulation'
import type { OutcomeWords } from '@shared/domain/one-pager'
import { WON_WORDS } from '@shared/export/outcome-words'
import { outcomeLabels } from '@shared/export/scored-accounts'

/**
 * One row per deal (a churn study's customer): ids, outcome, score, tier, and the points each
 * criterion gave it (before any attribute cap; the score is after caps). The same table feeds
 * `icp score` and exports.
 */
export function scoredDealsTable(
  scorecard: Scorecard,
  simulation: Simulation,
  outcome: OutcomeWords = WON_WORDS
): { headers: string[]; rows: Array<Array<string | number>> } {
  const { compiled, scored, view } = simulation
  const dataset = view.dataset
  const churn = outcome.kind === 'retained'
  // The scored accounts' words: won, lost, open, or a churn study's retained, churned, unknown.
  const labels = outcomeLabels(outcome)
  const names: Record<number, string> = { 1: labels.won, 0: labels.lost, [-1]: labels.open }
  const criterionHeaders = compiled.criteria.map(({ criterion }) => criterion.label ?? describeCondition(criterion))
  // A customer is known by its account id: a churn study has no deal ids to list.
  const headers = [...(churn ? [] : ['Deal ID']), 'Account ID', 'Account', 'Outcome', 'Score', 'Tier', ...uniqueHeaders(criterionHeaders)]
  const tierNames = scorecard.tiers.map((t) => t.name)
  const { scores, tiers } = scored
  const rows: Array<Array<string | number>> = []
  for (let row = 0; row < dataset.rowCount; row++) {
    const tier = tiers[row]!
    rows.push([
      ...(churn ? [] : [dataset.dealIds[row] ?? '']),
      dataset.accountIds[row] ?? '',
      dataset.accountNames[row] ?? '',
      names[dataset.outcome[row]!] ?? names[-1]!,
      scores[row]!,
      tier < 0 ? DISQUALIFIED : (tierNames[tier] ?? ''),
      ...compiled.criteria.map(({ criterion, mask }) => (mask[row] === 1 ? criterion.points : 0))
    ])
  }
  return { headers, rows }
}

/** Two criteria may read the same ("Industry is SaaS"); column names must not. */
function uniqueHeaders(headers: readonly string[]): string[] {
  const seen = new Map<string, number>()
  return headers.map((header) => {
    const count = (seen.get(header) ?? 0) + 1
    seen.set(header, count)
    return count === 1 ? header : `${header} (${count})`
  })
}
