import { describe, expect, it } from 'vitest'
import { scoreBins } from '../../src-renderer/features/simulate/score-bins'

describe('score bins of the distribution chart', () => {
  it('sum every score into bins of 5 points, 100 on its own, keeping every deal', () => {
    const distribution = Array.from({ length: 101 }, (_, score) => ({ score, won: score % 3, lost: score % 2 }))
    const bins = scoreBins(distribution)
    expect(bins).toHaveLength(21)
    expect(bins.slice(0, 2)).toEqual([
      { score: 2, label: '0–4', won: 0 + 1 + 2 + 0 + 1, lost: 0 + 1 + 0 + 1 + 0 },
      { score: 7, label: '5–9', won: 2 + 0 + 1 + 2 + 0, lost: 1 + 0 + 1 + 0 + 1 }
    ])
    expect(bins[20]).toEqual({ score: 100, label: '100', won: 1, lost: 0 })
    const total = (key: 'won' | 'lost', rows: ReadonlyArray<{ won: number; lost: number }>) => rows.reduce((s, r) => s + r[key], 0)
    expect(total('won', bins)).toBe(total('won', distribution))
    expect(total('lost', bins)).toBe(total('lost', distribution))
  })

  it('leave out bins with no score in the data, in score order', () => {
    expect(
      scoreBins([
        { score: 71, won: 1, lost: 0 },
        { score: 12, won: 0, lost: 2 }
      ]).map((b) => b.label)
    ).toEqual(['10–14', '70–74'])
  })
})
