import ExcelJS from 'exceljs'
import type { Style, Worksheet } from 'exceljs'

/**
 * Rows of a big sheet written as SpreadsheetML directly into exceljs's streaming worksheet.
 *
 * exceljs builds an object per cell and spends about 4 µs on each; 100,000 scored accounts are
 * some 4-5 million cells (20-plus seconds). Writing each row's XML as one string is an order of
 * magnitude faster. exceljs still writes everything around the rows (columns, frozen panes,
 * autofilter, conditional formats, styles), and the style ids used here come from its own style
 * table, so the workbook stays one exceljs workbook. This relies on two internals of exceljs's
 * streaming writer (`worksheet.stream`, `workbook.styles.addStyleModel`); the package is pinned
 * to an exact version and the workbook tests read every row back through exceljs.
 */

interface StreamingWorksheet {
  stream: { write(chunk: string): unknown }
}

interface StreamingStyles {
  styles: { addStyleModel(style: Partial<Style>, cellType: number): number }
}

export type CellKind = 'number' | 'string' | 'boolean' | 'formula'

const VALUE_TYPE: Record<CellKind, number> = {
  number: ExcelJS.ValueType.Number,
  string: ExcelJS.ValueType.String,
  boolean: ExcelJS.ValueType.Boolean,
  formula: ExcelJS.ValueType.Formula
}

/** The workbook's style id for `style` (registered once; reuse the id for every cell). */
export function styleId(workbook: ExcelJS.stream.xlsx.WorkbookWriter, style: Partial<Style>, kind: CellKind): number {
  return (workbook as unknown as StreamingStyles).styles.addStyleModel(style, VALUE_TYPE[kind])
}

// XML 1.0 cannot carry most control characters at all; a CRM export sometimes holds them.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

// eslint-disable-next-line no-control-regex -- the fast path: most text needs no escaping at all
const NEEDS_ESCAPING = /[&<>\u0000-\u001f\uD800-\uDFFF\uFFFE\uFFFF]/

export function xmlText(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text
  return text.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;')
}

const styleAttr = (style: number): string => (style > 0 ? ` s="${style}"` : '')

/** One row's XML, cell by cell; `ref` is the cell reference (e.g. "C12"). */
export class RowXml {
  private xml = ''

  constructor(r: number) {
    this.xml = `<row r="${r}">`
  }

  number(ref: string, value: number, style = 0): this {
    this.xml += `<c r="${ref}"${styleAttr(style)}><v>${value}</v></c>`
    return this
  }

  /** Always a string cell (inline): never read as a formula, whatever the text. */
  text(ref: string, value: string, style = 0): this {
    this.xml += `<c r="${ref}"${styleAttr(style)} t="inlineStr"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`
    return this
  }

  boolean(ref: string, value: boolean, style = 0): this {
    this.xml += `<c r="${ref}"${styleAttr(style)} t="b"><v>${value ? 1 : 0}</v></c>`
    return this
  }

  /** A formula with its cached result, so viewers that do not recalculate still show the value. */
  formula(ref: string, formula: string, result: number | string, style = 0): this {
    return this.escapedFormula(ref, xmlText(formula), result, style)
  }

  /** As `formula`, for formula text already escaped for XML (see FormulaTemplate). */
  escapedFormula(ref: string, formulaXml: string, result: number | string, style = 0): this {
    const cached = typeof result === 'number' ? `<v>${result}</v>` : `<v>${xmlText(result)}</v>`
    this.xml += `<c r="${ref}"${styleAttr(style)}${typeof result === 'string' ? ' t="str"' : ''}><f>${formulaXml}</f>${cached}</c>`
    return this
  }

  toString(): string {
    return `${this.xml}</row>`
  }
}

/**
 * Appends rows after the rows exceljs has committed. Call after the header row's `commit()`
 * and before the worksheet's `commit()`; rows must come in order. Batches writes so the zip
 * stream sees a few large chunks instead of one per row.
 */
export class RawRowWriter {
  private buffer: string[] = []
  private size = 0

  constructor(private readonly sheet: Worksheet) {}

  add(row: RowXml): void {
    const xml = row.toString()
    this.buffer.push(xml)
    this.size += xml.length
    if (this.size > 1 << 20) this.flush()
  }

  flush(): void {
    if (this.buffer.length === 0) return
    ;(this.sheet as unknown as StreamingWorksheet).stream.write(this.buffer.join(''))
    this.buffer = []
    this.size = 0
  }
}

/**
 * A column's formula with the row number left open: built and XML-escaped once, then filled in
 * per row (100,000 rows × 20-odd formulas is where a writer spends its time otherwise).
 */
export class FormulaTemplate {
  /** A row number no formula can contain otherwise (Scorecard rows and constants are small). */
  static readonly ROW = 987654321
  private readonly parts: string[]

  constructor(formulaForRow: string) {
    this.parts = xmlText(formulaForRow).split(String(FormulaTemplate.ROW))
  }

  at(row: number): string {
    return this.parts.join(String(row))
  }
}
