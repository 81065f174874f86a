/**
 * The first draft of the ICP statement, written only from what the data supports. A criterion
 * becomes a "win more often" sentence only when its accounts do win more often beyond chance
 * (after correcting for every criterion tested) and still do on the newest deals
 * (criterion-findings); each sentence carries its evidence in small print. When no criterion
 * passes, the draft turns into hypotheses to test, each with what the data shows so far and
 * how much more would settle it. Cycle ("close faster") claims are never drafted: the page's
 * evidence shows cycles per tier where the data has them. The consultant edits every sentence;
 * edited text is what the one-pager keeps.
 */

import type { CriterionFinding, FindingUnit, TogetherFinding } from '@shared/engine/discover/criterion-findings'
import { capitalize, isolated } from '@shared/format'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { joinWords, phraseOf, phraseOfBands, rawWords, type AttributeWords } from './readable-condition'
import { valueWords } from './readable-values'

export { phraseOf } from './readable-condition'

const INDUSTRY = /industry|vertical|sector|segment/i

export interface DraftedStatement {
  text: string
  /** The evidence in small print (null: a statement of intent, not a finding). */
  evidence: string | null
}

export interface DraftedStatements {
  statements: DraftedStatement[]
  /** False when no criterion is supported: the draft is a list of hypotheses to test. */
  reliable: boolean
}

export interface StatementContext {
  findings: readonly CriterionFinding[]
  /** Supported criteria of one attribute that score alike, as one claim each: stated as one trait. */
  together?: readonly TogetherFinding[]
  words?: (attribute: string) => AttributeWords
  /** The scorecard's verdict on the newest deals (null: none could be measured). */
  verdict?: { meets: boolean | null; sentence: string } | null
  /** Tested against won vs lost ('won') or best customers vs the rest ('best'). */
  target?: 'won' | 'best' | 'retained'
  /**
   * Whether the decided records carry dates (default true). Without them a review cannot pick
   * out what is new since the last one, so the review statement promises a fresh export instead.
   */
  dated?: boolean
  /** What a row of the outcome's table is: "deals" (default), or a churn study's "customers". */
  rows?: string
}

const pct = (rate: number | null): string => (rate === null ? 'n/a' : `${Math.round(rate * 100)}%`)
const count = (n: number): string => n.toLocaleString('en-US')
/** A finding's unit in words: accounts, or the rows (deals, a churn study's customers). */
const nounOf = (unit: FindingUnit, rows = 'deals'): string => (unit === 'accounts' ? 'accounts' : rows)

/** "412 accounts: 41% won [36–47%] vs 24% of the rest; on the newest deals 38% vs 22%." (or "on the held-out accounts") */
export function findingEvidence(finding: CriterionFinding, verb = 'won', rows = 'deals'): string {
  const { all, holdout, unit } = finding
  const [low, high] = finding.interval
  const base = `${count(all.matching)} ${nounOf(unit, rows)}: ${pct(finding.rate)} ${verb} [${Math.round(low * 100)}–${pct(high)}] vs ${pct(finding.othersRate)} of the other ${count(all.others)}`
  const newest =
    holdout && holdout.matching > 0 && holdout.others > 0
      ? `; on ${finding.heldOut} ${pct(holdout.matchingPositive / holdout.matching)} vs ${pct(holdout.othersPositive / holdout.others)}`
      : ''
  return `${base}${newest}.`
}

function subjectOf(finding: CriterionFinding, words: AttributeWords): string | null {
  const { condition } = finding
  if (condition.op === 'in' && INDUSTRY.test(words.label) && condition.values?.length)
    return `${joinWords(condition.values.map(valueWords), 'or')} companies`
  return null
}

function findingSentence(finding: CriterionFinding, words: AttributeWords, winWord: string, rows: string): string {
  const noun = nounOf(finding.unit, rows)
  const subject = subjectOf(finding, words)
  const more = finding.expected === 'higher' ? 'more' : 'less'
  if (subject) return `${subject} ${winWord} ${more} often than other ${noun}.`
  return capitalize(`${noun} ${findingPhrase(finding, words)} ${winWord} ${more} often than the rest.`)
}

/** Bands taken together that are not one range are named band by band. */
function findingPhrase(finding: CriterionFinding | TogetherFinding, words: AttributeWords): string {
  if ('conditions' in finding && finding.conditions.length > 1) return phraseOfBands(finding.conditions, words)
  return phraseOf(finding.condition, words)
}

/** How strongly a finding separates: the ratio of the two rates, the way it points. */
function separation(finding: CriterionFinding): number {
  const a = finding.rate ?? 0
  const b = finding.othersRate ?? 0
  const ratio = finding.expected === 'higher' ? (a + 0.01) / (b + 0.01) : (b + 0.01) / (a + 0.01)
  return ratio
}

interface Verbs {
  /** "win" more often; "won" in the evidence. */
  present: string
  past: string
  /** Where new evidence comes from: closed deals, or for a churn study the customers' newest data. */
  newEvidence: string
  /** When hypotheses can be re-tested: "as new deals close". */
  retestWhen: string
  /** What a quarterly re-test reads when the data has no dates to tell new records from old. */
  freshExport: string
}

const VERBS: Record<NonNullable<StatementContext['target']>, Verbs> = {
  won: {
    present: 'win',
    past: 'won',
    newEvidence: 'new closed deals',
    retestWhen: 'as new deals close',
    freshExport: 'a fresh export of closed deals'
  },
  best: {
    present: 'become best customers',
    past: 'became best customers',
    newEvidence: 'new closed deals',
    retestWhen: 'as new deals close',
    freshExport: 'a fresh export of closed deals'
  },
  retained: {
    present: 'stay',
    past: 'stayed',
    newEvidence: 'new customer data',
    retestWhen: 'as new customer data comes in',
    freshExport: 'a fresh export of customers'
  }
}

function hypothesis(finding: CriterionFinding, words: AttributeWords, verbs: Verbs, rows: string): DraftedStatement {
  const noun = nounOf(finding.unit, rows)
  const more = finding.expected === 'higher' ? 'more' : 'less'
  const text = `To test: do ${noun} ${phraseOf(finding.condition, words)} ${verbs.present} ${more} often than the rest?`
  const sofar =
    finding.all.matching === 0
      ? `No ${noun}${rows === 'deals' ? ' with a decided deal' : ''} meet it yet.`
      : `So far ${findingEvidence(finding, verbs.past, rows)}`
  const settle =
    finding.unitsToSettle !== null
      ? ` About ${count(finding.unitsToSettle)} decided ${noun} on each side would tell a difference of ${Math.max(10, Math.round(Math.abs((finding.rate ?? 0) - (finding.othersRate ?? 0)) * 100))} points from chance.`
      : ''
  return { text, evidence: `${sofar} ${finding.reason ?? ''}${settle}`.replace(/\s+/g, ' ').trim() }
}

/** 3-5 statements, most important first, each from a supported finding, or hypotheses when there are none. */
export function draftStatements(scorecard: Scorecard, context: StatementContext): DraftedStatements {
  const words = context.words ?? rawWords
  const verbs = VERBS[context.target ?? 'won']
  const rows = context.rows ?? 'deals'
  const byId = new Map(context.findings.map((f) => [f.id, f]))
  const criteria = scorecard.criteria.filter((c) => c.points !== 0)
  const supported = context.findings.filter((f) => f.supported)

  if (supported.length === 0) {
    const statements: DraftedStatement[] = []
    const candidates = criteria
      .slice()
      .sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
      .map((c) => byId.get(c.id))
      .filter((f): f is CriterionFinding => f !== undefined)
    const seen = new Set<string>()
    for (const finding of candidates) {
      if (statements.length >= 4 || seen.has(finding.condition.attribute)) continue
      seen.add(finding.condition.attribute)
      statements.push(hypothesis(finding, words(finding.condition.attribute), verbs, rows))
    }
    if (statements.length === 0) {
      statements.push({
        text: `To test: which traits separate the accounts that ${verbs.present} from those that do not? The scorecard has no criteria to test yet.`,
        evidence: null
      })
    }
    statements.push({
      text: `We will re-test these hypotheses ${verbs.retestWhen}, before sales time is allocated by them.`,
      evidence: null
    })
    return { statements, reliable: false }
  }

  const statements: DraftedStatement[] = []
  const seen = new Set<string>()
  // A criterion that scores alike with others of its attribute is stated as their trait: of
  // pdays bands up to 5, 6–8 and 9+ at +6, +7 and +6, "6–8" alone was true and misleading.
  const together = new Map<string, TogetherFinding>()
  for (const group of context.together ?? []) for (const id of group.members) together.set(id, group)
  // What the ICP is comes first; at most one "win less often" trait besides the knockout.
  const claims = [...new Set(supported.filter((f) => !f.id.startsWith('knockout:')).map((f) => together.get(f.id) ?? f))].sort((a, b) =>
    a.expected === b.expected ? separation(b) - separation(a) : a.expected === 'higher' ? -1 : 1
  )
  let negatives = 0
  for (const finding of claims) {
    if (statements.length >= 3 || seen.has(finding.condition.attribute)) continue
    if (finding.expected === 'lower' && negatives++ > 0) continue
    seen.add(finding.condition.attribute)
    statements.push({
      text: findingSentence(finding, words(finding.condition.attribute), verbs.present, rows),
      evidence: findingEvidence(finding, verbs.past, rows)
    })
  }

  const knockout = supported.find((f) => f.id.startsWith('knockout:'))
  if (knockout) {
    const noun = nounOf(knockout.unit, rows)
    statements.push({
      text: `We do not pursue ${noun} ${phraseOf(knockout.condition, words(knockout.condition.attribute))}: they ${verbs.present} less often than the rest and are disqualified whatever their score.`,
      evidence: findingEvidence(knockout, verbs.past, rows)
    })
  }

  const top = scorecard.tiers[0]
  if (top && context.verdict?.meets === true && statements.length < 5) {
    const tierName = /^tier\b/i.test(top.name) ? isolated(top.name) : `Tier ${isolated(top.name)}`
    statements.push({
      text: `${tierName} ${nounOf(claims[0]?.unit ?? 'accounts', rows)} (a score of ${top.min} or more) get first call on sales time.`,
      evidence: context.verdict.sentence
    })
  }
  if (statements.length < 5) {
    const text =
      context.dated === false
        ? `We re-test this profile every quarter on ${verbs.freshExport}.`
        : `We review this profile against ${verbs.newEvidence} every quarter.`
    statements.push({ text, evidence: null })
  }
  return { statements: statements.slice(0, 5), reliable: true }
}
