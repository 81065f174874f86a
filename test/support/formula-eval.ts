/**
 * A tiny evaluator for the formulas the workbook writes (cell references across two sheets,
 * SUM over a row range, MIN, MAX, INT, IF, arithmetic, comparisons, string literals), so tests
 * can recalculate a workbook after changing an input without a spreadsheet application.
 */

export type CellValue = number | string | boolean | null
export interface SheetCells {
  /** "E5" -> a value, or a formula (without "="). */
  get(ref: string): { value?: CellValue; formula?: string } | undefined
}

const TOKEN =
  /"((?:[^"]|"")*)"|(?:([A-Za-z][A-Za-z ]*|'[^']+')!)?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?|<>|<=|>=|=|[A-Z]+(?=\()|./g

const letterIndex = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1
const letterOf = (index: number): string => {
  let n = index + 1
  let s = ''
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

const num = (v: CellValue): number =>
  typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : v === null || v === '' ? 0 : Number(v)
const FUNCTIONS = {
  SUM: (...xs: CellValue[][]) => xs.flat().reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0),
  MIN: (...xs: CellValue[]) => Math.min(...xs.map(num)),
  MAX: (...xs: CellValue[]) => Math.max(...xs.map(num)),
  INT: (x: CellValue) => Math.floor(num(x)),
  IF: (c: CellValue, a: CellValue, b: CellValue) => (c ? a : b)
}

export class Workbook {
  private readonly cache = new Map<string, CellValue>()
  private readonly compiled = new Map<
    string,
    (ref: (s: string, r: string) => CellValue, range: (s: string, a: string, b: string) => CellValue[]) => CellValue
  >()

  constructor(private readonly sheets: Record<string, SheetCells>) {}

  /** Forget every computed value (after an input changed). */
  reset(): void {
    this.cache.clear()
  }

  value(sheet: string, ref: string): CellValue {
    const key = `${sheet}!${ref}`
    if (this.cache.has(key)) return this.cache.get(key)!
    const cell = this.sheets[sheet]?.get(ref)
    // An empty cell reads as "" in comparisons and 0 in arithmetic, as in a spreadsheet.
    let result: CellValue = ''
    if (cell?.formula !== undefined) {
      let fn = this.compiled.get(cell.formula)
      if (!fn) {
        fn = this.compile(cell.formula)
        this.compiled.set(cell.formula, fn)
      }
      result = fn(
        (s, r) => this.value(s || sheet, r),
        (s, a, b) => this.range(s || sheet, a, b)
      )
    } else if (cell?.value !== undefined) result = cell.value
    this.cache.set(key, result)
    return result
  }

  private range(sheet: string, from: string, to: string): CellValue[] {
    const [, c1, r1] = /^([A-Z]+)(\d+)$/.exec(from)!
    const [, c2, r2] = /^([A-Z]+)(\d+)$/.exec(to)!
    const out: CellValue[] = []
    for (let r = Number(r1); r <= Number(r2); r++) {
      for (let c = letterIndex(c1!); c <= letterIndex(c2!); c++) out.push(this.value(sheet, `${letterOf(c)}${r}`))
    }
    return out
  }

  private compile(formula: string) {
    let js = ''
    for (const match of formula.matchAll(TOKEN)) {
      const [text, str, sheet, col, row, col2, row2] = match
      if (str !== undefined) js += JSON.stringify(str.replace(/""/g, '"'))
      else if (col !== undefined) {
        const s = JSON.stringify((sheet ?? '').replace(/^'|'$/g, ''))
        js += col2 !== undefined ? `range(${s},"${col}${row}","${col2}${row2}")` : `ref(${s},"${col}${row}")`
      } else if (text === '<>') js += '!=='
      else if (text === '=') js += '==='
      else if (text in FUNCTIONS) js += `F.${text}`
      else js += text
    }
    const fn = new Function('F', 'ref', 'range', `return (${js})`) as (f: typeof FUNCTIONS, ref: unknown, range: unknown) => CellValue
    return (ref: (s: string, r: string) => CellValue, range: (s: string, a: string, b: string) => CellValue[]) => fn(FUNCTIONS, ref, range)
  }
}
