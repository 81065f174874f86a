import { marketLineFor } from '../prospects/one-pager-market'
import type { Database } from 'better-sqlite3'
import { isolated } from '@shared/format'
import type { OnePagerContent, OnePagerDocument, OnePagerTierEvidence, OutcomeWords } from '@shared/domain/one-pager'
import type { SimulationReport } from '@shared/domain/simulation'
import { criterionFindings, type ScorecardFindings } from '@shared/engine/discover'
import type { EngineDataset } from '@shared/engine/engine-dataset'
import { accountOutcomes, representativeDeals } from '@shared/engine/representative-deals'
import { describeCondition } from '@shared/engine/scorecard/describe-condition'
import type { Condition, Scorecard } from '@shared/engine/scorecard/model'
import { compileScorecard } from '@shared/engine/scoring/compile'
import { scoreCompiled } from '@shared/engine/scoring/score'
import { TOO_SMALL_BAND } from '@shared/engine/simulation/bands'
import { defaultOnePagerDocument, normalizeBlocks } from '@shared/export/default-one-pager'
import { draftStatements, findingEvidence } from '@shared/export/draft-statements'
import { conditionWords, qualifiesWords, rawWords, type AttributeWords } from '@shared/export/readable-condition'
import { AppError } from '../app-error'
import { attributeWordsOf } from '../dataset/attribute-words'
import { WON_WORDS } from '@shared/export/outcome-words'
import { workspaceOutcomeWords } from '../dataset/dataset-summary'
import { validateOnNewest } from '../discover/scorecard-validation'
import { engineDatasetFor } from '../engine/engine-dataset-cache'
import { analysisOf, leaksOf } from './one-pager-analysis'
import { unmergedSpellings } from './unmerged-spellings'
import { readContent } from '../scorecards/scorecard-content'
import { findScorecard, listScorecards, listVersions } from '../scorecards/scorecard-queries'
import { runSimulation } from '../simulate/run-simulation'
import { readWorkspaceRow } from '../store/workspace-queries'
import { readOnePager } from './one-pager-queries'
import { workingScorecard } from '../scorecards/working-scorecard'

/** Colours for tiers saved without one, highest first (the editor's defaults). */
const TIER_COLORS = ['#2f855a', '#d69e2e', '#a0aec0', '#718096', '#4a5568']

type Words = (attribute: string) => AttributeWords

/** What qualifies for a criterion, in the words of its column ("51–200", "is SaaS, FinTech", "under $1M"). */
export function qualifies(condition: Condition, words: Words = rawWords): string {
  return qualifiesWords(condition, words(condition.attribute).kind)
}

function categoriesInWords(
  scorecard: Scorecard,
  words: Words,
  findings: ScorecardFindings | null,
  outcome: OutcomeWords = WON_WORDS
): OnePagerContent['scorecard']['categories'] {
  const byId = new Map((findings?.findings ?? []).map((f) => [f.id, f]))
  const names = scorecard.categories.map((c) => c.name)
  // A criterion whose category is not listed still prints, under its own heading.
  for (const criterion of scorecard.criteria) if (!names.includes(criterion.category)) names.push(criterion.category)
  return names.map((name) => ({
    name,
    budget: scorecard.categories.find((c) => c.name === name)?.budget ?? 0,
    criteria: scorecard.criteria
      .filter((c) => c.category === name)
      .map((c) => {
        const finding = byId.get(c.id)
        return {
          attribute: words(c.attribute).label,
          qualifies: qualifies(c, words),
          points: c.points,
          supported: finding ? finding.supported : null,
          evidence: finding ? findingEvidence(finding, outcome.past, outcome.records) : null
        }
      })
  }))
}

function today(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** The other scorecard named like an adjacent ICP, when this one is not. */
function defaultAdjacent(db: Database, scorecardId: number, name: string): number | null {
  if (/adjacent/i.test(name)) return null
  return listScorecards(db).find((s) => s.id !== scorecardId && /adjacent/i.test(s.name))?.id ?? null
}

const percent = (rate: number | null): string => (rate === null ? 'n/a' : `${Math.round(rate * 100)}%`)

/** The decided deals' dataset, or null when none have been imported (the page then says why it has no evidence). */
function datasetOrNull(db: Database): EngineDataset | null {
  try {
    return engineDatasetFor(db)
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null
    throw error
  }
}

function evidenceOf(db: Database, scorecard: Scorecard, dataset: EngineDataset | null, outcome: OutcomeWords): OnePagerContent['evidence'] {
  const empty: OnePagerContent['evidence'] = {
    deals: 0,
    wins: 0,
    firstClosed: null,
    lastClosed: null,
    auc: null,
    topTier: null,
    tiers: [],
    notes: []
  }
  let report: SimulationReport
  try {
    if (!dataset) throw new AppError('NOT_FOUND', 'No deals')
    report = runSimulation(db, scorecard, { outcome: 'won', threshold: scorecard.tiers[0]?.min ?? 80 })
  } catch (error) {
    // A workspace without deals still gets its one-pager; the evidence says why it is empty.
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      return { ...empty, notes: ['No closed deals have been imported yet, so there is no evidence to show.'] }
    }
    throw error
  }

  let first = Infinity
  let last = -Infinity
  for (let row = 0; row < dataset.rowCount; row++) {
    const closed = dataset.closedAt[row]!
    if (dataset.outcome[row] === -1 || !Number.isFinite(closed)) continue
    if (closed < first) first = closed
    if (closed > last) last = closed
  }
  const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10)
  // A scorecard with nothing to score puts every account in its last tier: an AUC of 0.50, a
  // lift and empty tiers would be figures about nothing (the model card says there is nothing to validate).
  const unscored = scorecard.criteria.every((c) => c.points === 0) && scorecard.knockouts.length === 0
  // Accounts per tier by the one rule every screen and export uses: each account in the tier of
  // its most recent deal, counted when it is decided (won when any deal was won, lost when all were).
  const rowTiers = scoreCompiled(compileScorecard(scorecard, dataset)).tiers
  const outcomes = accountOutcomes(dataset)
  const decided = new Int32Array(scorecard.tiers.length)
  const won = new Int32Array(scorecard.tiers.length)
  representativeDeals(dataset).forEach((row, account) => {
    const tier = row >= 0 ? rowTiers[row]! : -1
    if (tier < 0 || outcomes[account]! < 0) return
    decided[tier]!++
    if (outcomes[account] === 1) won[tier]!++
  })

  const tiers: OnePagerTierEvidence[] = scorecard.tiers.map((tier, index) => {
    const row = report.tiers.find((t) => t.name === tier.name && t.from !== null)
    return {
      name: tier.name,
      color: tier.color ?? TIER_COLORS[index] ?? '#718096',
      min: tier.min,
      deals: row?.n ?? 0,
      wins: row?.wins ?? 0,
      accounts: decided[index]!,
      wonAccounts: won[index]!,
      winRate: row?.winRate ?? null,
      medianCycleDays: row?.medianCycleDays ?? null,
      small: row ? row.tooSmall : true
    }
  })

  const notes: string[] = []
  if (report.n < TOO_SMALL_BAND) {
    notes.push(`Only ${report.n} ${outcome.decided}: every figure here is a first read, not a finding.`)
  } else if (report.n < 200) {
    notes.push(`${report.n} ${outcome.decided}: the differences between tiers are indicative; re-check them ${outcome.recheckWhen}.`)
  }
  for (const tier of unscored ? [] : tiers) {
    if (tier.small && tier.deals > 0)
      notes.push(
        `Only ${tier.deals} ${outcome.decided} in ${isolated(tier.name)}: read its ${outcome.rate} (${percent(tier.winRate)}) as a hint.`
      )
    if (tier.deals === 0) notes.push(`No ${outcome.decided} scored in ${isolated(tier.name)}.`)
  }
  const disqualified = report.tiers.find((t) => t.from === null)
  if (disqualified && disqualified.n > 0) {
    notes.push(
      `${disqualified.n} ${outcome.records} were disqualified by the knockouts and are left out of the tiers (${outcome.rate} ${percent(disqualified.winRate)}).`
    )
  }
  if (!Number.isFinite(first)) notes.push(`The data has no ${outcome.dates}, so the period the evidence covers is unknown.`)
  const period = { firstClosed: Number.isFinite(first) ? isoDate(first) : null, lastClosed: Number.isFinite(last) ? isoDate(last) : null }
  if (unscored) return { ...empty, deals: report.n, wins: report.wins, ...period, tiers, notes }
  if (report.auc === null) notes.push(`The AUC needs both ${outcome.won} and ${outcome.lost} ${outcome.records}.`)

  const top = tiers[0]
  return {
    deals: report.n,
    wins: report.wins,
    ...period,
    auc: report.auc,
    topTier: top ? { name: top.name, lift: report.lift, winRate: top.winRate } : null,
    tiers,
    notes
  }
}

/**
 * Everything a deliverable prints for one scorecard: the saved document (or the default with
 * statements drafted from what the data supports), the working scorecard in its client-facing
 * words with each criterion's evidence, the verdict and model card, and the evidence as the
 * simulation computes it (won vs lost, threshold at the top tier), so the PDF and the workbook
 * state the same figures as the Simulate screen.
 */
export function buildOnePagerContent(db: Database, scorecardId: number, override?: OnePagerDocument): OnePagerContent {
  const record = findScorecard(db, scorecardId)
  if (!record)
    throw new AppError('NOT_FOUND', `There is no scorecard ${scorecardId} in this workspace; it may have been deleted.`, {
      id: scorecardId
    })
  const scorecard = readContent(db, record.workingRevisionId, record.name)
  const words = attributeWordsOf(db)
  const dataset = datasetOrNull(db)
  const outcomeWords = workspaceOutcomeWords(db)
  const findings = dataset ? criterionFindings(dataset, scorecard, dataset.outcome, outcomeWords) : null
  const validation = dataset && findings ? validateOnNewest(dataset, scorecard, dataset.outcome, findings.split, outcomeWords) : null
  const evidence = evidenceOf(db, scorecard, dataset, outcomeWords)
  const drafted = draftStatements(scorecard, {
    findings: findings?.findings ?? [],
    together: findings?.together ?? [],
    words,
    verdict: validation?.verdict ?? null,
    ...(outcomeWords.kind === 'retained' ? { target: 'retained' as const } : {}),
    rows: outcomeWords.records,
    dated: dataset === null || evidence.firstClosed !== null
  })
  const draftedTexts = drafted.statements.map((s) => s.text)

  const saved = override ?? readOnePager(db, scorecardId)
  const document: OnePagerDocument = saved
    ? { ...saved, blocks: normalizeBlocks(saved.blocks) }
    : defaultOnePagerDocument({
        clientName: readWorkspaceRow(db)?.name ?? '',
        date: today(),
        statements: draftedTexts,
        adjacentScorecardId: defaultAdjacent(db, scorecardId, record.name)
      })

  const adjacentRecord = document.adjacentScorecardId !== null ? findScorecard(db, document.adjacentScorecardId) : null
  if (!adjacentRecord) document.adjacentScorecardId = null
  const adjacent = adjacentRecord
    ? { name: adjacentRecord.name, categories: categoriesInWords(workingScorecard(db, adjacentRecord.id), words, null) }
    : null
  const market = document.showMarket === true ? marketLineFor(db, scorecardId) : null

  return {
    document,
    outcomeWords,
    draftedStatements: draftedTexts,
    statementEvidence: drafted.statements.map((s) => s.evidence),
    analysis: analysisOf({
      scorecard,
      dataset,
      findings,
      validation,
      evidence,
      words,
      outcome: outcomeWords,
      leaks: dataset ? leaksOf(db, scorecard) : { leftOut: [], used: [] },
      unmerged: unmergedSpellings(db, scorecard)
    }),
    scorecard: {
      id: scorecardId,
      name: record.name,
      version: listVersions(db, scorecardId)[0]?.note ?? null,
      categories: categoriesInWords(scorecard, words, findings, outcomeWords),
      tiers: scorecard.tiers.map((tier, index) => ({
        name: tier.name,
        min: tier.min,
        color: tier.color ?? TIER_COLORS[index] ?? '#718096'
      })),
      disqualifiers: scorecard.knockouts.map((k) => {
        const text = conditionWords(k, words(k.attribute))
        // A name the app gave (the condition in raw words) adds nothing to the readable condition.
        return k.name && k.name !== text && k.name !== describeCondition(k) ? `${isolated(k.name)}: ${text}` : text
      })
    },
    evidence,
    adjacent,
    market
  }
}
