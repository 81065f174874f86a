/**
 * The delimiter of a text export and Excel's "sep=;" hint line. The delimiter is the candidate
 * that splits the first records into the most consistent number of fields, with quotes
 * respected (a comma inside "Acme, Inc." does not count).
 */
import { BrokenRecord, CsvParser } from './csv-parser'

export interface CsvDialect {
  delimiter: string
  /** Characters of the "sep=" line to skip at the start of the text (0 when there is none). */
  skipChars: number
}

const CANDIDATES = [',', ';', '\t', '|']
const SAMPLE_RECORDS = 50
const SEP_LINE = /^sep=(.)[ \t]*(\r\n|\n|\r|$)/i

interface Score {
  delimiter: string
  consistency: number
  fields: number
}

function scoreOf(sample: string, delimiter: string, final: boolean): Score {
  const counts: number[] = []
  const parser = new CsvParser(delimiter, (fields, count) => {
    // Blank lines say nothing about the delimiter.
    if (count > 1 || fields[0] !== '') counts.push(count)
    return counts.length < SAMPLE_RECORDS
  })
  try {
    parser.feed(sample, final)
  } catch (error) {
    if (!(error instanceof BrokenRecord)) throw error
  }
  const freq = new Map<number, number>()
  for (const c of counts) if (c >= 2) freq.set(c, (freq.get(c) ?? 0) + 1)
  let fields = 0
  let best = 0
  for (const [c, f] of freq) {
    if (f > best || (f === best && c > fields)) {
      best = f
      fields = c
    }
  }
  return { delimiter, consistency: counts.length === 0 ? 0 : best / counts.length, fields }
}

/** `sample` is the start of the decoded text; `whole` says whether it is the entire file. */
export function sniffDialect(sample: string, whole: boolean, extension: string): CsvDialect {
  const sep = SEP_LINE.exec(sample)
  if (sep?.[1] !== undefined) return { delimiter: sep[1], skipChars: sep[0].length }
  const order = extension === 'tsv' ? ['\t', ...CANDIDATES.filter((c) => c !== '\t')] : CANDIDATES
  let best: Score | null = null
  for (const delimiter of order) {
    const score = scoreOf(sample, delimiter, whole)
    if (score.fields < 2) continue
    // Consistency first (in tenths, so one odd title line does not decide), then more fields.
    const bucket = Math.round(score.consistency * 10)
    const bestBucket = best === null ? -1 : Math.round(best.consistency * 10)
    if (best === null || bucket > bestBucket || (bucket === bestBucket && score.fields > best.fields)) best = score
  }
  return { delimiter: best?.delimiter ?? order[0] ?? ',', skipChars: 0 }
}
