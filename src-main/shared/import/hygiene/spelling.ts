/**
 * What makes two spellings "the same value": case, accents, spacing and punctuation do not
 * count ("SaaS", "saas", "S.a.a.S"), but digits keep their grouping ("1-10" is not "110") and
 * "+" and "#" stay ("C++" is not "C", "Series D+" is not "Series D").
 */

/** Words of a value, lower-cased and without accents; "&" reads as "and". */
export function spellingTokens(raw: string): string[] {
  const folded = raw
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
  return folded.match(/[\p{L}\p{N}+#]+/gu) ?? []
}

const endsWithDigit = (s: string): boolean => /\p{N}$/u.test(s)
const startsWithDigit = (s: string): boolean => /^\p{N}/u.test(s)

/** Tokens joined into one key; a separator survives only between two numbers. */
export function spellingKey(tokens: readonly string[]): string {
  let key = ''
  let previous = ''
  for (const token of tokens) {
    if (key !== '' && endsWithDigit(previous) && startsWithDigit(token)) key += '|'
    key += token
    previous = token
  }
  return key
}

/**
 * Optimal-string-alignment distance (an adjacent swap costs 1, as in "Manufactruing"), or
 * `limit + 1` as soon as the distance must exceed `limit`: callers only ask "within 1 or 2?".
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  const width = b.length + 1
  let before = new Array<number>(width).fill(0)
  let previous = Array.from({ length: width }, (_, j) => j)
  let current = new Array<number>(width).fill(0)
  for (let i = 1; i <= a.length; i++) {
    current[0] = i
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1)
      current[j] = value
      if (value < rowMin) rowMin = value
    }
    if (rowMin > limit) return limit + 1
    const spare = before
    before = previous
    previous = current
    current = spare
  }
  return Math.min(previous[b.length]!, limit + 1)
}
