import type { OnePagerContent } from '@shared/domain/one-pager'
import { defaultOnePagerDocument } from '@shared/export/default-one-pager'
import { WON_WORDS } from '@shared/export/outcome-words'
import { noEvidenceAnalysis } from './one-pager-analysis'

/**
 * A one-pager's content with no evidence behind it: the default document, a one-tier scorecard
 * with no criteria and empty evidence, any of it replaced by `parts`. The workbook benchmark
 * starts from it, and so do the tests that render or lay out a page.
 */
export function noEvidenceContent(
  header: { clientName: string; date: string; statements: readonly string[] },
  parts: Partial<OnePagerContent> = {}
): OnePagerContent {
  return {
    document: defaultOnePagerDocument({ ...header, statements: [...header.statements], adjacentScorecardId: null }),
    outcomeWords: WON_WORDS,
    draftedStatements: [],
    statementEvidence: [],
    analysis: noEvidenceAnalysis(),
    scorecard: {
      id: 1,
      name: 'Core ICP',
      version: null,
      categories: [],
      tiers: [{ name: 'A', min: 0, color: '#2f855a' }],
      disqualifiers: []
    },
    evidence: { deals: 0, wins: 0, firstClosed: null, lastClosed: null, auc: null, topTier: null, tiers: [], notes: [] },
    adjacent: null,
    ...parts
  }
}
