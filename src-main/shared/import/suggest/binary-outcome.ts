/**
 * Two-valued outcome columns: a leads table's "Converted" 0/1, Salesforce's IsWon / IsConverted,
 * a campaign's yes/no response, a customer table's Churn Yes/No. Every yes/no attribute has two
 * values too, so the header must name a result; the values only have to be a yes and a no.
 *
 * Polarity: for most such columns "yes" is the good result (won, converted, responded); for
 * churn-like columns "yes" is the bad one (the customer left), so yes maps to lost and the
 * retained customers count as won.
 */
import type { Outcome, ValueCount } from '@shared/domain/dataset'
import { parseBoolean } from '../values/parse-boolean'
import { headerText, readHeader } from './header-words'

/** Whole header texts (see header-words.ts) that name a yes-is-good result. */
const RESULT_NAMES = new RegExp(
  '^(?:(?:is |has |was |did )?(?:converted|won|win|closed won|deal won|opportunity won|success|successful|succeeded|' +
    'purchased|bought|signed|subscribed|responded|response|accepted|enrolled|activated|qualified)|' +
    'conversion|conversion flag|converted flag|won flag|win flag|outcome|result|label|target|class|y|output|' +
    'purchase|subscription|deposit|term deposit|became customer|is customer|customer flag|closed won flag)$'
)
/** Headers of a customer leaving (churn, attrition, cancellation): a yes-is-bad result whose "no" are retained customers. */
const CHURN_VERBS = 'churn|churned|cancelled|canceled|attrited|exited|left|lapsed'
const CHURN_PHRASES =
  'churn flag|churn status|attrition|attrition flag|exit|exited flag|cancellation|customer churn|lost customer|churn label|churn value'
const CHURN_NAMES = new RegExp(`^(?:(?:is |has |was |did )?(?:${CHURN_VERBS})|${CHURN_PHRASES})$`)
/** Headers of a yes-is-bad result: a customer leaving, a lost deal, a defaulted loan. */
const LOSS_NAMES = new RegExp(`^(?:(?:is |has |was |did )?(?:${CHURN_VERBS}|lost|defaulted)|${CHURN_PHRASES})$`)

/** What "yes" means in a two-valued result column with this header, or null if the header names no result. */
export function binaryOutcomePolarity(header: string): Outcome | null {
  const words = readHeader(header)
  const texts = [words.field, headerText(header)]
  if (texts.some((t) => LOSS_NAMES.test(t))) return 'lost'
  if (texts.some((t) => RESULT_NAMES.test(t))) return 'won'
  return null
}

/** Whether the header names a customer leaving (Churn, Attrition, Cancelled): not a lost deal or a defaulted loan. */
export function namesChurn(header: string): boolean {
  const words = readHeader(header)
  return [words.field, headerText(header)].some((t) => CHURN_NAMES.test(t))
}

/** The yes and no spellings of the column, when every filled value is one of them. */
export function binaryValues(values: readonly ValueCount[]): { yes: string[]; no: string[] } | null {
  const yes: string[] = []
  const no: string[] = []
  for (const { value } of values) {
    const truth = parseBoolean(value)
    if (truth === null) return null
    ;(truth ? yes : no).push(value)
  }
  return yes.length > 0 && no.length > 0 ? { yes, no } : null
}

/** What one value of a two-valued result column means, given the column's polarity. */
export function binaryOutcomeOf(raw: string, polarity: Outcome): Outcome | null {
  const truth = parseBoolean(raw)
  if (truth === null) return null
  const opposite: Outcome = polarity === 'won' ? 'lost' : 'won'
  return truth ? polarity : opposite
}
