/**
 * A column stored as a dictionary of distinct raw values plus one code per row. CRM exports
 * repeat the same values endlessly (industries, states, stages), so every later step — type
 * inference, parsing, hygiene rules, scoring — works once per distinct value instead of once
 * per row, and a million-row column costs a few megabytes.
 */
export interface DictionaryColumn {
  /**
   * Raw values in order of first appearance, each normally once. A column of mostly unique
   * values (ids, names, amounts) skips the de-duplication, so an entry may then repeat;
   * consumers treat entries as values, never as proof of distinctness.
   */
  dictionary: string[]
  /** For each row, the index of its value in `dictionary`. */
  codes: Uint32Array
  /** True when every dictionary entry is known to occur once (lets readers skip de-duplication). */
  unique?: boolean
  /**
   * The same entries as `dictionary`, read one at a time, where the reader can give them without
   * making every string first (see columnEntries). `dictionary` is then built only when asked for.
   */
  entries?: EntryList
}

/**
 * A column's entries read one at a time; a plain array is one. A CSV reader hands over a column
 * of a million ids or timestamps this way, as ranges of the file's bytes: made into a million
 * strings while reading, they were a quarter of a 1M-row import, most of it the garbage
 * collector copying strings that all lived on.
 */
export interface EntryList {
  readonly length: number
  at(index: number): string | undefined
  /**
   * For a list that can tell without making its entries into strings: the indexes, in order, of
   * the entries that are empty or, in lower case, one of `tokens` (lower-case, as
   * missingTokenSet makes them). Null when it cannot tell (an entry has a space at one end).
   */
  knownMissing?(tokens: ReadonlySet<string>): readonly number[] | null
  /**
   * For a list that holds some entries as ASCII bytes: the bytes entry `index` is in, with its
   * place written to `span` ([start, end)), so it can be read without making a string; null
   * when it is not held that way, and then at() is the way to read it.
   */
  asciiSpan?(index: number, span: Float64Array): Uint8Array | null
}

/** Some entries of a list, by their indexes in it (ascending), read through it. */
export class SelectedEntries implements EntryList {
  constructor(
    private readonly from: EntryList,
    private readonly indexes: Uint32Array
  ) {}

  get length(): number {
    return this.indexes.length
  }

  at(index: number): string | undefined {
    const at = this.indexes[index]
    return at === undefined ? undefined : this.from.at(at)
  }

  asciiSpan(index: number, span: Float64Array): Uint8Array | null {
    const at = this.indexes[index]
    return at === undefined || this.from.asciiSpan === undefined ? null : this.from.asciiSpan(at, span)
  }

  knownMissing(tokens: ReadonlySet<string>): readonly number[] | null {
    const missing = this.from.knownMissing?.(tokens)
    if (missing === undefined || missing === null) return null
    // Both lists ascend: one walk finds the selected entries that are missing.
    const mine: number[] = []
    let m = 0
    for (let i = 0; i < this.indexes.length && m < missing.length; i++) {
      const at = this.indexes[i]!
      while (m < missing.length && missing[m]! < at) m++
      if (missing[m] === at) mine.push(i)
    }
    return mine
  }
}

/** The column's entries, without building its dictionary when a reader gave them another way. */
export function columnEntries(column: DictionaryColumn): EntryList {
  return column.entries ?? column.dictionary
}

/** After this many rows, a column where most values are new stops de-duplicating. */
const CARDINALITY_PROBE_ROWS = 20_000
const HIGH_CARDINALITY_SHARE = 0.5

/**
 * Whether a builder stops de-duplicating now (`rows` already stored, `entries` in the dictionary).
 * Every builder (from strings, CSV bytes, shared strings) asks this at the same row, so all of
 * them build the same column from the same cells.
 */
export function stopsDeduplicating(rows: number, entries: number): boolean {
  return rows === CARDINALITY_PROBE_ROWS && entries > CARDINALITY_PROBE_ROWS * HIGH_CARDINALITY_SHARE
}

/** One code per row, in a typed array that doubles as rows arrive. */
export class CodeList {
  private codes: Uint32Array
  length = 0

  /** `shared`: in memory another thread can read without a copy (a large file's reading process). */
  constructor(
    expectedRows: number,
    private readonly shared = false
  ) {
    this.codes = this.allocate(Math.max(16, expectedRows))
  }

  private allocate(size: number): Uint32Array {
    return this.shared ? new Uint32Array(new SharedArrayBuffer(size * Uint32Array.BYTES_PER_ELEMENT)) : new Uint32Array(size)
  }

  push(code: number): void {
    if (this.length === this.codes.length) {
      const grown = this.allocate(this.codes.length * 2)
      grown.set(this.codes)
      this.codes = grown
    }
    this.codes[this.length++] = code
  }

  /** The codes pushed, in an array of their own size. */
  finish(): Uint32Array {
    return this.codes.slice(0, this.length)
  }

  /**
   * The codes pushed, without a copy: a view on a buffer up to twice their size. For a column
   * that lives only until it is handed over (the reading process): copying every column at the
   * end of a read held both copies at once, 52 MB of the reader's peak on a 1M-row CSV.
   */
  finishView(): Uint32Array {
    return this.codes.subarray(0, this.length)
  }
}

export class DictionaryColumnBuilder {
  private index: Map<string, number> | null = new Map<string, number>()
  private readonly dictionary: string[] = []
  private readonly codes: CodeList

  constructor(expectedRows = 1024) {
    this.codes = new CodeList(expectedRows)
  }

  push(value: string): void {
    let code: number | undefined
    if (this.index === null) {
      // Hashing a million unique ids into a map costs more than it saves.
      code = this.dictionary.length
      this.dictionary.push(value)
    } else {
      code = this.index.get(value)
      if (code === undefined) {
        code = this.dictionary.length
        this.dictionary.push(value)
        this.index.set(value, code)
      }
      if (stopsDeduplicating(this.codes.length, this.dictionary.length)) this.index = null
    }
    this.codes.push(code)
  }

  get rowCount(): number {
    return this.codes.length
  }

  finish(): DictionaryColumn {
    return { dictionary: this.dictionary, codes: this.codes.finish(), unique: this.index !== null }
  }
}

/** How many rows hold each dictionary entry. */
export function countCodes(column: DictionaryColumn): Uint32Array {
  const counts = new Uint32Array(columnEntries(column).length)
  const { codes } = column
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!
    counts[code] = counts[code]! + 1
  }
  return counts
}

/** Appends `extra`'s rows to `base`, merging dictionaries (used by "append" refreshes). */
export function concatColumns(base: DictionaryColumn, extra: DictionaryColumn): DictionaryColumn {
  const builder = new DictionaryColumnBuilder(base.codes.length + extra.codes.length)
  for (const code of base.codes) builder.push(base.dictionary[code]!)
  for (const code of extra.codes) builder.push(extra.dictionary[code]!)
  return builder.finish()
}

/** Keeps only the rows whose flag is set, dropping dictionary entries no row uses any more. */
export function filterRows(column: DictionaryColumn, keep: Uint8Array): DictionaryColumn {
  const builder = new DictionaryColumnBuilder(column.codes.length)
  for (let row = 0; row < column.codes.length; row++) {
    if (keep[row]) builder.push(column.dictionary[column.codes[row]!]!)
  }
  return builder.finish()
}
