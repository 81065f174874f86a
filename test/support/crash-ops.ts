import { defaultScorecard, type Scorecard } from '@shared/engine/scorecard/model'

/** One operation of the crash-safety child, as logged (`begin` before the call, `done` after it returned). */
export type CrashOp = { n: number; kind: 'import'; file: string } | { n: number; kind: 'save' } | { n: number; kind: 'version' }

/** The working copy saved by operation `n`: its number is in a category name and a tier threshold. */
export function crashScorecard(n: number): Scorecard {
  const base = defaultScorecard('Crash ICP')
  return {
    ...base,
    categories: [...base.categories, { name: `Edit ${n}`, budget: (n % 40) + 1 }],
    tiers: base.tiers.map((tier, i) => (i === 0 ? { ...tier, min: 61 + (n % 30) } : tier))
  }
}
