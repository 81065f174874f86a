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
