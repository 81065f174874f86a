/**
 * What SheetJS (xlsx 0.20, Apache-2.0) makes of the text in an XLSX part, ported line for line
 * so the streaming reader (read-xlsx-columns.ts) gives every cell the very value SheetJS gave
 * it, quirks included: entities matched case-insensitively, `_x000D_` escapes, CR LF folded,
 * formula strings unescaped twice. Strings here are "binary" (one character per byte, latin1),
 * which is how SheetJS holds a part; `utf8read` decodes them where SheetJS does.
 *
 * Only the rare cells that need it come here: the reader decodes plain text itself.
 */
import { Buffer } from 'node:buffer'

const ENCODINGS: Readonly<Record<string, string>> = { '&quot;': '"', '&apos;': "'", '&gt;': '>', '&lt;': '<', '&amp;': '&' }
const ENTITY = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi
const CODE = /_x([\da-fA-F]{4})_/gi

function rawUnescape(text: string): string {
  const s = text
  const i = s.indexOf('<![CDATA[')
  if (i === -1) {
    return s
      .replace(ENTITY, ($$: string, $1: string | undefined) => {
        const known = Object.prototype.hasOwnProperty.call(ENCODINGS, $$) ? ENCODINGS[$$] : undefined
        return known || String.fromCharCode(parseInt($1 as string, $$.indexOf('x') > -1 ? 16 : 10)) || $$
      })
      .replace(CODE, (_m: string, c: string) => String.fromCharCode(parseInt(c, 16)))
  }
  const j = s.indexOf(']]>')
  return rawUnescape(s.slice(0, i)) + s.slice(i + 9, j) + rawUnescape(s.slice(j + 3))
}

/** SheetJS's unescapexml; `xlsx` also folds CR LF to LF. */
export function unescapeXml(text: string, xlsx = false): string {
  const out = rawUnescape(text)
  return xlsx ? out.replace(/\r\n/g, '\n') : out
}

/** A binary string's bytes read as UTF-8 (SheetJS's utf8read under Node). */
export function utf8Read(binary: string): string {
  return Buffer.from(binary, 'latin1').toString('utf8')
}

const SI_PLAIN = /^\s*<(?:\w+:)?t[^>]*>/
const SI_T_END = /<\/(?:\w+:)?t>/
const SI_RUN = /<(?:\w+:)?r\b[^<>]*>/
const SI_TEXT = /<(?:\w+:)?t\b[^<>]*>([^<]*)<\/(?:\w+:)?t>/g
const TAG = /<[/?]?[a-zA-Z0-9:_-]+(?:\s+[^"\s?<>/]+\s*=\s*(?:"[^"]*"|'[^']*'|[^'"<>\s=]+))*\s*[/?]?>/gm
const RPH_OPEN = /<(?:\w+:)?rPh\b[^<>]*>/g
const RPH_CLOSE = /<\/(?:\w+:)?rPh>/g

/** SheetJS's str_remove_xml_ns_g(x, "rPh"): the text without phonetic runs, null when one never closes. */
function withoutPhonetics(str: string): string | null {
  const out: string[] = []
  RPH_OPEN.lastIndex = 0
  RPH_CLOSE.lastIndex = 0
  let ef = 0
  for (let m = RPH_OPEN.exec(str); m !== null; m = RPH_OPEN.exec(str)) {
    out.push(str.slice(ef, m.index))
    ef = m.index
    RPH_CLOSE.lastIndex = RPH_OPEN.lastIndex
    const close = RPH_CLOSE.exec(str)
    if (close === null) return null
    ef = RPH_CLOSE.lastIndex
    RPH_OPEN.lastIndex = RPH_CLOSE.lastIndex
  }
  out.push(str.slice(ef))
  return out.join('')
}

/**
 * SheetJS's parse_si: the text of a shared or inline string (`<t>`, or rich text runs without
 * their phonetic guides); undefined where SheetJS leaves the cell without a value.
 */
export function stringItemText(x: string): string | undefined {
  if (!x) return ''
  if (SI_PLAIN.test(x)) return unescapeXml(utf8Read(x.slice(x.indexOf('>') + 1).split(SI_T_END)[0] || ''), true)
  if (SI_RUN.test(x)) {
    // str_remove_xml_ns_g answers null for an unclosed run, and SheetJS's .match on null throws.
    const bare = withoutPhonetics(x)
    if (bare === null) throw new SyntaxError('unclosed phonetic run')
    return unescapeXml(utf8Read((bare.match(SI_TEXT) || []).join('').replace(TAG, '')), true)
  }
  return undefined
}

/** SheetJS's parsexmlbool. */
export function xmlBool(value: string | undefined): boolean {
  return value === '1' || value === 'true'
}

const PDRE1 = /^(\d+):(\d+)(:\d+)?(\.\d+)?$/
const PDRE2 = /^(\d+)-(\d+)-(\d+)$/
const PDRE3 = /^(\d+)-(\d+)-(\d+)[T ](\d+):(\d+)(:\d+)?(\.\d+)?$/
const DAY_MS = 24 * 60 * 60 * 1000
const DNTHRESH = Date.UTC(1899, 11, 30, 0, 0, 0)
const DNTHRESH1 = Date.UTC(1899, 11, 31, 0, 0, 0)

/** SheetJS's parseDate (1900 date system): a `t="d"` cell's ISO text as a date. */
export function parseDate(str: string): Date {
  let m = PDRE1.exec(str)
  if (m) {
    const [, h = '', mi = '', s, frac] = m
    return new Date(
      DNTHRESH1 +
        ((parseInt(h, 10) * 60 + parseInt(mi, 10)) * 60 + (s ? parseInt(s.slice(1), 10) : 0)) * 1000 +
        (frac ? parseInt((frac + '000').slice(1, 4), 10) : 0)
    )
  }
  m = PDRE2.exec(str)
  if (m) return new Date(Date.UTC(+(m[1] ?? ''), +(m[2] ?? '') - 1, +(m[3] ?? ''), 0, 0, 0, 0))
  m = PDRE3.exec(str)
  if (m) {
    const [, y = '', mo = '', d = '', h = '', mi = '', s, frac] = m
    return new Date(
      Date.UTC(+y, +mo - 1, +d, +h, +mi, (s && parseInt(s.slice(1), 10)) || 0, (frac && parseInt((frac + '0000').slice(1, 4), 10)) || 0)
    )
  }
  return new Date(str)
}

/** SheetJS's numdate (1900 date system): a serial as a date; serial 60 (Excel's 29 Feb 1900) stays a number. */
export function serialDate(v: number): Date | number {
  if (v >= 60 && v < 61) return v
  const out = new Date()
  out.setTime((v > 60 ? v : v + 1) * DAY_MS + DNTHRESH)
  return out
}

function isGeneral(s: string, i: number): boolean {
  return (
    s.length >= 7 + i &&
    (s.charCodeAt(i) | 32) === 103 &&
    (s.charCodeAt(i + 1) | 32) === 101 &&
    (s.charCodeAt(i + 2) | 32) === 110 &&
    (s.charCodeAt(i + 3) | 32) === 101 &&
    (s.charCodeAt(i + 4) | 32) === 114 &&
    (s.charCodeAt(i + 5) | 32) === 97 &&
    (s.charCodeAt(i + 6) | 32) === 108
  )
}

const ABSTIME = /\[[HhMmSs\u0E0A\u0E19\u0E17]*\]/

/** SheetJS's fmt_is_date: whether a number format shows a date or time. */
export function isDateFormat(fmt: string): boolean {
  let i = 0
  let c = ''
  let o = ''
  while (i < fmt.length) {
    switch ((c = fmt.charAt(i))) {
      case 'G':
        if (isGeneral(fmt, i)) i += 6
        i++
        break
      case '"':
        while (fmt.charCodeAt(++i) !== 34 && i < fmt.length) {
          /* to the closing quote */
        }
        ++i
        break
      case '\\':
        i += 2
        break
      case '_':
        i += 2
        break
      case '@':
        ++i
        break
      // SheetJS tests B1/B2 (Buddhist years) and then falls through to the date letters anyway.
      case 'B':
      case 'b':
      case 'M':
      case 'D':
      case 'Y':
      case 'H':
      case 'S':
      case 'E':
      case 'm':
      case 'd':
      case 'y':
      case 'h':
      case 's':
      case 'e':
      case 'g':
        return true
      case 'A':
      case 'a':
      case '上':
        if (fmt.substr(i, 3).toUpperCase() === 'A/P') return true
        if (fmt.substr(i, 5).toUpperCase() === 'AM/PM') return true
        if (fmt.substr(i, 5).toUpperCase() === '上午/下午') return true
        ++i
        break
      case '[':
        o = c
        while (fmt.charAt(i++) !== ']' && i < fmt.length) o += fmt.charAt(i)
        if (ABSTIME.test(o)) return true
        break
      case '.':
      case '0':
      case '#':
        while (
          i < fmt.length &&
          ('0#?.,E+-%'.indexOf((c = fmt.charAt(++i))) > -1 ||
            (c === '\\' && fmt.charAt(i + 1) === '-' && '0#'.indexOf(fmt.charAt(i + 2)) > -1))
        ) {
          /* past the digits */
        }
        break
      case '?':
        while (fmt.charAt(++i) === c) {
          /* past the run */
        }
        break
      case '*':
        ++i
        if (fmt.charAt(i) === ' ' || fmt.charAt(i) === '*') ++i
        break
      case '(':
      case ')':
        ++i
        break
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
      case '8':
      case '9':
        while (i < fmt.length && '0123456789'.indexOf(fmt.charAt(++i)) > -1) {
          /* past the number */
        }
        break
      case ' ':
        ++i
        break
      default:
        ++i
        break
    }
  }
  return false
}

/** SheetJS's table of built-in number formats (SSF_init_table), fresh for every workbook. */
export function builtinFormats(): Map<number, string> {
  return new Map<number, string>([
    [0, 'General'],
    [1, '0'],
    [2, '0.00'],
    [3, '#,##0'],
    [4, '#,##0.00'],
    [9, '0%'],
    [10, '0.00%'],
    [11, '0.00E+00'],
    [12, '# ?/?'],
    [13, '# ??/??'],
    [14, 'm/d/yy'],
    [15, 'd-mmm-yy'],
    [16, 'd-mmm'],
    [17, 'mmm-yy'],
    [18, 'h:mm AM/PM'],
    [19, 'h:mm:ss AM/PM'],
    [20, 'h:mm'],
    [21, 'h:mm:ss'],
    [22, 'm/d/yy h:mm'],
    [37, '#,##0 ;(#,##0)'],
    [38, '#,##0 ;[Red](#,##0)'],
    [39, '#,##0.00;(#,##0.00)'],
    [40, '#,##0.00;[Red](#,##0.00)'],
    [45, 'mm:ss'],
    [46, '[h]:mm:ss'],
    [47, 'mmss.0'],
    [48, '##0.0E+0'],
    [49, '@'],
    [56, '"上午/下午 "hh"時"mm"分"ss"秒 "']
  ])
}

/**
 * Built-in format ids that SheetJS's table lacks, and the id Excel shows them as (SheetJS's
 * SSF_default_map, "determined by systematically testing in Excel 2019"): locale formats such
 * as the CJK dates 27-31 and 50-58 show as m/d/yy.
 */
const DEFAULT_MAP = new Map<number, number>([
  [5, 37],
  [6, 38],
  [7, 39],
  [8, 40],
  [23, 0],
  [24, 0],
  [25, 0],
  [26, 0],
  [27, 14],
  [28, 14],
  [29, 14],
  [30, 14],
  [31, 14],
  [50, 14],
  [51, 14],
  [52, 14],
  [53, 14],
  [54, 14],
  [55, 14],
  [56, 14],
  [57, 14],
  [58, 14],
  [59, 1],
  [60, 2],
  [61, 3],
  [62, 4],
  [67, 9],
  [68, 10],
  [69, 12],
  [70, 13],
  [71, 14],
  [72, 14],
  [73, 15],
  [74, 16],
  [75, 17],
  [76, 20],
  [77, 21],
  [78, 22],
  [79, 45],
  [80, 46],
  [81, 47],
  [82, 0]
])

/** SheetJS's SSF_default_str: currency and Accounting formats (44 is Excel's Accounting button). */
const DEFAULT_TEXT = new Map<number, string>([
  [5, '"$"#,##0_);\\("$"#,##0\\)'],
  [63, '"$"#,##0_);\\("$"#,##0\\)'],
  [6, '"$"#,##0_);[Red]\\("$"#,##0\\)'],
  [64, '"$"#,##0_);[Red]\\("$"#,##0\\)'],
  [7, '"$"#,##0.00_);\\("$"#,##0.00\\)'],
  [65, '"$"#,##0.00_);\\("$"#,##0.00\\)'],
  [8, '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)'],
  [66, '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)'],
  [41, '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)'],
  [42, '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)'],
  [43, '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)'],
  [44, '_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)']
])

/**
 * The format SheetJS's formatter shows for an id neither its table nor the workbook defines
 * (SSF_format's fallback): the mapped built-in, else the currency/Accounting text, else General.
 * Excel writes such ids without defining them, 44 (Accounting) most often.
 */
export function defaultFormat(id: number, formats: ReadonlyMap<number, string>): string {
  const mapped = DEFAULT_MAP.get(id)
  return (mapped === undefined ? undefined : formats.get(mapped)) ?? DEFAULT_TEXT.get(id) ?? 'General'
}

const ATTRIBUTE = /\s([^"\s?>/]+)\s*=\s*((?:")([^"]*)(?:")|(?:')([^']*)(?:')|([^'">\s]+))/g

/**
 * SheetJS's parsexmltag, for the tags the reader looks at: attribute values as written (not
 * unescaped), a namespace prefix dropped from the name.
 */
export function tagAttributes(tag: string): Map<string, string> {
  const z = new Map<string, string>()
  let eq = 0
  for (; eq !== tag.length; ++eq) {
    const c = tag.charCodeAt(eq)
    if (c === 32 || c === 10 || c === 13) break
  }
  if (eq === tag.length) return z
  for (const m of tag.match(ATTRIBUTE) ?? []) {
    const cc = m.slice(1)
    let c = 0
    for (; c !== cc.length; ++c) if (cc.charCodeAt(c) === 61) break
    let q = cc.slice(0, c).trim()
    while (cc.charCodeAt(c + 1) === 32) ++c
    const open = cc.charCodeAt(c + 1)
    const quot = open === 34 || open === 39 ? 1 : 0
    const v = cc.slice(c + 1 + quot, cc.length - quot)
    const colon = q.indexOf(':')
    if (colon < 0) {
      if (q.indexOf('_') > 0) q = q.slice(0, q.indexOf('_'))
      z.set(q, v)
      z.set(q.toLowerCase(), v)
    } else {
      const k = (colon === 5 && q.slice(0, 5) === 'xmlns' ? 'xmlns' : '') + q.slice(colon + 1)
      if (z.has(k) && q.slice(colon - 3, colon) === 'ext') continue
      z.set(k, v)
      z.set(k.toLowerCase(), v)
    }
  }
  return z
}

/** SheetJS's tag pattern (tagregex): every tag of a part, in order. */
export function tagsOf(xml: string): string[] {
  return xml.match(TAG) ?? []
}

/** A tag's name without its namespace prefix, as SheetJS's strip_ns leaves it ("<numFmt", "</xf>"). */
export function tagName(tag: string): string {
  let end = 0
  while (end < tag.length) {
    const c = tag.charCodeAt(end)
    if (c === 32 || c === 10 || c === 13) break
    end++
  }
  return tag.slice(0, end).replace(/<(\/?)\w+:/, '<$1')
}
