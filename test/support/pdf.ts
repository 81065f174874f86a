/**
 * What the tests need to know about a PDF, read with pdf.js (npm) so the checks run on any
 * machine: no poppler-utils needed.
 */
export interface PdfFont {
  /** As the PDF names it, e.g. "AAAAAA+Inter-Regular" (a subset prefix, then the font). */
  name: string
  /** The font's glyphs are inside the file, so it prints the same everywhere. */
  embedded: boolean
  /** Drawn as PDF procedures (Type 3): poor text selection and search in viewers. */
  type3: boolean
}

export interface PdfReport {
  pages: number
  /** The first page's size in PDF points (1/72 inch). */
  width: number
  height: number
  /** The first page's text, items joined by spaces. */
  text: string
  /** Every font the first page draws text with. */
  fonts: PdfFont[]
  /** The share of the first page, rendered in grey at 40 dpi, darker than light grey (0 when not rendered). */
  inkedShare: number
}

interface TextItem {
  str: string
  /** [a, b, c, d, x, y]: the item's position and scale on the page. */
  transform: number[]
  width: number
  hasEOL: boolean
}

/**
 * The page's text items joined as a reader sees them: an item that starts where the previous
 * one ended on the same line continues its word (some Chromium builds position every few glyphs
 * separately, which would otherwise read "Sal esforce"); a gap, a new line or an end of line is a space.
 */
function joinTextItems(items: readonly TextItem[]): string {
  let text = ''
  let previous: TextItem | null = null
  for (const item of items) {
    if (previous) {
      const size = Math.hypot(item.transform[2]!, item.transform[3]!) || 1
      const sameLine = Math.abs(item.transform[5]! - previous.transform[5]!) < size * 0.3
      const gap = item.transform[4]! - (previous.transform[4]! + previous.width)
      const continues = sameLine && !previous.hasEOL && gap > -size * 0.5 && gap < size * 0.12
      if (!continues) text += ' '
    }
    text += item.str
    previous = item
  }
  return text
}

export async function readPdf(bytes: Uint8Array, { render = false } = {}): Promise<PdfReport> {
  // pdf.js ships ES modules only; imported here so CommonJS-compiled specs can load this file.
  const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  // pdf.js takes ownership of the buffer it is given, so it gets a copy.
  const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise
  try {
    const page = await doc.getPage(1)
    const [, , width, height] = page.view as [number, number, number, number]
    const content = await page.getTextContent()
    const text = joinTextItems(content.items.flatMap((item) => ('str' in item ? [item as TextItem] : [])))
    const operators = await page.getOperatorList()
    const fonts = new Map<string, PdfFont>()
    operators.fnArray.forEach((op, i) => {
      if (op !== OPS.setFont) return
      const font = page.commonObjs.get(operators.argsArray[i][0]) as { name: string; missingFile: boolean; isType3Font?: boolean }
      fonts.set(font.name, { name: font.name, embedded: !font.missingFile, type3: font.isType3Font === true })
    })
    let inkedShare = 0
    if (render) {
      const viewport = page.getViewport({ scale: 40 / 72 })
      // In Node pdf.js draws on @napi-rs/canvas, which it finds by itself.
      const { canvas, context } = (doc.canvasFactory as { create(w: number, h: number): unknown }).create(
        Math.ceil(viewport.width),
        Math.ceil(viewport.height)
      ) as {
        canvas: { width: number; height: number }
        context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } }
      }
      await page.render({ canvas, canvasContext: context, viewport } as unknown as Parameters<typeof page.render>[0]).promise
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data
      let inked = 0
      for (let i = 0; i < pixels.length; i += 4) {
        if (0.299 * pixels[i]! + 0.587 * pixels[i + 1]! + 0.114 * pixels[i + 2]! < 200) inked++
      }
      inkedShare = inked / (pixels.length / 4)
    }
    return { pages: doc.numPages, width, height, text, fonts: [...fonts.values()], inkedShare }
  } finally {
    await doc.destroy()
  }
}
