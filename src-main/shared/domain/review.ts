/**
 * The 90-day review: how a scorecard did on the deals closed since it was built, against the
 * period it was built on. The seed method's quarterly check ("break down win rate and sales
 * cycle by ICP score band; compare the top new deals to your ICP scores"), with intervals, drift
 * and a verdict a consultant can defend.
 */

/** The usual reading of a population stability index: under 0.1 stable, 0.1-0.25 some drift, 0.25 and over a real shift. */
export type DriftReading = 'stable' | 'some drift' | 'shifted'

export interface ReviewPeriod {
  /** YYYY-MM-DD of the first and last close date in the period; null when it has no decided deal. */
  from: string | null
  through: string | null
  /** Decided deals (won or lost) closed in the period. */
  deals: number
  wins: number
}

export interface ReviewTierFigures {
  deals: number
  wins: number
  /** null when the tier has no decided deal in the period. */
  winRate: number | null
  ci: [number, number] | null
  medianCycleDays: number | null
  meanWonAmount: number | null
  /** Under 30 decided deals: the rate swings too much to act on. */
  tooSmall: boolean
}

export interface ReviewTierRow {
  tier: string
  built: ReviewTierFigures
  review: ReviewTierFigures
}

export interface ReviewDrift {
  attribute: string
  label: string
  psi: number
  reading: DriftReading
  /** The bins that moved most (up to 3), with their shares before and after. */
  moved: Array<{ label: string; before: number; after: number }>
}

/** A deal the scorecard got wrong in the review period: a win it placed low, or a loss it placed high. */
export interface ReviewCase {
  dealId: string
  accountId: string
  accountName: string
  score: number
  tier: string
  closedOn: string | null
  amount: number | null
  reasons: string
}

export type ReviewDecision = 'keep' | 're-weight' | 'rebuild' | 'too-early'

export interface ReviewVerdict {
  decision: ReviewDecision
  /** One sentence, for the screen's headline and the PDF. */
  sentence: string
  /** Each finding behind the decision, in words with its figures. */
  findings: string[]
}

export interface ReviewReport {
  scorecard: { id: number; name: string }
  /** Where the review period starts (YYYY-MM-DD) and why there. */
  since: string
  sinceSource: 'built' | 'chosen' | 'latest-quarter'
  built: ReviewPeriod
  review: ReviewPeriod
  /** Deals with no close date, in neither period. */
  undated: number
  tiers: ReviewTierRow[]
  auc: { built: number | null; review: number | null }
  scoreDrift: { psi: number | null; reading: DriftReading | null }
  /** The scorecard's attributes, most drifted first. */
  attributeDrift: ReviewDrift[]
  /** Won deals of the review period in the lowest tier, lowest score first (up to 10), and how many there are. */
  missedWins: ReviewCase[]
  missedWinsTotal: number
  /** Lost deals of the review period in the top tier, highest score first (up to 10), and how many there are. */
  falseAlarms: ReviewCase[]
  falseAlarmsTotal: number
  verdict: ReviewVerdict
  /**
   * Set when the reviewed deals include deals the scorecard was built on (a review date before the
   * end of its built period): such a review flatters it, and the screen and the PDF say so.
   */
  caveat: string | null
}
