/**
 * Cells as a given CRM writes them. System fields (ids, dates, amounts, checkboxes) always come
 * out in the CRM's own fixed format; values people typed or imported (industry, state, funding
 * stage, source) get the spelling variants of a real database, more of them the messier the
 * export. A workbook gets typed cells: numbers, real booleans and dates.
 */
import type { Rng } from '../random.js'
import { dayParts, dayToDate, dayToIso } from '../dates.js'
import type { Cell, Flavor, MessLevel } from '../mess.js'

/** us: 3/4/2025 · iso: 2025-03-04 · minute: 2025-03-04 13:22 · second: 2025-03-04 13:22:10 */
export type DateStyle = 'us' | 'iso' | 'minute' | 'second'

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n))

export class ShapeCells {
  readonly level: MessLevel
  readonly workbook: boolean
  readonly rng: Rng
  private readonly variantP: number
  private readonly spaceP: number

  constructor(level: MessLevel, flavor: Flavor, rng: Rng) {
    this.level = level
    this.workbook = flavor === 'workbook'
    this.rng = rng
    this.variantP = level === 'heavy' ? 0.5 : level === 'typical' ? 0.2 : 0
    this.spaceP = level === 'heavy' ? 0.06 : level === 'typical' ? 0.015 : 0
  }

  /** An empty field: nothing in a workbook, an empty string in a CSV. */
  blank(): Cell {
    return this.workbook ? null : ''
  }

  /** Text a person typed: now and then with stray spaces around it. */
  typed(value: string): Cell {
    if (this.spaceP === 0 || this.rng.next() >= this.spaceP) return value
    return this.rng.pick([` ${value}`, `${value} `, `${value}  `])
  }

  /** A typed or imported value: the canonical spelling or, now and then, one of its variants. */
  entered(canonical: string | null, variants: readonly string[] = []): Cell {
    if (canonical === null) return this.missing()
    if (variants.length > 0 && this.variantP > 0 && this.rng.next() < this.variantP) return this.typed(this.rng.pick(variants))
    return this.typed(canonical)
  }

  /** A picklist value: legacy spellings now and then, but an unset picklist is simply blank. */
  picklist(entry: { value: string; variants: readonly string[] } | null): Cell {
    return entry === null ? this.blank() : this.entered(entry.value, entry.variants)
  }

  /** A free-text field: variants like a picklist, and when empty sometimes a typed placeholder. */
  typedIn(entry: { value: string; variants: readonly string[] } | null): Cell {
    return entry === null ? this.missing() : this.entered(entry.value, entry.variants)
  }

  /** A typed field left empty; heavy exports carry the placeholders people type instead. */
  missing(): Cell {
    if (this.level === 'heavy' && this.rng.chance(0.3)) return this.rng.pick(['N/A', '-', 'Unknown', 'n/a', 'TBD'])
    return this.blank()
  }

  num(n: number | null): Cell {
    return n === null ? this.blank() : n
  }

  /** A checkbox: a real boolean in a workbook, the CRM's tokens in a CSV. */
  bool(value: boolean | null, tokens: readonly [string, string]): Cell {
    if (value === null) return this.blank()
    return this.workbook ? value : value ? tokens[0] : tokens[1]
  }

  /** A date, or a timestamp at `minutes` past midnight; a Date cell in a workbook. */
  date(day: number | null, style: DateStyle, minutes = 0, seconds = 0): Cell {
    if (day === null) return this.blank()
    if (this.workbook)
      return style === 'us' || style === 'iso' ? dayToDate(day) : new Date(dayToDate(day, minutes).getTime() + seconds * 1000)
    if (style === 'us') {
      const { y, m, d } = dayParts(day)
      return `${m}/${d}/${y}`
    }
    const iso = dayToIso(day)
    if (style === 'iso') return iso
    const time = `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`
    return style === 'minute' ? `${iso} ${time}` : `${iso} ${time}:${pad2(seconds)}`
  }

  /** A time of day in office hours, as minutes past midnight. */
  officeMinutes(): number {
    return this.rng.int(8 * 60, 18 * 60 + 30)
  }
}
