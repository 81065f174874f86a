/**
 * The 90-day review of a scorecard: the deals closed since it was built against the deals it was
 * built on. Per tier, each period's win rate (with its interval), median cycle and won deal size;
 * the ranking (AUC) in each period; how far the score and each attribute drifted (PSI); the wins
 * it placed in the lowest tier and the losses it placed in the top one; and a verdict.
 *
 * The verdict's rules, in order (docs/review.md):
 * - too-early: under 30 decided deals in either period, or under 10 wins or 10 losses — nothing to
 *   conclude yet;
 * - rebuild: the scorecard has no criteria;
 * - rebuild: the ranking has failed on the new deals — AUC under 0.6, or the top tier no longer
 *   wins more often than the lowest (its interval's top at or under the lowest tier's rate);
 * - re-weight: the ranking holds but moved — AUC down 0.05 or more, the top tier's win rate down
 *   beyond both periods' intervals, or the score or an attribute shifted (PSI 0.25 or more);
 * - keep: none of these.
 */

import type {
  ReviewWords,
  ReviewCase,
  ReviewDecision,
  ReviewDrift,
  ReviewPeriod,
  ReviewReport,
  ReviewTierFigures,
  ReviewTierRow,
  ReviewVerdict
} from '@shared/domain/review'
import { reasonCodes, reasonsLine } from '@shared/engine/scoring/reason-codes'
import { DISQUALIFIED, type Criterion } from '@shared/engine/scorecard/model'
import { attributeDrift, driftReading } from './attribute-drift'
import { FIXED_BANDS, tierBands, TOO_SMALL_BAND, type BandRow } from './bands'
import type { PeriodReport } from './out-of-time'
import type { Simulation } from './simulation'
import { DEAL_REVIEW_WORDS } from './review-words'

export const REVIEW_MIN_DEALS = TOO_SMALL_BAND
/** Wins and losses each: with fewer, AUC and the tiers' separation cannot be measured. */
export const REVIEW_MIN_CLASS = 10
export const REVIEW_AUC_FLOOR = 0.6
export const REVIEW_AUC_DROP = 0.05
export const REVIEW_SHIFT_PSI = 0.25
const CASES = 10

export interface ReviewOptions {
  scorecard: { id: number; name: string }
  cutMs: number
  sinceSource: ReviewReport['sinceSource']
  /** The last close date (YYYY-MM-DD) of the deals the scorecard was built on, when recorded. */
  builtThrough: string | null
  /** An attribute's client-facing label, and how its numbers read in a bin label. */
  attributeLabel(attribute: string): string
  formatNumber(attribute: string, value: number): string
  /** A category or list value as the client reads it ("COMPUTER_SOFTWARE" as "Computer software"). */
  valueWords(value: string): string
  /** A criterion in the client's words (reason codes). */
  criterionWords(criterion: Criterion): string
  /** Deals, or a churn study's customers (default: deals). */
  words?: ReviewWords
}

const isoDay = (ms: number | null): string | null => (ms === null || !Number.isFinite(ms) ? null : new Date(ms).toISOString().slice(0, 10))
const finite = (value: number): number | null => (Number.isFinite(value) ? value : null)
const pct = (rate: number): string => `${Math.round(rate * 100)}%`
const nextDay = (iso: string): string => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
const count = (n: number): string => n.toLocaleString('en-US')
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
/** "2026-01-01" -> "January 1, 2026": sentences read as a client reads them. */
const longDate = (iso: string): string => {
  const [year, month, day] = iso.split('-').map(Number)
  return `${MONTHS[(month ?? 1) - 1]} ${day}, ${year}`
}

function figures(row: BandRow | undefined): ReviewTierFigures {
  if (!row || row.n === 0) return { deals: 0, wins: 0, winRate: null, ci: null, medianCycleDays: null, meanWonAmount: null, tooSmall: true }
  return {
    deals: row.n,
    wins: row.wins,
    winRate: row.winRate,
    ci: row.ci,
    medianCycleDays: finite(row.medianCycleDays),
    meanWonAmount: row.wins > 0 ? finite(row.meanWonAmount) : null,
    tooSmall: row.tooSmall
  }
}

/** The period's decided deals and the first and last close date among them (open deals have dates too, but are not reviewed). */
function periodOf(report: PeriodReport, rows: Uint8Array, closedAt: Float64Array): ReviewPeriod {
  const deals = report.bands.reduce((n, row) => n + row.n, 0)
  const wins = report.bands.reduce((n, row) => n + row.wins, 0)
  let first = Infinity
  let last = -Infinity
  for (let row = 0; row < rows.length; row++) {
    if (!rows[row]) continue
    first = Math.min(first, closedAt[row]!)
    last = Math.max(last, closedAt[row]!)
  }
  return { from: first === Infinity ? null : isoDay(first), through: last === -Infinity ? null : isoDay(last), deals, wins }
}

function verdictOf(report: Omit<ReviewReport, 'verdict' | 'caveat'> & { criteria: number }): ReviewVerdict {
  const findings: string[] = []
  const { built, review, auc, tiers, words: w } = report
  const fresh = `${w.fresh} ${w.records}`
  const thin = [
    review.deals < REVIEW_MIN_DEALS &&
      `${count(review.deals)} ${review.deals === 1 ? w.decidedOne : w.decided} ${w.since} ${longDate(report.since)} (at least ${REVIEW_MIN_DEALS} are needed)`,
    built.deals < REVIEW_MIN_DEALS &&
      `${count(built.deals)} ${w.decided} ${w.before} ${longDate(report.since)} (at least ${REVIEW_MIN_DEALS} are needed)`,
    review.deals >= REVIEW_MIN_DEALS &&
      Math.min(review.wins, review.deals - review.wins) < REVIEW_MIN_CLASS &&
      `the ${fresh} are ${count(review.wins)} ${w.won} and ${count(review.deals - review.wins)} ${w.lost} (at least ${REVIEW_MIN_CLASS} of each are needed to tell whether it ranks them)`,
    built.deals >= REVIEW_MIN_DEALS &&
      Math.min(built.wins, built.deals - built.wins) < REVIEW_MIN_CLASS &&
      `the earlier ${w.records} are ${count(built.wins)} ${w.won} and ${count(built.deals - built.wins)} ${w.lost} (at least ${REVIEW_MIN_CLASS} of each are needed)`
  ].filter((reason): reason is string => typeof reason === 'string')
  if (thin.length > 0) {
    return {
      decision: 'too-early',
      sentence: `Not enough to go on yet: ${thin.join('; ')}. Import the latest export, or review from an earlier date.`,
      findings: thin
    }
  }
  if (report.criteria === 0) {
    return {
      decision: 'rebuild',
      sentence: `The scorecard has no criteria: every ${w.record} scores the same, so there is nothing to keep. Build one from the data in Discover or Scorecards.`,
      findings: ['The scorecard has no criteria.']
    }
  }
  const top = tiers[0]?.review
  const bottom = [...tiers].reverse().find((t) => t.tier !== DISQUALIFIED)?.review
  const topBuilt = tiers[0]?.built
  let decision: ReviewDecision = 'keep'
  const raise = (to: ReviewDecision) => {
    if (to === 'rebuild' || (to === 're-weight' && decision === 'keep')) decision = to
  }
  if (auc.review !== null && auc.review < REVIEW_AUC_FLOOR) {
    raise('rebuild')
    findings.push(
      `The score barely ranks the ${fresh}: AUC ${auc.review.toFixed(2)} (0.5 is chance; under ${REVIEW_AUC_FLOOR} the ranking has failed).`
    )
  }
  if (top && bottom && top.ci && bottom.winRate !== null && top.ci[1] <= bottom.winRate && tiers.length > 1) {
    raise('rebuild')
    findings.push(
      w.kind === 'retained'
        ? `Tier ${tiers[0]!.tier} no longer keeps its customers more often than the lowest tier among the ${fresh}: ${pct(top.winRate!)} vs ${pct(bottom.winRate)} retained.`
        : `Tier ${tiers[0]!.tier} no longer wins more often than the lowest tier on the ${fresh}: ${pct(top.winRate!)} vs ${pct(bottom.winRate)}.`
    )
  }
  if (auc.built !== null && auc.review !== null && auc.built - auc.review >= REVIEW_AUC_DROP) {
    raise('re-weight')
    findings.push(
      `The ranking weakened: AUC ${auc.review.toFixed(2)} on the ${fresh} against ${auc.built.toFixed(2)} on the ${w.records} it was built on.`
    )
  }
  // A drop counts only beyond both intervals: a new quarter's rate swings on its own.
  if (top?.winRate != null && top.ci && topBuilt?.ci && !top.tooSmall && top.ci[1] < topBuilt.ci[0]) {
    raise('re-weight')
    findings.push(
      `Tier ${tiers[0]!.tier} ${w.kind === 'retained' ? 'keeps fewer of its customers' : 'wins less often'} than before: ${pct(top.winRate)} (${pct(top.ci[0])}–${pct(top.ci[1])}) against ${pct(topBuilt.winRate!)} (${pct(topBuilt.ci[0])}–${pct(topBuilt.ci[1])}).`
    )
  }
  if (report.scoreDrift.psi !== null && report.scoreDrift.psi >= REVIEW_SHIFT_PSI) {
    raise('re-weight')
    findings.push(`The scores shifted: PSI ${report.scoreDrift.psi.toFixed(2)} between the periods (0.25 and over is a real shift).`)
  }
  for (const drift of report.attributeDrift.filter((d) => d.psi >= REVIEW_SHIFT_PSI)) {
    raise('re-weight')
    const moved = drift.moved[0]
    findings.push(
      `${drift.label} shifted (PSI ${drift.psi.toFixed(2)})${moved ? `: ${moved.label} went from ${pct(moved.before)} to ${pct(moved.after)} of the ${w.records}` : ''}.`
    )
  }
  const topWords =
    top?.winRate != null && bottom?.winRate != null
      ? ` Tier ${tiers[0]!.tier} ${w.tierPast} ${pct(top.winRate)} of its ${fresh}, the lowest tier ${pct(bottom.winRate)}.`
      : ''
  const since = `${w.since} ${longDate(report.since)}`
  // The decision is printed before the sentence ("Keep.", "Re-weight."), so the sentence says why.
  const sentence =
    decision === 'keep'
      ? `The scorecard ranks the ${count(review.deals)} ${w.records} ${since} as it ranked the earlier ${w.records} (AUC ${auc.review?.toFixed(2) ?? 'n/a'}), and nothing it reads has shifted.${topWords}`
      : decision === 're-weight'
        ? `The scorecard still ranks the ${count(review.deals)} ${w.records} ${since} (AUC ${auc.review?.toFixed(2) ?? 'n/a'}), but ${findings.length === 1 ? 'one thing has' : `${findings.length} things have`} moved since it was built: revisit the points of what moved.${topWords}`
        : `On the ${count(review.deals)} ${w.records} ${since} the scorecard no longer separates ${w.separates}: fit it again on recent ${w.records}.${topWords}`
  return { decision, sentence, findings }
}

function cases(simulation: Simulation, rows: number[], options: ReviewOptions, reasonWords: string[]): ReviewCase[] {
  const { dataset } = simulation.view
  const { compiled, scored } = simulation
  const criteria = compiled.criteria.map((c) => c.criterion)
  const caps = compiled.scorecard.attributeCaps ?? []
  return rows.slice(0, CASES).map((row) => {
    const matches = compiled.criteria.map((c) => c.mask[row]!)
    const knocked = scored.knockedOutBy[row]!
    const tier = scored.tiers[row]!
    return {
      dealId: dataset.dealIds[row] ?? '',
      accountId: dataset.accountIds[row] ?? '',
      accountName: dataset.accountNames[row] ?? '',
      score: scored.scores[row]!,
      tier: tier < 0 ? DISQUALIFIED : (compiled.scorecard.tiers[tier]?.name ?? ''),
      closedOn: isoDay(finite(dataset.closedAt[row]!)),
      amount: finite(dataset.amount[row]!),
      reasons: reasonsLine(
        reasonCodes(criteria, matches, reasonWords, caps),
        knocked >= 0 ? (compiled.knockouts[knocked]?.knockout.name ?? DISQUALIFIED) : null
      )
    }
  })
}

export function quarterlyReview(simulation: Simulation, options: ReviewOptions): ReviewReport {
  const { view, compiled, scored } = simulation
  const { dataset } = view
  const tiers = compiled.scorecard.tiers
  const threshold = tiers[0]?.min ?? 80
  const byTier = simulation.outOfTime(options.cutMs, threshold, tierBands(tiers))
  const byScore = simulation.outOfTime(options.cutMs, threshold, FIXED_BANDS)

  const tierRows: ReviewTierRow[] = byTier.before.bands.map((row, i) => ({
    tier: row.name,
    built: figures(row),
    review: figures(byTier.after.bands[i])
  }))

  // The same deals the periods counted: decided, with a close date on either side of the cut.
  const before = new Uint8Array(dataset.rowCount)
  const after = new Uint8Array(dataset.rowCount)
  for (let row = 0; row < dataset.rowCount; row++) {
    if (view.target[row]! < 0 || (view.include && !view.include[row])) continue
    const at = dataset.closedAt[row]!
    if (Number.isNaN(at)) continue
    if (at < options.cutMs) before[row] = 1
    else after[row] = 1
  }
  const built = periodOf(byTier.before, before, dataset.closedAt)
  const review = periodOf(byTier.after, after, dataset.closedAt)
  const attributes: string[] = []
  for (const c of [...compiled.scorecard.criteria, ...compiled.scorecard.knockouts])
    if (!attributes.includes(c.attribute)) attributes.push(c.attribute)
  const attributeDriftRows: ReviewDrift[] = attributes
    .flatMap((name) => {
      const column = dataset.attributes.get(name)
      if (!column) return []
      const drift = attributeDrift(name, column, before, after, (value) => options.formatNumber(name, value))
      if (!Number.isFinite(drift.psi)) return []
      const worded =
        column.kind === 'category' || column.kind === 'multi'
          ? drift.bins.map((b) => ({ ...b, label: b.label === 'missing' ? b.label : options.valueWords(b.label) }))
          : drift.bins
      const moved = [...worded].sort((x, y) => Math.abs(y.after - y.before) - Math.abs(x.after - x.before)).slice(0, 3)
      return [{ attribute: name, label: options.attributeLabel(name), psi: drift.psi, reading: drift.reading, moved }]
    })
    .sort((x, y) => y.psi - x.psi)

  const lowest = tiers.length - 1
  const missed: number[] = []
  const alarms: number[] = []
  for (let row = 0; row < dataset.rowCount; row++) {
    if (!after[row]) continue
    const tier = scored.tiers[row]!
    if (view.target[row] === 1 && (tier === lowest || tier < 0)) missed.push(row)
    if (view.target[row] === 0 && tier === 0) alarms.push(row)
  }
  missed.sort((x, y) => scored.scores[x]! - scored.scores[y]! || x - y)
  alarms.sort((x, y) => scored.scores[y]! - scored.scores[x]! || x - y)
  const reasonWords = compiled.criteria.map((c) => options.criterionWords(c.criterion))
  const psi = finite(byScore.psi.total)

  const words = options.words ?? DEAL_REVIEW_WORDS
  const report: Omit<ReviewReport, 'verdict' | 'caveat'> = {
    scorecard: options.scorecard,
    words,
    since: isoDay(options.cutMs) ?? '',
    sinceSource: options.sinceSource,
    built,
    review,
    undated: byTier.undated,
    tiers: tierRows,
    auc: { built: built.deals > 0 ? finite(byTier.before.auc) : null, review: review.deals > 0 ? finite(byTier.after.auc) : null },
    scoreDrift: { psi, reading: psi === null ? null : driftReading(psi) },
    attributeDrift: attributeDriftRows,
    missedWins: cases(simulation, missed, options, reasonWords),
    missedWinsTotal: missed.length,
    falseAlarms: cases(simulation, alarms, options, reasonWords),
    falseAlarmsTotal: alarms.length
  }
  const overlap = options.builtThrough !== null && report.since <= options.builtThrough
  const caveat = overlap
    ? `The scorecard was built on ${words.records} ${words.upTo} ${longDate(options.builtThrough!)}, so the ${words.records} reviewed here include ${words.records} it was fitted on: the review flatters it. Review from ${longDate(nextDay(options.builtThrough!))} on to see how it does on ${words.records} it has not seen.`
    : null
  return { ...report, verdict: verdictOf({ ...report, criteria: compiled.criteria.length }), caveat }
}
