/**
 * The one-pager before the consultant has touched it: every block in the usual reading
 * order, the statements drafted from the scorecard, free text empty (the page leaves out what
 * nobody wrote rather than printing invented copy).
 */

import type { OnePagerBlockId, OnePagerDocument } from '@shared/domain/one-pager'

export const ONE_PAGER_BLOCKS: readonly OnePagerBlockId[] = [
  'header',
  'statement',
  'definition',
  'scorecard',
  'disqualifiers',
  'evidence',
  'buying',
  'channels',
  'messaging',
  'core-vs-adjacent'
]

export const ONE_PAGER_BLOCK_LABELS: Record<OnePagerBlockId, string> = {
  header: 'Header',
  statement: 'ICP statement',
  definition: 'Definition by category',
  scorecard: 'Scorecard and tiers',
  disqualifiers: 'Disqualifiers',
  buying: 'Buying roles and triggers',
  channels: 'Channel fit',
  messaging: 'Messaging frame',
  evidence: 'Evidence',
  'core-vs-adjacent': 'Core vs Adjacent ICP'
}

export const DEFAULT_BRAND_COLOR = '#1f4e79'

export function defaultOnePagerDocument(options: {
  clientName: string
  date: string
  statements: string[]
  adjacentScorecardId: number | null
}): OnePagerDocument {
  return {
    blocks: ONE_PAGER_BLOCKS.map((id) => ({ id, visible: true })),
    clientName: options.clientName,
    preparedBy: '',
    date: options.date,
    brandColor: DEFAULT_BRAND_COLOR,
    logoDataUrl: null,
    paper: 'letter',
    statements: options.statements,
    economicBuyer: '',
    champion: '',
    triggers: '',
    channels: { outbound: '', content: '', partners: '', marketplaces: '' },
    messaging: { target: '', context: '', cost: '', change: '' },
    adjacentScorecardId: options.adjacentScorecardId
  }
}

/**
 * Every block exactly once, so the editor can list them all: a block the document does not list
 * is not printed, so it is appended hidden; unknown or repeated ones are dropped.
 */
export function normalizeBlocks(blocks: OnePagerDocument['blocks']): OnePagerDocument['blocks'] {
  const seen = new Set<OnePagerBlockId>()
  const result: OnePagerDocument['blocks'] = []
  for (const block of blocks) {
    if (!ONE_PAGER_BLOCKS.includes(block.id) || seen.has(block.id)) continue
    seen.add(block.id)
    result.push({ id: block.id, visible: block.visible })
  }
  for (const id of ONE_PAGER_BLOCKS) if (!seen.has(id)) result.push({ id, visible: false })
  return result
}
