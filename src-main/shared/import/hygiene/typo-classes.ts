/**
 * Typos among a column's words: "Manufacturng" is "Manufacturing", but "IT" is not "IoT".
 * Only words of 7 letters or more are corrected (short words differ by one letter all the
 * time: CA/GA, B/C), by at most 1 edit, or 2 edits from 12 letters on. A 2-edit pair must also
 * look like a typo — the rare spelling at most a third as common — because two long words two
 * letters apart are sometimes different words ("Transportation", "Transformation").
 */
import { editDistance } from './spelling'

const MIN_LENGTH = 7
const TWO_EDITS_FROM = 12
const TYPO_RARITY = 3

const editBudget = (length: number): number => (length >= TWO_EDITS_FROM ? 2 : length >= MIN_LENGTH ? 1 : 0)

/** The word with up to `depth` letters deleted, every way (the word itself included). */
function deletions(word: string, depth: number, into: Set<string>): void {
  into.add(word)
  if (depth === 0) return
  for (let i = 0; i < word.length; i++) deletions(word.slice(0, i) + word.slice(i + 1), depth - 1, into)
}

/**
 * Maps each word that has a typo twin to its class's representative (the most common
 * spelling); words without one are absent. `weights` are how many rows use each word.
 */
export function findTypoClasses(weights: ReadonlyMap<string, number>): Map<string, string> {
  const words = [...weights.keys()].filter((w) => w.length >= MIN_LENGTH && /^\p{L}+$/u.test(w))
  // Two words within k edits share a k-deletion variant, so only words meeting in this index are compared.
  const byVariant = new Map<string, number[]>()
  words.forEach((word, index) => {
    const variants = new Set<string>()
    deletions(word, editBudget(word.length), variants)
    for (const variant of variants) {
      const list = byVariant.get(variant)
      if (list) list.push(index)
      else byVariant.set(variant, [index])
    }
  })

  const parent = words.map((_, i) => i)
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!
    return i
  }
  const checked = new Set<number>()
  for (const list of byVariant.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = list[x]!
        const b = list[y]!
        const pairId = a * words.length + b
        if (checked.has(pairId)) continue
        checked.add(pairId)
        if (isTypoPair(words[a]!, words[b]!, weights)) parent[root(b)] = root(a)
      }
    }
  }

  const members = new Map<number, string[]>()
  words.forEach((word, i) => {
    const r = root(i)
    const list = members.get(r)
    if (list) list.push(word)
    else members.set(r, [word])
  })
  const representative = new Map<string, string>()
  for (const list of members.values()) {
    if (list.length < 2) continue
    const best = list.reduce((a, b) => {
      const wa = weights.get(a) ?? 0
      const wb = weights.get(b) ?? 0
      return wb > wa || (wb === wa && b < a) ? b : a
    })
    for (const word of list) representative.set(word, best)
  }
  return representative
}

function isTypoPair(a: string, b: string, weights: ReadonlyMap<string, number>): boolean {
  // The members of a series differ in their last letter ("SeriesA", "SeriesB"; "TypeA", "TypeB"):
  // two values, not a typo. A real export's "SeriesB" and "SeriesC" were proposed as "Series A".
  if (a.length === b.length && a.slice(0, -1) === b.slice(0, -1)) return false
  const budget = editBudget(Math.min(a.length, b.length))
  const distance = editDistance(a, b, budget)
  if (distance > budget) return false
  if (distance < 2) return true
  const wa = weights.get(a) ?? 0
  const wb = weights.get(b) ?? 0
  return Math.min(wa, wb) * TYPO_RARITY <= Math.max(wa, wb)
}
