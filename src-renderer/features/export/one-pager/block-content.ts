import type { OnePagerBlockId, OnePagerContent } from '@shared/domain/one-pager'

const filled = (text: string) => text.trim().length > 0

/**
 * Whether a block has anything to print. An empty block is left out of the page rather than
 * printed as a heading over nothing; the editor says so beside it.
 */
export function blockHasContent(id: OnePagerBlockId, content: OnePagerContent): boolean {
  const doc = content.document
  switch (id) {
    case 'header':
    case 'evidence':
      return true
    case 'statement':
      // Without a reliable signal the block also says what data would settle the hypotheses.
      return doc.statements.some(filled) || content.analysis.dataNeeded.length > 0
    case 'definition':
      // The definition names what qualifies: criteria that add points.
      return content.scorecard.categories.some((c) => c.criteria.some((x) => x.points > 0))
    case 'scorecard':
      // Tiers without criteria sort nothing: every account scores 0 and sits in the last tier.
      return content.scorecard.categories.some((c) => c.criteria.length > 0)
    case 'disqualifiers':
      return content.scorecard.disqualifiers.length > 0
    case 'buying':
      return [doc.economicBuyer, doc.champion, doc.triggers].some(filled)
    case 'channels':
      return Object.values(doc.channels).some(filled)
    case 'messaging':
      return Object.values(doc.messaging).some(filled)
    case 'core-vs-adjacent':
      return content.adjacent !== null
  }
}

/** The blocks that print, in order: visible and with content. */
export function printedBlocks(content: OnePagerContent): OnePagerBlockId[] {
  return content.document.blocks.filter((b) => b.visible && blockHasContent(b.id, content)).map((b) => b.id)
}
