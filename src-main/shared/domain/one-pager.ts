/**
 * The ICP one-pager: what the consultant writes and chooses in the Export section (stored per
 * scorecard), and the resolved content every deliverable renders from (the PDF, the workbook's
 * "ICP" sheet). The content is resolved once in the backend so the PDF and the XLSX always
 * state the same figures.
 */

/**
 * About 1 MB of logo image once decoded. In the domain, not beside the zod schema that enforces
 * it, so the renderer's check before upload does not bundle zod.
 */
export const LOGO_MAX_BYTES = 1024 * 1024

export type PaperSize = 'letter' | 'a4'

export type OnePagerBlockId =
  | 'header'
  | 'statement'
  | 'definition'
  | 'scorecard'
  | 'disqualifiers'
  | 'buying'
  | 'channels'
  | 'messaging'
  | 'evidence'
  | 'core-vs-adjacent'

/** What the consultant edits. Free text is plain text (no markup). */
export interface OnePagerDocument {
  /** Blocks in print order; a block absent or with `visible: false` is not printed. */
  blocks: Array<{ id: OnePagerBlockId; visible: boolean }>
  clientName: string
  preparedBy: string
  /** YYYY-MM-DD as printed in the header. */
  date: string
  /** #rrggbb */
  brandColor: string
  /** A PNG/JPEG/SVG as a data: URL (kept inside the workspace; never fetched). */
  logoDataUrl: string | null
  paper: PaperSize
  /** 3-5 one-sentence hypotheses; pre-drafted from the scorecard until edited. */
  statements: string[]
  economicBuyer: string
  champion: string
  triggers: string
  channels: { outbound: string; content: string; partners: string; marketplaces: string }
  messaging: { target: string; context: string; cost: string; change: string }
  /** The scorecard shown as "Adjacent ICP" beside this one, when the workspace has one. */
  adjacentScorecardId: number | null
  /** Print the market line: the workspace's prospect list scored with this scorecard (absent: no). */
  showMarket?: boolean
}

/** One tier's evidence as the engine computed it. */
export interface OnePagerTierEvidence {
  name: string
  color: string
  min: number
  deals: number
  wins: number
  /** Decided accounts in the tier (each in the tier of its most recent deal, the one rule every export uses), and those won. */
  accounts: number
  wonAccounts: number
  winRate: number | null
  medianCycleDays: number | null
  /** True when the tier has too few decided deals for its rate to be read on its own. */
  small: boolean
}

/** One criterion in words: the attribute's label, what qualifies, its points and what the data says of it. */
export interface OnePagerCriterion {
  attribute: string
  qualifies: string
  points: number
  /** Held up on its own (beyond chance and on the newest deals); null for zero points. */
  supported?: boolean | null
  /** Small print: accounts, win rate vs the rest, interval (null for zero points). */
  evidence?: string | null
}

/** none: no criterion holds up; weak: some do but the tiers are not shown to separate on new deals; strong: both. */
export type EvidenceStrength = 'none' | 'weak' | 'strong'

export interface OnePagerAnalysis {
  strength: EvidenceStrength
  /** One or two plain sentences printed at the top of the page. */
  headline: string
  /** What the evidence counts: accounts (account facts) or deals. */
  unit: 'accounts' | 'deals'
  supportedCriteria: number
  testedCriteria: number
  validation: {
    kind: 'time' | 'random' | 'none'
    /** Which deals the figures come from. */
    description: string
    measuredOn: 'holdout' | 'in-sample'
    auc: number | null
    meets: boolean | null
    verdict: string
  }
  /** The model card. */
  builtOn: string
  validatedOn: string
  limits: string[]
  /** With no reliable signal: what data would settle the hypotheses (empty otherwise). */
  dataNeeded: string[]
}

/** Everything a deliverable prints, resolved from the workspace. */
/** The outcome in a deliverable's words (see shared/export/outcome-words.ts). */
export interface OutcomeWords {
  /** 'retained' for a churn study, whose won are the customers who stayed. */
  kind: 'won' | 'retained'
  /** "won" / "retained": "5,174 won". */
  won: string
  /** "lost" / "churned". */
  lost: string
  /** "win" / "stay": "accounts that … win more often". */
  present: string
  /** "won" / "stayed": "93% won [92–94%] vs 57% of the rest". */
  past: string
  /** "wins" / "stays": "tier A wins 1.9× as often". */
  thirdPerson: string
  /** "winning" / "staying": "a top tier winning at least 2× as often". */
  gerund: string
  /** "win rate" / "retention rate". */
  rate: string
  /** "loss rate" / "churn rate": the other outcome's rate, where most rows are won (or stay). */
  lossRate: string
  /** "wins" / "retained accounts": "60% of wins in the top tiers". */
  positives: string
  /** The statements' heading: "Who we win with" / "Who stays with us". */
  heading: string
  /** What a row of the outcome's table is: "deals" / "customers". */
  records: string
  /** The rows every figure counts, those with an outcome: "decided deals" / "customers". */
  decided: string
  /** What the newest rows are found by: "close dates" / "dates". */
  dates: string
  /** What a row's date records, after the rows: "deals closed before …" / "customers who renewed or left before …". */
  datedBy: string
  /** The days a row's two dates span: "sales cycle" / "tenure" (from a customer's start to renewal or leaving). */
  cycle: string
  /** When to look again: "as deals close" / "as new customer data comes in". */
  recheckWhen: string
  /** The evidence block's title. */
  evidenceTitle: string
  /** The label of the period the evidence covers: "Closed" / "Period". */
  periodLabel: string
}

export interface OnePagerContent {
  document: OnePagerDocument
  /** How this workspace's outcome is said: won and lost deals, or retained and churned customers. */
  outcomeWords: OutcomeWords
  /** The statements as drafted from the scorecard now (the editor offers them to start over). */
  draftedStatements: string[]
  /** Each drafted statement's evidence in small print (null: a statement of intent); printed under a statement while its text is as drafted. */
  statementEvidence: Array<string | null>
  /** How far the data carries this scorecard, and what it was built and checked on. */
  analysis: OnePagerAnalysis
  scorecard: {
    id: number
    name: string
    /** The newest saved version's name, or null when only the working copy exists. */
    version: string | null
    /** Criteria by category, in the scorecard's order: attribute, what qualifies, points. */
    categories: Array<{ name: string; budget: number; criteria: OnePagerCriterion[] }>
    tiers: Array<{ name: string; min: number; color: string }>
    /** Knockouts in words (the anti-ICP). */
    disqualifiers: string[]
  }
  evidence: {
    deals: number
    wins: number
    /** ISO dates of the first and last closed deal, when the data has close dates. */
    firstClosed: string | null
    lastClosed: string | null
    auc: number | null
    /** Null when there is nothing to compare: no deals, or a scorecard with nothing to score (its AUC is null too). */
    topTier: { name: string; lift: number | null; winRate: number | null } | null
    tiers: OnePagerTierEvidence[]
    /** Honest notes, e.g. "Only 24 decided deals in Tier C: read its win rate as a hint." */
    notes: string[]
  }
  /** The adjacent scorecard's name and definition, when chosen. */
  adjacent: { name: string; categories: OnePagerContent['scorecard']['categories'] } | null
  /**
   * The market line, when asked for and the workspace has a prospect list: list size, prospects
   * per tier, the list's source and date, and what could not be judged. Absent or null: not printed.
   */
  market?: string | null
}
