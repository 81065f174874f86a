/**
 * The words a deliverable uses for the outcome. Most workspaces hold won and lost deals. A
 * churn study's outcome is a churn flag (Churn, Attrition, Cancelled: yes/no), which the import
 * maps yes -> lost, so its "won" are the customers who stayed. The figures are the same, but a
 * client reads "win rate" and "who we win with" on a churn study as sales figures they are not.
 */
import type { Outcome } from '@shared/domain/dataset'
import type { OutcomeWords } from '@shared/domain/one-pager'
import { namesChurn } from '@shared/import/suggest'
import { parseBoolean } from '@shared/import/values/parse-boolean'

export const WON_WORDS: OutcomeWords = {
  kind: 'won',
  won: 'won',
  lost: 'lost',
  present: 'win',
  past: 'won',
  thirdPerson: 'wins',
  gerund: 'winning',
  rate: 'win rate',
  lossRate: 'loss rate',
  positives: 'wins',
  heading: 'Who we win with',
  records: 'deals',
  decided: 'decided deals',
  dates: 'close dates',
  datedBy: 'closed',
  cycle: 'sales cycle',
  recheckWhen: 'as deals close',
  evidenceTitle: 'Evidence from closed deals',
  periodLabel: 'Closed'
}

export const RETAINED_WORDS: OutcomeWords = {
  kind: 'retained',
  won: 'retained',
  lost: 'churned',
  present: 'stay',
  past: 'stayed',
  thirdPerson: 'stays',
  gerund: 'staying',
  rate: 'retention rate',
  lossRate: 'churn rate',
  positives: 'retained accounts',
  heading: 'Who stays with us',
  // Each row of a churn study is a customer who stayed or left: there are no deals, open or closed.
  records: 'customers',
  decided: 'customers',
  dates: 'dates',
  datedBy: 'who renewed or left',
  cycle: 'tenure',
  recheckWhen: 'as new customer data comes in',
  evidenceTitle: 'Evidence from retained and churned customers',
  periodLabel: 'Period'
}

/**
 * Retention words when the outcome column names a customer leaving and its values are read the
 * import's way: some yes (churned) counts as lost and no yes counts as won. A mapping the
 * consultant turned round (yes -> won), or values that are not a yes and a no, keep the won
 * words: the app cannot tell then that "won" means "stayed".
 */
export function outcomeWordsFor(column: string | null, mapping: ReadonlyArray<readonly [string, Outcome | null]>): OutcomeWords {
  if (column === null || !namesChurn(column)) return WON_WORDS
  let yesLost = false
  for (const [value, outcome] of mapping) {
    const truth = parseBoolean(value)
    if (truth === null && outcome !== null) return WON_WORDS
    if (truth === true && outcome === 'won') return WON_WORDS
    if (truth === false && outcome === 'lost') return WON_WORDS
    if (truth === true && outcome === 'lost') yesLost = true
  }
  return yesLost ? RETAINED_WORDS : WON_WORDS
}
