/**
 * A dictionary column built from worksheet cells that may name their value by shared string
 * index: a value met before by that index costs an array read instead of a hash of its text.
 * Most cells of a CRM export are shared strings, and hashing each one into the column's Map
 * was the largest part of reading the rows once SheetJS was gone.
 *
 * It must produce exactly what DictionaryColumnBuilder produces from the same cells as strings
 * (dictionary order, codes, the switch to no de-duplication for mostly-unique columns, and
 * `unique`), as ByteDictionaryBuilder does for CSV bytes: the strings map stays the authority,
 * the index array only caches which code a shared string has.
 */
import { CodeList, stopsDeduplicating, type DictionaryColumn } from '@shared/engine/dictionary-column'

export class SharedStringColumnBuilder {
  private index: Map<string, number> | null = new Map<string, number>()
  private readonly dictionary: string[] = []
  private readonly codes: CodeList
  /** Code + 1 by shared string index (0: not met yet); null until the first shared string. */
  private byShared: Int32Array | null = null

  constructor(
    /** How many shared strings the workbook has; 0 disables the cache. */
    private readonly sharedCount: number,
    expectedRows = 1024
  ) {
    this.codes = new CodeList(expectedRows)
  }

  /** A cell given by its text. */
  push(value: string): void {
    if (this.index === null) {
      this.append(value)
      return
    }
    this.pushCode(this.codeOf(value))
  }

  /** A cell whose text is shared string `shared` (so the same index always brings the same text). */
  pushShared(shared: number, value: string): void {
    if (this.index === null || this.sharedCount === 0) {
      this.push(value)
      return
    }
    const cache = (this.byShared ??= new Int32Array(this.sharedCount))
    let code = cache[shared]! - 1
    if (code < 0) {
      code = this.codeOf(value)
      cache[shared] = code + 1
    }
    this.pushCode(code)
  }

  finish(): DictionaryColumn {
    return { dictionary: this.dictionary, codes: this.codes.finishView(), unique: this.index !== null }
  }

  private codeOf(value: string): number {
    let code = this.index!.get(value)
    if (code === undefined) {
      code = this.dictionary.length
      this.dictionary.push(value)
      this.index!.set(value, code)
    }
    return code
  }

  private pushCode(code: number): void {
    // DictionaryColumnBuilder's probe, at the same row and on the same count.
    if (stopsDeduplicating(this.codes.length, this.dictionary.length)) {
      this.index = null
      this.byShared = null
    }
    this.codes.push(code)
  }

  private append(value: string): void {
    const code = this.dictionary.length
    this.dictionary.push(value)
    this.codes.push(code)
  }
}
