import type { DateOrder } from '@shared/domain/dataset'
import { matchDateShape, shape } from './date-shape'

export interface DateOrderVerdict {
  order: DateOrder | null
  ambiguous: boolean
}

/**
 * Counts the evidence for a column's day/month order, value by value. A numeric date with a
 * first part over 12 can only be d/m/y, one with a second part over 12 only m/d/y; "03/05/2024"
 * fits both and decides nothing.
 */
export class DateOrderTally {
  private dayFirst = 0
  private monthFirst = 0
  private undecided = 0
  private yearFirstOrNamed = 0

  add(raw: string, weight = 1): void {
    if (matchDateShape(raw)) this.addMatched(weight)
  }

  /** add() for the value matchDateShape (or parseDate) has just matched: its shape is still there. */
  addMatched(weight = 1): void {
    if (shape.style !== 'numeric') {
      this.yearFirstOrNamed += weight
      return
    }
    const { first, second } = shape
    if (first < 1 || second < 1 || first > 31 || second > 31) return
    if (first > 12 && second > 12) return
    if (first > 12) this.dayFirst += weight
    else if (second > 12) this.monthFirst += weight
    else this.undecided += weight
  }

  /**
   * Both kinds of evidence at once means the column mixes conventions: undecided, ambiguous.
   * Only "fits both" values: undecided, ambiguous (the user must say). Only ISO or month names:
   * 'ymd'. No dates at all: undecided but not ambiguous.
   */
  verdict(): DateOrderVerdict {
    if (this.dayFirst > 0 && this.monthFirst > 0) return { order: null, ambiguous: true }
    if (this.dayFirst > 0) return { order: 'dmy', ambiguous: false }
    if (this.monthFirst > 0) return { order: 'mdy', ambiguous: false }
    if (this.undecided > 0) return { order: null, ambiguous: true }
    return { order: this.yearFirstOrNamed > 0 ? 'ymd' : null, ambiguous: false }
  }
}

/** The day/month order a column of date strings uses (see DateOrderTally). */
export function detectDateOrder(values: Iterable<string>): DateOrderVerdict {
  const tally = new DateOrderTally()
  for (const value of values) tally.add(value)
  return tally.verdict()
}
