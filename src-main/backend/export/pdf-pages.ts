/**
 * The number of pages of a PDF as Chromium writes it (an uncompressed page tree): the /Count of
 * the root /Pages node is the largest one. Enough to refuse a second page without a PDF library;
 * the tests check the same number with pdf.js.
 */
export function pdfPageCount(bytes: Uint8Array): number {
  const text = new TextDecoder('latin1').decode(bytes)
  let pages = 0
  for (const match of text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)) {
    pages = Math.max(pages, Number(match[1] ?? match[2]))
  }
  if (pages > 0) return pages
  return (text.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length
}
