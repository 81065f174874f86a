/**
 * Suggested merges: spellings in one column that are the same value — case, spacing and
 * punctuation variants, thesaurus synonyms, and typos in long words ("Manufacturng").
 *
 * Built for thousands of distinct values: spellings meet through hash keys (their spelling key,
 * their typo-corrected key, their thesaurus entry), and typos are found among the column's
 * distinct long words with deletion neighbourhoods, so nothing compares every pair.
 */
import { DEFAULT_MISSING_TOKENS, type ValueCount } from '@shared/domain/dataset'
import { findTypoClasses } from './typo-classes'
import { spellingKey, spellingTokens } from './spelling'
import { synonymConcept } from './synonyms'

export interface MergeSuggestion {
  /** The spelling to keep: the most frequent value, in its nicest-cased spelling (see pickTarget). */
  to: string
  /** Raw values to rewrite to `to`, most frequent first. */
  from: string[]
}

const MISSING = new Set<string>(DEFAULT_MISSING_TOKENS)

/** Union-find over string nodes; each group is a set of spellings of one value. */
class Groups {
  private readonly parent = new Map<string, string>()

  find(node: string): string {
    let root = node
    for (let up = this.parent.get(root); up !== undefined && up !== root; up = this.parent.get(root)) root = up
    // Path compression keeps later finds flat.
    for (let at = node; at !== root;) {
      const next = this.parent.get(at) ?? root
      this.parent.set(at, root)
      at = next
    }
    return root
  }

  union(a: string, b: string): void {
    const ra = this.find(a)
    const rb = this.find(b)
    if (ra !== rb) this.parent.set(rb, ra)
  }
}

/**
 * How a client reads a spelling on the page: as words ("Computer Software", "SaaS", "IT"), as a
 * system's code ("COMPUTER_SOFTWARE", HubSpot's industry values, or "RETAIL"), or in lower case.
 */
function readable(spelling: string): number {
  if (spelling === spelling.toLowerCase()) return 0
  return niceness(spelling) >= 1 && !spelling.includes('_') ? 2 : 1
}

/** Mixed case ("SaaS", "FinTech") reads best, then short all-caps acronyms, then lower case. */
function niceness(spelling: string): number {
  const hasUpper = spelling !== spelling.toLowerCase()
  const hasLower = spelling !== spelling.toUpperCase()
  if (hasUpper && hasLower) return 2
  return hasUpper && spelling.length <= 5 ? 1 : 0
}

/**
 * The spelling a group is merged into. The value is the one with the most rows, counting all of
 * its case and punctuation variants together (one spelling key). Of its spellings, one written as
 * words beats a code, which beats lower case, whatever their rows (see readable): a client reads
 * "Retail" and "Computer Software" on the one-pager, not the "retail" or "COMPUTER_SOFTWARE" the
 * export happened to write more often. Among those, the most frequent wins ("IT" over a stray
 * "It"), then the nicest-cased. Spellings are compared only within that value,
 * so a rare typo ("Manufacturng") never wins by its capitals.
 */
function pickTarget(members: readonly ValueCount[]): string {
  const spellings = new Map<string, { weight: number; key: string }>()
  const keyWeights = new Map<string, number>()
  for (const { value, count } of members) {
    const spelling = value.trim().replace(/\s+/g, ' ')
    const key = spellings.get(spelling)?.key ?? spellingKey(spellingTokens(spelling))
    spellings.set(spelling, { weight: (spellings.get(spelling)?.weight ?? 0) + count, key })
    keyWeights.set(key, (keyWeights.get(key) ?? 0) + count)
  }
  const [valueKey] = [...keyWeights].reduce((a, b) => (b[1] > a[1] || (b[1] === a[1] && b[0] < a[0]) ? b : a))
  const rank = ([spelling, { weight }]: [string, { weight: number }]): number[] => [readable(spelling), weight, niceness(spelling)]
  const candidates = [...spellings].filter(([, s]) => s.key === valueKey)
  const [best] = candidates.reduce((a, b) => {
    const ra = rank(a)
    const rb = rank(b)
    const at = ra.findIndex((r, i) => r !== rb[i])
    return at >= 0 ? (rb[at]! > ra[at]! ? b : a) : b[0] < a[0] ? b : a
  })
  return best
}

export function suggestMerges(values: readonly ValueCount[]): MergeSuggestion[] {
  const entries = values
    .filter((v) => !MISSING.has(v.value.trim().toLowerCase()))
    .map((v) => ({ ...v, tokens: spellingTokens(v.value) }))
    .filter((e) => e.tokens.length > 0)

  const wordWeights = new Map<string, number>()
  for (const entry of entries) {
    for (const token of entry.tokens) wordWeights.set(token, (wordWeights.get(token) ?? 0) + entry.count)
  }
  const typoOf = findTypoClasses(wordWeights)

  const groups = new Groups()
  entries.forEach((entry, i) => {
    const node = `v:${i}`
    const key = spellingKey(entry.tokens)
    const corrected = spellingKey(entry.tokens.map((t) => typoOf.get(t) ?? t))
    groups.union(node, `k:${key}`)
    groups.union(node, `k:${corrected}`)
    const concept = synonymConcept(key) ?? synonymConcept(corrected)
    if (concept !== null) groups.union(node, `s:${concept}`)
  })

  const members = new Map<string, ValueCount[]>()
  entries.forEach((entry, i) => {
    const root = groups.find(`v:${i}`)
    const list = members.get(root)
    const member = { value: entry.value, count: entry.count }
    if (list) list.push(member)
    else members.set(root, [member])
  })

  const suggestions: Array<MergeSuggestion & { total: number }> = []
  for (const list of members.values()) {
    if (list.length < 2) continue
    const to = pickTarget(list)
    const from = list
      .filter((m) => m.value !== to)
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
      .map((m) => m.value)
    const total = list.reduce((sum, m) => sum + m.count, 0)
    if (from.length > 0) suggestions.push({ to, from, total })
  }
  suggestions.sort((a, b) => b.total - a.total || (a.to < b.to ? -1 : 1))
  return suggestions.map(({ to, from }) => ({ to, from }))
}
