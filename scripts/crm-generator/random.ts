/**
 * Seeded randomness for the CRM generator.
 *
 * Everything the generator produces must be a pure function of the seed, so tests can pin
 * exact values and a benchmark file can be regenerated instead of stored. Math.random is never
 * used. Independent streams (one per account, one per table's mess) are derived from the seed
 * and a label, so adding a column to one table or changing the mess level never shifts the
 * latent model drawn for another.
 */

/** 32-bit string hash (xmur3 finaliser), used to turn seed + label into stream keys. */
export function hash32(text: string): number {
  let h = 1779033703 ^ text.length
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353)
    h = (h << 13) | (h >>> 19)
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507)
  h = Math.imul(h ^ (h >>> 13), 3266489909)
  return (h ^= h >>> 16) >>> 0
}

/** The k-th output of a splitmix32 sequence started at h. */
function splitmix32(h: number, k: number): number {
  let z = (h + Math.imul(k, 0x9e3779b9)) | 0
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return (z ^ (z >>> 16)) >>> 0
}

/** sfc32: small, fast and passes PractRand far beyond what a data generator needs. */
export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number
  private spare: number | null = null

  /** From a 32-bit key; use rngFor or RngFamily to derive keys from a seed and labels. */
  constructor(key: number) {
    const h = key >>> 0
    this.a = splitmix32(h, 1)
    this.b = splitmix32(h, 2)
    this.c = splitmix32(h, 3)
    this.d = splitmix32(h, 4) | 1
    // Warm up so streams with similar keys decorrelate before first use.
    for (let i = 0; i < 8; i++) this.next()
  }

  /** Uniform float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return (t >>> 0) / 4294967296
  }

  /** Uniform integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]
    if (item === undefined) throw new Error('pick from an empty list')
    return item
  }

  /** Picks by relative weight; weights need not sum to 1. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0
    for (const [, w] of entries) total += w
    let r = this.next() * total
    for (const [value, w] of entries) {
      r -= w
      if (r < 0) return value
    }
    const last = entries[entries.length - 1]
    if (last === undefined) throw new Error('weighted pick from an empty list')
    return last[0]
  }

  /** Standard normal via Box-Muller; the second value of each pair is kept for the next call. */
  normal(): number {
    if (this.spare !== null) {
      const value = this.spare
      this.spare = null
      return value
    }
    const radius = Math.sqrt(-2 * Math.log(1 - this.next()))
    const angle = 2 * Math.PI * this.next()
    this.spare = radius * Math.sin(angle)
    return radius * Math.cos(angle)
  }

  /** Log-normal with the given median and log-space spread. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal())
  }
}

/** A stream for one purpose, e.g. rngFor(seed, 'mess', 'deals'). */
export function rngFor(seed: number | string, ...labels: (string | number)[]): Rng {
  return new Rng(hash32(`${String(seed)}/${labels.join('/')}`))
}

/**
 * Numbered streams sharing a label (one per account): the label is hashed once and each index
 * is mixed in numerically, because a big export creates millions of them.
 */
export class RngFamily {
  private readonly base: number

  constructor(seed: number | string, label: string) {
    this.base = hash32(`${String(seed)}/${label}`)
  }

  at(index: number): Rng {
    return new Rng(splitmix32(this.base, index + 1))
  }
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x))
}
