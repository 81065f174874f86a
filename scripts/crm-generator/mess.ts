/**
 * How clean values become the strings (and cells) a real CRM export contains.
 *
 * Every messy form still encodes the true value exactly (a range contains it, "$12.5M" equals
 * it, "x"/blank in an x-convention column means true/false), so an importer test can demand
 * full recovery. Conventions are drawn per column, as in a real export where one admin picked
 * "Yes/No" for one checkbox and another used "1/0"; 'heavy' then mixes them per cell.
 */
import type { Rng } from './random.js'
import { dayToDate, dayToExcelSerial, isoToDay } from './dates.js'
import {
  COUNTRY_VARIANTS,
  CURRENCY_SYMBOL,
  EMPLOYEE_BANDS,
  INDUSTRY_VARIANTS,
  LEAD_SOURCE_VARIANTS,
  MISSING_TOKENS,
  REVENUE_BANDS,
  US_STATES,
  type Country,
  type Currency,
  type DealStage,
  type FundingStage,
  type Industry,
  type LeadSource,
  type Technology
} from './vocab.js'

export type MessLevel = 'none' | 'typical' | 'heavy'
/** Workbooks can hold numbers, dates and booleans; CSV cells are always text. */
export type Flavor = 'csv' | 'workbook'
export type Cell = string | number | boolean | Date | null

type BoolConvention = 'yes-no' | 'true-false' | 'y-n' | '1-0' | 'x-blank'
const BOOL_TOKENS: Record<Exclude<BoolConvention, 'x-blank'>, readonly [string, string][]> = {
  'yes-no': [
    ['Yes', 'No'],
    ['yes', 'no'],
    ['YES', 'NO']
  ],
  'true-false': [
    ['TRUE', 'FALSE'],
    ['true', 'false'],
    ['True', 'False']
  ],
  'y-n': [
    ['Y', 'N'],
    ['y', 'n']
  ],
  '1-0': [['1', '0']]
}
const BOOL_CONVENTIONS: readonly BoolConvention[] = ['yes-no', 'true-false', 'y-n', '1-0', 'x-blank']

type DateStyle = 'iso' | 'us' | 'us-padded' | 'iso-time' | 'us-time' | 'iso-t' | 'serial' | 'date-cell'
const CSV_DATE_STYLES: readonly DateStyle[] = ['iso', 'us', 'us-padded', 'iso-time', 'us-time', 'iso-t']
const BOOK_DATE_STYLES: readonly DateStyle[] = [...CSV_DATE_STYLES, 'serial', 'date-cell', 'date-cell']

const STATE_NAME = new Map(US_STATES.map(([code, name]) => [code, name] as const))
const pad2 = (n: number): string => String(n).padStart(2, '0')
/** "1,250,000"; hand-rolled because toLocaleString dominated the million-row profile. */
function withCommas(n: number): string {
  const text = String(n)
  const dot = text.indexOf('.')
  const whole = dot < 0 ? text : text.slice(0, dot)
  let out = ''
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) out += ','
    out += whole[i]
  }
  return dot < 0 ? out : out + text.slice(dot)
}

export class Mess {
  readonly level: MessLevel
  readonly flavor: Flavor
  private readonly rng: Rng
  /** Probability that a value is written in a non-canonical form. */
  private readonly variantP: number
  private readonly spaceP: number
  private readonly columnBool = new Map<string, BoolConvention>()
  private readonly columnDate = new Map<string, DateStyle>()
  private readonly columnMissing = new Map<string, string>()
  private boolColumnsSeen = 0

  constructor(level: MessLevel, flavor: Flavor, rng: Rng) {
    this.level = level
    this.flavor = flavor
    this.rng = rng
    this.variantP = level === 'heavy' ? 0.6 : level === 'typical' ? 0.25 : 0
    this.spaceP = level === 'heavy' ? 0.08 : level === 'typical' ? 0.02 : 0
  }

  get clean(): boolean {
    return this.level === 'none'
  }

  private variant(): boolean {
    return this.variantP > 0 && this.rng.next() < this.variantP
  }

  /** Stray leading/trailing whitespace, the commonest mess of all. */
  text(value: string): Cell {
    if (this.spaceP === 0 || this.rng.next() >= this.spaceP) return value
    return this.rng.pick([` ${value}`, `${value} `, `  ${value}  `, `${value}\t`])
  }

  /** Clean tables stay typed; a messy CSV holds text, a messy workbook now and then a number stored as text. */
  private num(n: number): Cell {
    if (this.clean) return n
    return this.flavor === 'workbook' && this.rng.next() >= this.variantP / 3 ? n : String(n)
  }

  missing(column: string, allowBlank = true): Cell {
    if (this.clean) return null
    let token: string
    if (this.level === 'heavy') token = this.rng.pick(MISSING_TOKENS)
    else {
      let base = this.columnMissing.get(column)
      if (base === undefined) {
        base = this.rng.weighted<string>([
          ['', 5],
          ['N/A', 2],
          ['-', 1],
          ['Select', 1],
          ['Unknown', 1],
          ['null', 0.5]
        ])
        this.columnMissing.set(column, base)
      }
      token = this.rng.chance(0.85) ? base : this.rng.pick(MISSING_TOKENS)
    }
    if (token === '' && !allowBlank) token = this.rng.pick(MISSING_TOKENS.slice(1))
    return token === '' && this.flavor === 'workbook' ? null : token
  }

  /** A field nobody filled in, where blank is the only sensible rendering (free text). */
  blank(): Cell {
    return this.flavor === 'workbook' || this.clean ? null : ''
  }

  id(id: string): Cell {
    return this.clean ? id : this.text(id)
  }

  industry(v: Industry | null): Cell {
    if (v === null) return this.missing('industry')
    return this.variant() ? this.text(this.rng.pick(INDUSTRY_VARIANTS[v])) : this.text(v)
  }

  leadSource(v: LeadSource | null): Cell {
    if (v === null) return this.missing('leadSource')
    return this.variant() ? this.text(this.rng.pick(LEAD_SOURCE_VARIANTS[v])) : this.text(v)
  }

  fundingStage(v: FundingStage | null): Cell {
    if (v === null) return this.missing('fundingStage')
    if (!this.variant()) return this.text(v)
    return this.rng.pick([v.toLowerCase(), v.toUpperCase(), v.replace(' ', '-')])
  }

  employees(n: number | null): Cell {
    if (n === null) return this.missing('employees')
    if (!this.variant()) return this.num(n)
    const band = EMPLOYEE_BANDS.find(([lo, hi]) => n >= lo && n <= hi) ?? [n, n]
    const [lo, hi] = band
    const top = lo === 10001
    const forms: string[] = [top ? `${withCommas(lo)}+` : `${withCommas(lo)}-${withCommas(hi)}`, top ? `${lo}+` : `${lo}-${hi}`]
    if (n >= 1000) forms.push(withCommas(n))
    if (lo >= 1001) forms.push(top ? '10K+' : `${Math.round(lo / 1000)}K-${hi / 1000}K`)
    return this.text(this.rng.pick(forms))
  }

  revenue(n: number | null, currency: Currency): Cell {
    if (n === null) return this.missing('revenue')
    if (!this.variant()) return this.num(n)
    const sym = CURRENCY_SYMBOL[currency]
    const [scale, unit, word] = n >= 1e9 ? [1e9, 'B', 'billion'] : n >= 1e6 ? [1e6, 'M', 'million'] : [1e3, 'K', 'thousand']
    const short = String(n / scale)
    const band = REVENUE_BANDS.find(([lo, hi]) => n >= lo && n < hi) ?? [0, 1e12]
    const fmt = (x: number): string => (x >= 1e9 ? `${x / 1e9}B` : x >= 1e6 ? `${x / 1e6}M` : x >= 1e3 ? `${x / 1e3}K` : '0')
    const forms = [
      `${sym}${short}${unit}`,
      `${sym}${short}${unit.toLowerCase()}`,
      `${sym}${withCommas(n)}`,
      withCommas(n),
      band[1] >= 1e12 ? `${sym}${fmt(band[0])}+` : `${sym}${fmt(band[0])}-${sym}${fmt(band[1])}`
    ]
    // Word forms without a symbol are only unambiguous for the CRM's home currency.
    if (currency === 'USD') forms.push(`${short} ${word}`)
    return this.text(this.rng.pick(forms))
  }

  /** Deal amounts and success money in USD. */
  money(n: number | null, column: string): Cell {
    if (n === null) return this.missing(column)
    if (!this.variant()) return this.num(n)
    const forms = [`$${withCommas(n)}`, withCommas(n), `${n}.00`, `USD ${withCommas(n)}`]
    if (n >= 1000) forms.push(n >= 1e6 ? `$${n / 1e6}M` : `$${n / 1000}K`)
    return this.text(this.rng.pick(forms))
  }

  integer(n: number | null, column: string): Cell {
    return n === null ? this.missing(column) : this.variant() ? this.text(String(n)) : this.num(n)
  }

  percent(pct: number | null, column: string): Cell {
    if (pct === null) return this.missing(column)
    if (!this.variant()) return this.num(pct)
    return this.text(this.rng.pick([`${pct}%`, String(pct / 100), `${pct} %`]))
  }

  state(code: string | null): Cell {
    if (code === null) return this.missing('state')
    if (!this.variant()) return this.text(code)
    const name = STATE_NAME.get(code) ?? code
    return this.text(this.rng.pick([name, name, name.toLowerCase(), name.toUpperCase(), code.toLowerCase()]))
  }

  country(c: Country): Cell {
    return this.variant() ? this.text(this.rng.pick(COUNTRY_VARIANTS[c])) : this.text(c)
  }

  techStack(stack: readonly Technology[]): Cell {
    if (stack.length === 0) return this.missing('techStack')
    if (this.clean) return stack.join('; ')
    const seps = ['; ', ' | ', ', ', '\n', ';', '|']
    const columnSep = this.level === 'heavy' ? null : (seps[0] ?? '; ')
    let out = ''
    stack.forEach((tech, i) => {
      const name = this.level === 'heavy' && this.rng.chance(0.1) ? tech.toLowerCase() : tech
      if (i > 0) out += columnSep !== null && !this.variant() ? columnSep : this.rng.pick(seps)
      out += name
    })
    return this.text(out)
  }

  bool(value: boolean | null, column: string): Cell {
    let convention = this.columnBool.get(column)
    if (convention === undefined) {
      // Heavy exports cycle through every convention so each appears; typical ones pick one.
      convention =
        this.level === 'heavy'
          ? (BOOL_CONVENTIONS[this.boolColumnsSeen++ % BOOL_CONVENTIONS.length] ?? 'yes-no')
          : this.rng.pick(BOOL_CONVENTIONS)
      this.columnBool.set(column, convention)
    }
    if (value === null) return this.missing(column, convention !== 'x-blank')
    if (this.clean) return value
    if (convention === 'x-blank') return value ? this.rng.pick(['x', 'X', 'x']) : this.flavor === 'workbook' ? null : ''
    if (this.flavor === 'workbook' && !this.variant()) return value
    const family = this.level === 'heavy' && this.variant() ? this.rng.pick(Object.values(BOOL_TOKENS)) : BOOL_TOKENS[convention]
    const pair = this.rng.pick(family)
    return this.text(value ? pair[0] : pair[1])
  }

  date(iso: string | null, column: string): Cell {
    if (iso === null) return this.missing(column)
    const day = isoToDay(iso)
    if (this.clean) return this.flavor === 'workbook' ? dayToDate(day) : iso
    const styles = this.flavor === 'workbook' ? BOOK_DATE_STYLES : CSV_DATE_STYLES
    let style = this.columnDate.get(column)
    if (style === undefined) {
      style = this.rng.pick(styles)
      this.columnDate.set(column, style)
    }
    if (this.level === 'heavy' && this.variant()) style = this.rng.pick(styles)
    switch (style) {
      case 'iso':
        return iso
      case 'us':
        return `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}/${iso.slice(0, 4)}`
      case 'us-padded':
        return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`
      case 'serial':
        return dayToExcelSerial(day)
      case 'date-cell':
        return dayToDate(day)
      default:
        break
    }
    // Office hours, so the time of day never moves the date in any time zone a reader assumes.
    const minutes = this.rng.int(7 * 60, 19 * 60)
    const hh = Math.floor(minutes / 60)
    const mm = pad2(minutes % 60)
    if (style === 'iso-time') return `${iso} ${pad2(hh)}:${mm}:00`
    if (style === 'iso-t') return `${iso}T${pad2(hh)}:${mm}:00Z`
    return `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}/${iso.slice(0, 4)} ${hh % 12 === 0 ? 12 : hh % 12}:${mm} ${hh < 12 ? 'AM' : 'PM'}`
  }

  stage(stage: DealStage): Cell {
    if (this.clean || !this.variant()) return this.text(stage)
    if (stage === 'Closed Won') return this.text(this.rng.pick(['Won', 'won', 'CLOSED WON', 'Closed - Won']))
    if (stage === 'Closed Lost') return this.text(this.rng.pick(['Lost', 'Loss', 'lost', 'Closed - Lost']))
    return this.text('Open')
  }

  /** What a rep types when picking the account by hand: same company, different spelling. */
  accountName(name: string): string {
    let out = name
    const r = this.rng.next()
    if (r < 0.3) out = out.toUpperCase()
    else if (r < 0.5) out = out.toLowerCase()
    if (this.rng.chance(0.5)) out = out.replace(/[,.]/g, '')
    if (this.rng.chance(0.3)) out = out.replace(/ /g, '  ')
    if (out === name) out = `${name.replace(/,/g, '')} `
    return out
  }

  website(domain: string): Cell {
    if (!this.variant()) return this.text(domain)
    const host = this.rng.chance(0.5) ? domain.charAt(0).toUpperCase() + domain.slice(1) : domain
    return this.text(
      this.rng.pick([`https://www.${host}/`, `www.${host}`, `http://${host}`, `${host}/`, host.toUpperCase(), `https://${host}`])
    )
  }
}
