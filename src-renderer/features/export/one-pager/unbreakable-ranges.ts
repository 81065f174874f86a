/**
 * Where a line may not break inside a figure. Chromium breaks after a hyphen and at spaces, so
 * "5-7" could print as "5-" / "7", "≤ 11" as "≤" / "11" and "$1.5M-$4M" as "$1.5M-" / "$4M".
 * The one-pager keeps each such figure on one line (white-space: nowrap) while the words around
 * it still wrap; the text itself is unchanged, so it extracts and searches as written.
 */

export type TextPart = { text: string; nowrap: boolean }

const NUMBER = String.raw`[-−+]?[$€£¥]?\d(?:[\d,]*\d)?(?:\.\d+)?\s?(?:%|[KMBkmb]\b|bn\b|days?\b|d\b|pts?\b)?`
const RANGE = String.raw`${NUMBER}\s?(?:-|–|—|to)\s?${NUMBER}\+?`
const COMPARED = String.raw`(?:[≤≥<>]=?|at (?:least|most)|under|over)\s?${NUMBER}\+?`
const FIGURE = new RegExp(String.raw`${RANGE}|${COMPARED}|${NUMBER}\+?`, 'g')

/** The text cut into runs, the figures (ranges, comparisons, numbers with units) marked nowrap. */
export function unbreakableRanges(text: string): TextPart[] {
  const parts: TextPart[] = []
  let at = 0
  for (const match of text.matchAll(FIGURE)) {
    const figure = match[0].trimEnd()
    // A lone digit run without a break opportunity inside needs no span of its own.
    if (!/[\s\-–—]/.test(figure)) continue
    if (match.index > at) parts.push({ text: text.slice(at, match.index), nowrap: false })
    parts.push({ text: figure, nowrap: true })
    at = match.index + figure.length
  }
  if (at < text.length) parts.push({ text: text.slice(at), nowrap: false })
  return parts
}
