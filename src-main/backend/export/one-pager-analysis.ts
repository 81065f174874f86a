import type { Database } from 'better-sqlite3'
import { capitalize, isolated, singular } from '@shared/format'
import type { ScorecardValidation } from '@shared/domain/discover'
import type { EvidenceStrength, OnePagerAnalysis, OnePagerContent, OutcomeWords } from '@shared/domain/one-pager'
import { accountUnits, heldOutPart, HOLDOUT_SHARE, MIN_HOLDOUT_EACH, type ScorecardFindings } from '@shared/engine/discover'
import type { EngineDataset } from '@shared/engine/engine-dataset'
import { accountOutcomes } from '@shared/engine/representative-deals'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { conditionWords, type AttributeWords } from '@shared/export/readable-condition'
import { WON_WORDS } from '@shared/export/outcome-words'
import { discoverFor } from '../discover/discover-report'
import type { UnmergedSpellings } from './unmerged-spellings'

/** A tier with fewer accounts than this where it was measured: its rate there is a hint. */
const SMALL_TIER_ACCOUNTS = 30

const count = (n: number): string => n.toLocaleString('en-US')
const list = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`

export interface Leaks {
  /** Attributes flagged as recording the outcome, left out of the analysis. */
  leftOut: string[]
  /** Flagged attributes the scorecard uses anyway (the consultant overruled the flag). */
  used: string[]
}

/** Suspected leakage as Discover flags it (won vs lost): the model card names what was left out. */
export function leaksOf(db: Database, scorecard: Scorecard): Leaks {
  const { result } = discoverFor(db, 'won')
  const used = new Set([...scorecard.criteria, ...scorecard.knockouts].map((c) => c.attribute))
  const flagged = result.attributes.filter((a) => a.leakageSuspected)
  return {
    leftOut: flagged.filter((a) => !a.leakageOverruled && !used.has(a.name)).map((a) => a.name),
    used: flagged.filter((a) => used.has(a.name)).map((a) => a.name)
  }
}

interface AnalysisInput {
  scorecard: Scorecard
  dataset: EngineDataset | null
  findings: ScorecardFindings | null
  validation: ScorecardValidation | null
  evidence: OnePagerContent['evidence']
  words: (attribute: string) => AttributeWords
  /** Won and lost deals, or retained and churned customers (shared/export/outcome-words.ts). */
  outcome?: OutcomeWords
  leaks: Leaks
  /** Values the scorecard names that are probably one value written several ways (unmerged-spellings.ts). */
  unmerged?: readonly UnmergedSpellings[]
}

/**
 * A held-out AUC below this ranks little better than chance (the usual reading: 0.5-0.6 fails):
 * a HubSpot-shaped export's one-criterion scorecard (AUC 0.53) was told "use it to set priorities".
 */
const NEAR_CHANCE_AUC = 0.6

function strengthOf(supported: number, validation: ScorecardValidation | null): EvidenceStrength {
  if (supported === 0) return 'none'
  return validation?.measuredOn === 'holdout' && validation.verdict.meets === true ? 'strong' : 'weak'
}

function headlineOf(
  strength: EvidenceStrength,
  supported: number,
  tested: number,
  validation: ScorecardValidation | null,
  unit: string,
  heldOut: string,
  outcome: OutcomeWords
): string {
  const auc = validation?.auc != null ? ` (AUC ${validation.auc.toFixed(2)})` : ''
  switch (strength) {
    case 'none':
      return tested === 0
        ? 'No evidence yet: the scorecard has no criteria to test. Read this page as a plan, not as findings.'
        : `No reliable signal: none of the ${tested} criteria separates the ${unit} that ${outcome.present} from those that do not beyond chance, and on ${heldOut}. Read this page as hypotheses to test, not as findings.`
    case 'weak': {
      if (validation?.measuredOn === 'holdout' && validation.auc !== null && validation.auc < NEAR_CHANCE_AUC) {
        return `Weak evidence: ${supported} of ${tested} criteria hold up on their own, but the scorecard ranks ${heldOut} little better than chance${auc}: its tiers are not yet a guide to priorities. Rely on the criteria that hold up, and re-check it ${outcome.recheckWhen}.`
      }
      const why =
        validation?.measuredOn !== 'holdout'
          ? `but there were too few ${outcome.records} to check the scorecard on ${outcome.records} it was not built on`
          : validation.verdict.meets === null
            ? `but ${heldOut} are too few to tell whether its tiers separate${auc}`
            : `but the scorecard's tiers fall short of the standard on ${heldOut}${auc}`
      return `Weak evidence: ${supported} of ${tested} criteria hold up on their own, ${why}. Use it to set priorities, and re-check it ${outcome.recheckWhen}.`
    }
    case 'strong':
      return `Strong evidence: ${supported} of ${tested} criteria hold up on their own, and the tiers meet the standard on ${heldOut}${auc}.`
  }
}

/** The analysis of a workspace with no closed deals: nothing on the page has been tested. */
export function noEvidenceAnalysis(unit: 'accounts' | 'deals' = 'accounts'): OnePagerAnalysis {
  return {
    strength: 'none',
    headline: 'No evidence yet: no closed deals have been imported, so nothing on this page has been tested against the data.',
    unit,
    supportedCriteria: 0,
    testedCriteria: 0,
    validation: {
      kind: 'none',
      description: 'No closed deals to measure on.',
      measuredOn: 'in-sample',
      auc: null,
      meets: null,
      verdict: 'Not measured.'
    },
    builtOn: 'No closed deals.',
    validatedOn: 'Not validated.',
    limits: [],
    dataNeeded: ['Won and lost deals with the accounts they belong to: at least 100 of each to build on and to check on the newest.']
  }
}

/**
 * What the evidence was built on. A churn study's rows are customers, not deals: nothing is open,
 * and where each customer is an account of its own, naming the accounts again says nothing.
 */
function builtOnWords(
  all: { deals: number; positives: number },
  accounts: number,
  period: string,
  unit: 'accounts' | 'deals',
  outcome: OutcomeWords
): string {
  const counted = `${count(all.deals)} ${outcome.decided} (${count(all.positives)} ${outcome.won})`
  if (outcome.kind === 'retained') {
    if (accounts === all.deals) return `${counted}${period}. Customers with no churn value are not counted.`
    return `${counted} of ${count(accounts)} accounts${period}. Customers with no churn value are not counted; ${unit === 'accounts' ? `account facts count accounts: an account is ${outcome.won} when any of its customers is` : 'each customer counts once'}.`
  }
  return `${counted} from ${count(accounts)} accounts${period}. Open deals are not counted; ${unit === 'accounts' ? `account facts count accounts: an account is ${outcome.won} when any of its deals is, ${outcome.lost} when all of them are` : 'each deal counts once'}.`
}

/** The verdict, the model card and, without a reliable signal, what data would settle the hypotheses. */
export function analysisOf(input: AnalysisInput): OnePagerAnalysis {
  const { scorecard, dataset, findings, validation, evidence, words, leaks } = input
  const outcome = input.outcome ?? WON_WORDS
  const tested = findings?.findings.length ?? 0
  const supported = findings?.findings.filter((f) => f.supported).length ?? 0
  const byAccount = dataset !== null && accountUnits(dataset, dataset.outcome) !== null
  const unit = findings ? findings.unit : byAccount ? 'accounts' : 'deals'
  const strength = strengthOf(supported, validation)
  const label = (name: string) => words(name).label

  if (!dataset || !findings) return noEvidenceAnalysis(unit)

  const split = findings.split
  const all = split.holdoutCounts
    ? { deals: split.trainCounts.deals + split.holdoutCounts.deals, positives: split.trainCounts.positives + split.holdoutCounts.positives }
    : split.trainCounts
  // Every decided account, disqualified ones included (the tiers count only those they score).
  const accountsCounted = accountOutcomes(dataset).reduce((sum, outcome) => sum + (outcome >= 0 ? 1 : 0), 0)
  const period =
    evidence.firstClosed && evidence.lastClosed
      ? `, ${outcome.datedBy} ${evidence.firstClosed} to ${evidence.lastClosed}`
      : `, without ${outcome.dates}`
  const builtOn = builtOnWords(all, accountsCounted, period, unit, outcome)
  const aucText = validation?.auc != null ? ` AUC ${validation.auc.toFixed(2)}.` : ''
  const validatedOn = validation ? `${validation.description}${aucText} ${validation.verdict.sentence}` : 'Not validated.'

  const limits: string[] = []
  if (leaks.leftOut.length > 0)
    limits.push(`Left out as suspected leakage (they record the outcome rather than predict it): ${list(leaks.leftOut.map(label))}.`)
  if (leaks.used.length > 0)
    limits.push(`Uses ${list(leaks.used.map(label))}, flagged as possible leakage; the flag was overruled in Discover.`)
  // One line per column however many groups it has: a line per group repeated the same advice
  // and pushed the sample workspace's page past the bottom.
  const unmergedBy = new Map<string, string[][]>()
  for (const { attribute, values } of input.unmerged ?? []) unmergedBy.set(attribute, [...(unmergedBy.get(attribute) ?? []), values])
  for (const [attribute, groups] of unmergedBy) {
    const quoted = groups.map((values) => list(values.map((v) => `“${v}”`)))
    const one = groups.length === 1
    limits.push(
      `${label(attribute)}: ${quoted.join('; ')} ${one ? `are probably one value written ${groups[0]!.length} ways` : 'are each probably one value written several ways'}, but the scorecard counts them as different values: the import proposed merging them and ${one ? 'the merge was' : 'the merges were'} not applied. Merge them under Data hygiene, then suggest the scorecard again.`
    )
  }
  const unsupported = findings.findings.filter((f) => !f.supported)
  if (unsupported.length > 0 && supported > 0) {
    const named = unsupported.map((f) => conditionWords(f.condition, words(f.condition.attribute)))
    limits.push(
      unsupported.length === 1
        ? `1 of ${tested} criteria does not hold up on its own: ${named[0]}. It may still add to the score with the others.`
        : `${unsupported.length} of ${tested} criteria do not hold up on their own: ${named.join('; ')}. They may still add to the score together.`
    )
  }
  // Where each customer of a churn study is an account of its own, per row and per account are one count.
  const rowPerAccount = outcome.kind === 'retained' && accountsCounted === all.deals
  const dealLevel = [
    ...new Set(findings.findings.filter((f) => f.unit === 'deals' && byAccount && !rowPerAccount).map((f) => f.condition.attribute))
  ]
  const row = singular(outcome.records)
  if (dealLevel.length > 0)
    limits.push(
      `${list(dealLevel.map(label))} ${dealLevel.length === 1 ? 'describes' : 'describe'} ${outcome.records}, not accounts: counted per ${row}, with an account's ${outcome.records} tested together.`
    )
  if (validation && validation.measuredOn === 'holdout' && scorecard.criteria.length > 0) {
    const small = validation.tiers.filter((t) => t.name !== 'Disqualified' && t.accounts < SMALL_TIER_ACCOUNTS)
    if (small.length > 0)
      limits.push(
        `Small tiers on ${heldOutPart(split.kind, outcome.records)}: ${list(small.map((t) => `${isolated(t.name)} (${t.accounts} accounts)`))}; read their rates there as hints.`
      )
  }
  if (split.kind === 'random')
    limits.push(`Too few ${outcome.dates} to hold out the newest ${outcome.records}: checked on accounts held out at random instead.`)

  const dataNeeded: string[] = []
  if (strength === 'none') {
    const lost = all.deals - all.positives
    const each = Math.ceil(MIN_HOLDOUT_EACH / HOLDOUT_SHARE)
    if (split.kind === 'none')
      dataNeeded.push(
        `More ${outcome.decided}: at least ${each} ${outcome.won} and ${each} ${outcome.lost}, so the newest can be held back to check the profile on (now ${count(all.positives)} ${outcome.won} and ${count(lost)} ${outcome.lost}).`
      )
    if (!evidence.firstClosed)
      dataNeeded.push(`${capitalize(outcome.dates)} on the ${outcome.records}, so the profile can be checked on the newest ones.`)
    const settle = findings.findings.filter((f) => f.unitsToSettle !== null).sort((a, b) => a.unitsToSettle! - b.unitsToSettle!)[0]
    if (settle) {
      dataNeeded.push(
        `About ${count(settle.unitsToSettle!)} decided ${settle.unit} with "${conditionWords(settle.condition, words(settle.condition.attribute))}" and as many without would settle the most promising hypothesis.`
      )
    }
    if (scorecard.criteria.length === 0)
      dataNeeded.push('A scorecard to test: add criteria in Scorecards, or let Discover suggest them where the data has signal.')
    else
      dataNeeded.push(
        `Other traits: attributes the data does not hold yet (for example the buying trigger or the tech stack) may be what separates the accounts that ${outcome.present}.`
      )
  }

  return {
    strength,
    headline: headlineOf(strength, supported, tested, validation, unit, heldOutPart(findings.split.kind, outcome.records), outcome),
    unit,
    supportedCriteria: supported,
    testedCriteria: tested,
    validation: validation
      ? {
          kind: validation.kind,
          description: validation.description,
          measuredOn: validation.measuredOn,
          auc: validation.auc,
          meets: validation.verdict.meets,
          verdict: validation.verdict.sentence
        }
      : { kind: 'none', description: 'Not measured.', measuredOn: 'in-sample', auc: null, meets: null, verdict: 'Not measured.' },
    builtOn,
    validatedOn,
    limits,
    dataNeeded
  }
}
