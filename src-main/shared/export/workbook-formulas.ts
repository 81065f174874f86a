/**
 * The workbook's live formulas, as text. The "Scorecard" sheet holds the inputs (points, caps,
 * tier minimums) and derives the score scale from them; every "Scored accounts" row reads them,
 * so a client who changes one points cell re-scores every account exactly as the engine would
 * (docs/scorecard-format.md, "Score scale"; docs/exports.md).
 *
 * Where each thing sits on the Scorecard sheet is decided here once (`scorecardLayout`), and
 * both the sheet writer and the formulas read the same layout, so an address can never drift.
 */

import type { Scorecard } from '@shared/engine/scorecard/model'
import { DISQUALIFIED } from '@shared/engine/scorecard/model'

export const SCORECARD_SHEET = 'Scorecard'
export const ACCOUNTS_SHEET = 'Scored accounts'
/** The input column of the Scorecard sheet: points, caps and tier minimums all live in E. */
export const INPUT_COLUMN = 'E'
export const CRITERIA_HEADER_ROW = 4

/** 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let n = index + 1
  let letters = ''
  while (n > 0) {
    const rest = (n - 1) % 26
    letters = String.fromCharCode(65 + rest) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters
}

export interface ScorecardLayout {
  /** Row of criterion i (0-based i). */
  criterionRows: number[]
  /** Caps that apply (an attribute some criterion reads), with their row and the criteria they bound. */
  caps: Array<{ attribute: string; cap: number; row: number; criteria: number[] }>
  capsTitleRow: number | null
  scaleTitleRow: number
  minRow: number
  maxRow: number
  rangeRow: number
  tiersTitleRow: number
  tierRows: number[]
  knockoutsTitleRow: number | null
  knockoutRows: number[]
  lastRow: number
}

export function scorecardLayout(scorecard: Scorecard): ScorecardLayout {
  let row = CRITERIA_HEADER_ROW
  const criterionRows = scorecard.criteria.map(() => ++row)
  row++ // blank
  // The engine applies the first cap listed for an attribute (scoring/compile.ts).
  const seen = new Set<string>()
  const caps: ScorecardLayout['caps'] = []
  for (const { attribute, cap } of scorecard.attributeCaps ?? []) {
    if (seen.has(attribute)) continue
    seen.add(attribute)
    const criteria = scorecard.criteria.flatMap((c, i) => (c.attribute === attribute ? [i] : []))
    if (criteria.length > 0) caps.push({ attribute, cap, row: 0, criteria })
  }
  let capsTitleRow: number | null = null
  if (caps.length > 0) {
    capsTitleRow = ++row
    row++ // header
    for (const cap of caps) cap.row = ++row
    row++
  }
  const scaleTitleRow = ++row
  const minRow = ++row
  const maxRow = ++row
  const rangeRow = ++row
  row++
  const tiersTitleRow = ++row
  row++ // header
  const tierRows = scorecard.tiers.map(() => ++row)
  let knockoutsTitleRow: number | null = null
  const knockoutRows: number[] = []
  if (scorecard.knockouts.length > 0) {
    row++
    knockoutsTitleRow = ++row
    row++ // header
    for (let k = 0; k < scorecard.knockouts.length; k++) knockoutRows.push(++row)
  }
  return {
    criterionRows,
    caps,
    capsTitleRow,
    scaleTitleRow,
    minRow,
    maxRow,
    rangeRow,
    tiersTitleRow,
    tierRows,
    knockoutsTitleRow,
    knockoutRows,
    lastRow: row
  }
}

const input = (row: number): string => `${INPUT_COLUMN}${row}`
const fromAccounts = (row: number): string => `${SCORECARD_SHEET}!$${INPUT_COLUMN}$${row}`
const sum = (terms: readonly string[]): string => (terms.length === 0 ? '0' : terms.join('+'))

/**
 * The scale's bounds on the Scorecard sheet (scoring/scale.ts): per attribute, its positive
 * points summed (its negative ones for the minimum), clipped to the cap when it has one.
 */
export function scaleFormulas(layout: ScorecardLayout): { min: string; max: string; range: string } {
  const capped = new Set(layout.caps.flatMap((cap) => cap.criteria))
  const uncapped = layout.criterionRows.filter((_, i) => !capped.has(i))
  const min = [
    ...uncapped.map((row) => `MIN(${input(row)},0)`),
    ...layout.caps.map((cap) => `MAX(-${input(cap.row)},${sum(cap.criteria.map((i) => `MIN(${input(layout.criterionRows[i]!)},0)`))})`)
  ]
  const max = [
    ...uncapped.map((row) => `MAX(${input(row)},0)`),
    ...layout.caps.map((cap) => `MIN(${input(cap.row)},${sum(cap.criteria.map((i) => `MAX(${input(layout.criterionRows[i]!)},0)`))})`)
  ]
  return { min: sum(min), max: sum(max), range: `${input(layout.maxRow)}-${input(layout.minRow)}` }
}

/** Where things sit on a "Scored accounts" row, as column letters. */
export interface AccountColumns {
  score: string
  tier: string
  points: string
  knockout: string
  /** Per criterion: the points cell and the 0/1 "meets the condition" cell. */
  criteria: string[]
  matches: string[]
}

/** The formulas of one account row (row number `r`). */
export function accountFormulas(layout: ScorecardLayout, columns: AccountColumns, r: number, tierCount: number) {
  const criterion = (i: number): string => `${columns.matches[i]}${r}*${fromAccounts(layout.criterionRows[i]!)}`
  const n = columns.criteria.length
  let points = n === 0 ? '0' : `SUM(${columns.criteria[0]}${r}:${columns.criteria[n - 1]}${r})`
  // A capped attribute: swap its criteria's plain sum for the sum clipped to -cap..cap.
  for (const cap of layout.caps) {
    const cells = `(${cap.criteria.map((i) => `${columns.criteria[i]}${r}`).join('+')})`
    const limit = fromAccounts(cap.row)
    points += `+MAX(-${limit},MIN(${limit},${cells}))-${cells}`
  }
  const min = fromAccounts(layout.minRow)
  const range = fromAccounts(layout.rangeRow)
  // round half up in whole numbers, exactly as scaleScore: floor((200 * offset + range) / (2 * range)).
  // The bracket after "-" is for readers that move shared formulas by pattern (exceljs): they
  // take "E2-Scorecard!" for a sheet name and leave E2 unmoved; Excel and LibreOffice do not care.
  const score = `IF(${range}<=0,0,INT((200*MIN(MAX(${columns.points}${r}-(${min}),0),${range})+${range})/(2*${range})))`
  let tier = tierCount === 0 ? '""' : `${SCORECARD_SHEET}!$B$${layout.tierRows[tierCount - 1]}`
  for (let t = tierCount - 2; t >= 0; t--) {
    tier = `IF(${columns.score}${r}>=${fromAccounts(layout.tierRows[t]!)},${SCORECARD_SHEET}!$B$${layout.tierRows[t]},${tier})`
  }
  tier = `IF(${columns.knockout}${r}<>"","${DISQUALIFIED}",${tier})`
  return { criterion, points, score, tier }
}

/** Where the ICP sheet reads the scored accounts: the Tier and Outcome columns, rows 2 to `lastRow`. */
export interface AccountRange {
  tier: string
  outcome: string
  lastRow: number
  /** The Outcome column's words for won and lost (a churn study's: retained and churned); default won, lost. */
  labels?: { won: string; lost: string }
}

const quotedAccounts = `'${ACCOUNTS_SHEET}'`

/**
 * The ICP sheet's live figures, as formulas over the Scorecard sheet and the Scored accounts
 * sheet, so the one-pager's numbers in the workbook follow a points edit like the scores do.
 */
export function icpFormulas(layout: ScorecardLayout, accounts: AccountRange) {
  // An empty sheet still gets a valid range (row 2 alone), never one that wraps onto the header.
  const rows = (column: string) => `${quotedAccounts}!$${column}$2:$${column}$${Math.max(2, accounts.lastRow)}`
  const tierName = (t: number) => `${SCORECARD_SHEET}!$B$${layout.tierRows[t]}`
  const labels = accounts.labels ?? { won: 'won', lost: 'lost' }
  const count = (tier: string, outcome?: 'won' | 'lost') =>
    outcome
      ? `COUNTIFS(${rows(accounts.tier)},${tier},${rows(accounts.outcome)},"${labels[outcome]}")`
      : `COUNTIF(${rows(accounts.tier)},${tier})`
  const rate = (won: string, lost: string) => `IF((${won})+(${lost})=0,"n/a",(${won})/((${won})+(${lost})))`
  const overallWon = `COUNTIF(${rows(accounts.outcome)},"${labels.won}")`
  const overallLost = `COUNTIF(${rows(accounts.outcome)},"${labels.lost}")`
  return {
    /** A criterion's points as the Scorecard sheet has them now. */
    points: (criterion: number): string => fromAccounts(layout.criterionRows[criterion]!),
    /** "80-100": from the tier's lowest score (0 for the last tier) to the next tier's minus one. */
    scores: (t: number, tierCount: number): string => {
      const from = t === tierCount - 1 ? '0' : fromAccounts(layout.tierRows[t]!)
      const to = t === 0 ? '100' : `${fromAccounts(layout.tierRows[t - 1]!)}-1`
      return `${from}&"-"&(${to})`
    },
    /** Accounts in tier t (by name, so a renamed tier follows), or Disqualified. */
    accounts: (t: number | 'disqualified'): string => count(t === 'disqualified' ? `"${DISQUALIFIED}"` : tierName(t)),
    decided: (t: number | 'disqualified'): string => {
      const tier = t === 'disqualified' ? `"${DISQUALIFIED}"` : tierName(t)
      return `${count(tier, 'won')}+${count(tier, 'lost')}`
    },
    won: (t: number | 'disqualified'): string => count(t === 'disqualified' ? `"${DISQUALIFIED}"` : tierName(t), 'won'),
    /** Won over decided accounts in the tier; "n/a" when none is decided. */
    winRate: (t: number | 'disqualified'): string => {
      const tier = t === 'disqualified' ? `"${DISQUALIFIED}"` : tierName(t)
      return rate(count(tier, 'won'), count(tier, 'lost'))
    },
    /** The top tier's win rate over every decided account's (what the one-pager calls lift). */
    lift: (): string => {
      const top = rate(count(tierName(0), 'won'), count(tierName(0), 'lost'))
      const base = rate(overallWon, overallLost)
      return `IFERROR((${top})/(${base}),"n/a")`
    }
  }
}
