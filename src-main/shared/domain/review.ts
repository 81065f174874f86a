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

/**
 * How the review says its records: won and lost deals closed in a period, or, for a churn study
 * with dates, customers who renewed or left in it. The figures are the same; a client reads "win
 * rate" and "deals closed" on a churn study as sales figures they are not.
 */
export interface ReviewWords {
  kind: 'won' | 'retained'
  /** "deals" / "customers", and one of them. */
  records: string
  record: string
  /** The rows every figure counts: "decided deals" / "customers", and one of them. */
  decided: string
  decidedOne: string
  /** What puts a record in a period: "closed since" / "who renewed or left since"; "before"; "closed up to". */
  since: string
  before: string
  upTo: string
  /** The review period's records against the earlier ones: "new" / "recent". */
  fresh: string
  /** "won" / "retained", "lost" / "churned". */
  won: string
  lost: string
  /** A success and a failure as nouns: "win" / "retained customer", "loss" / "churned customer". */
  win: string
  loss: string
  wins: string
  losses: string
  /** "Tier A won 40% of its new deals" / "kept". */
  tierPast: string
  /** What a working score separates: "wins from losses". */
  separates: string
  /** Column headings: "Win rate" / "Retention rate", "Cycle" / "Tenure", "Won size" / "Retained size". */
  rate: string
  cycle: string
  amount: string
  /** The table's note on the last two: "cycle is the median days to close", "won size is the mean won amount". */
  cycleNote: string
  amountNote: string
  /** A record's date: "close date" / "date". */
  date: string
}

export interface ReviewReport {
  scorecard: { id: number; name: string }
  /** How the screen, the page and the CLI say the records (deals, or customers of a churn study). */
  words: ReviewWords
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
