/**
 * Paper in CSS pixels (96 per inch, what Chromium prints at) and the one-page rule: a block
 * overflows when its bottom edge reaches below the printable area. Pure, so the same rule is
 * unit-tested and used by the editor's warning and the print route's refusal.
 */

import type { OnePagerBlockId, PaperSize } from '@shared/domain/one-pager'

const INCH = 96
const MM = INCH / 25.4

export interface PaperGeometry {
  /** As CSS @page understands it. */
  cssSize: string
  width: number
  height: number
  /** Page margin on every side. */
  margin: number
}

export const PAPER: Record<PaperSize, PaperGeometry> = {
  letter: { cssSize: 'letter portrait', width: 8.5 * INCH, height: 11 * INCH, margin: 0.5 * INCH },
  a4: { cssSize: 'A4 portrait', width: 210 * MM, height: 297 * MM, margin: 12.7 * MM }
}

/** The height the blocks may fill: the page less its top and bottom margins. */
export function printableHeight(paper: PaperSize): number {
  const page = PAPER[paper]
  return page.height - 2 * page.margin
}

export interface MeasuredBlock {
  id: OnePagerBlockId
  /** Bottom edge, in CSS pixels from the top of the printable area. */
  bottom: number
}

/** Rounding slack: sub-pixel layout must not flag a block that visibly fits. */
const SLACK = 0.5

/** The blocks whose bottom lies below the printable area, in page order. */
export function overflowingBlocks(blocks: readonly MeasuredBlock[], limit: number): OnePagerBlockId[] {
  return blocks.filter((block) => block.bottom > limit + SLACK).map((block) => block.id)
}

/** How far the content runs past the printable area (0 when it fits). */
export function overflowAmount(blocks: readonly MeasuredBlock[], limit: number): number {
  const bottom = blocks.reduce((max, block) => Math.max(max, block.bottom), 0)
  return Math.max(0, Math.ceil(bottom - limit))
}

/**
 * The scale that fits the whole page into a preview box (never enlarged past 1); a height of
 * 0 or less means "fit the width only". A floor keeps a tiny window from shrinking it to a dot.
 */
export function previewScale(paper: PaperSize, width: number, height = 0): number {
  if (!(width > 0)) return 1
  const page = PAPER[paper]
  const byWidth = width / page.width
  const byHeight = height > 0 ? height / page.height : Infinity
  return Math.max(0.3, Math.min(1, byWidth, byHeight))
}

/**
 * How far the page's type may grow or shrink to fill one sheet: below 0.82 the smallest print
 * (8.5px labels) would fall under 5pt; above 1.4 body text passes 11pt and reads like a poster.
 */
export const TYPE_SCALE = { min: 0.82, max: 1.4 } as const

/**
 * The largest type scale in [min, max] whose content height fits `limit`, to 1/200 (a binary
 * search: `heightAt` is measured from the laid-out page and grows with the scale). When even
 * the smallest scale overflows, the smallest is returned and the page reports the overflow.
 */
export function fitTypeScale(heightAt: (scale: number) => number, limit: number, range: { min: number; max: number } = TYPE_SCALE): number {
  if (heightAt(range.max) <= limit + SLACK) return range.max
  if (heightAt(range.min) > limit + SLACK) return range.min
  let low = range.min
  let high = range.max
  while (high - low > 0.005) {
    const mid = (low + high) / 2
    if (heightAt(mid) <= limit + SLACK) low = mid
    else high = mid
  }
  return Math.floor(low * 1000) / 1000
}

/**
 * What the page does with the height left over once the type fits: first the evidence chart's
 * rows grow (up to `rowGrowth` each), then the gaps between blocks (up to `gapGrowth` each).
 * Whatever remains stays below the last block, so nothing is stretched to absurd sizes.
 */
export function shareSpareHeight(
  spare: number,
  chartRows: number,
  gaps: number,
  rowGrowth: number,
  gapGrowth: number
): { row: number; gap: number } {
  const room = Math.max(0, spare - SLACK)
  const row = chartRows > 0 ? Math.min(rowGrowth, room / chartRows) : 0
  const left = room - row * chartRows
  const gap = gaps > 0 ? Math.min(gapGrowth, left / gaps) : 0
  return { row: Math.floor(row * 100) / 100, gap: Math.floor(gap * 100) / 100 }
}
