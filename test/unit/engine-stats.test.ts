import { describe, expect, it } from 'vitest'
import { mean, median } from '@shared/engine/stats/median'
import { populationStability, PSI_EPSILON } from '@shared/engine/stats/psi'
import { aucFromHistograms, cumulativeGains, giniFromAuc, ksFromHistograms } from '@shared/engine/stats/ranking'
import { orderByValue } from '@shared/engine/stats/sort-order'
import { wilsonInterval, Z95 } from '@shared/engine/stats/wilson'
import { mulberry32, randomInt } from './engine-fixtures'

const rounded = ([lo, hi]: [number, number]): [number, number] => [Math.round(lo * 1e4) / 1e4, Math.round(hi * 1e4) / 1e4]

describe('Wilson 95% interval', () => {
  it('matches published values', () => {
    expect(Z95).toBe(1.959964)
    expect(rounded(wilsonInterval(8, 10))).toEqual([0.4902, 0.9433])
    expect(rounded(wilsonInterval(50, 100))).toEqual([0.4038, 0.5962])
    expect(rounded(wilsonInterval(1, 2))).toEqual([0.0945, 0.9055])
    expect(rounded(wilsonInterval(0, 10))).toEqual([0, 0.2775])
    expect(rounded(wilsonInterval(10, 10))).toEqual([0.7225, 1])
  })

  it('is all of [0, 1] with no trials and narrows as the sample grows', () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1])
    const small = wilsonInterval(5, 10)
    const large = wilsonInterval(500, 1000)
    expect(large[1] - large[0]).toBeLessThan(small[1] - small[0])
  })
})

describe('median and mean', () => {
  it('takes the middle value, or the mean of the two middle ones, skipping NaN', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median(Float64Array.from([NaN, 7, NaN, 1]))).toBe(4)
    expect(median(new Float64Array([NaN]))).toBeNaN()
    expect(median([])).toBeNaN()
    expect(median(Int32Array.from([10, -2, 3]))).toBe(3)
    expect(mean(Float64Array.from([1, NaN, 2, 6]))).toBe(3)
    expect(mean([NaN])).toBeNaN()
  })
})

describe('ranking figures from histograms', () => {
  it('AUC counts ties half: perfect, reversed, all tied, hand-made', () => {
    expect(aucFromHistograms([0, 0, 3], [2, 0, 0])).toBe(1)
    expect(aucFromHistograms([3, 0, 0], [0, 0, 2])).toBe(0)
    expect(aucFromHistograms([0, 4, 0], [0, 5, 0])).toBe(0.5)
    // Positives at 1, 2, 2; negatives at 0, 1, 2: pairs won 1.5 + 2.5 + 2.5 = 6.5 of 9.
    expect(aucFromHistograms([0, 1, 2], [1, 1, 1])).toBeCloseTo(6.5 / 9, 12)
    expect(aucFromHistograms([0, 0], [1, 1])).toBeNaN()
    expect(giniFromAuc(0.75)).toBe(0.5)
  })

  it('AUC equals a brute-force pairwise count on random data', () => {
    const random = mulberry32(99)
    for (let trial = 0; trial < 300; trial++) {
      const buckets = randomInt(random, 1, 102)
      const n = randomInt(random, 2, 200)
      const scores = Array.from({ length: n }, () => randomInt(random, 0, buckets - 1))
      const labels = Array.from({ length: n }, () => (random() < 0.4 ? 1 : 0))
      const pos = new Float64Array(buckets)
      const neg = new Float64Array(buckets)
      scores.forEach((score, i) => (labels[i] ? pos : neg)[score]!++)
      let pairs = 0
      let wins = 0
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          if (labels[i] !== 1 || labels[j] !== 0) continue
          pairs++
          wins += scores[i]! > scores[j]! ? 1 : scores[i] === scores[j] ? 0.5 : 0
        }
      }
      const auc = aucFromHistograms(pos, neg)
      if (pairs === 0) expect(auc).toBeNaN()
      else expect(auc, `trial ${trial}`).toBeCloseTo(wins / pairs, 12)
    }
  })

  it('KS is the widest gap between the shares of positives and negatives above a cut', () => {
    // Positives 0/2/2 and negatives 2/1/1 over buckets 0-2: at bucket 1 and up, 4/4 vs 2/4.
    expect(ksFromHistograms([0, 2, 2], [2, 1, 1])).toEqual({ ks: 0.5, bucket: 1 })
    expect(ksFromHistograms([0, 0, 3], [2, 0, 0]).ks).toBe(1)
    const random = mulberry32(5)
    for (let trial = 0; trial < 100; trial++) {
      const pos = Array.from({ length: 20 }, () => randomInt(random, 0, 9))
      const neg = Array.from({ length: 20 }, () => randomInt(random, 0, 9))
      const [p, q] = [pos.reduce((a, b) => a + b), neg.reduce((a, b) => a + b)]
      let best = 0
      for (let cut = 0; cut < 20; cut++) {
        const a = pos.slice(cut).reduce((x, y) => x + y, 0) / p
        const b = neg.slice(cut).reduce((x, y) => x + y, 0) / q
        best = Math.max(best, Math.abs(a - b))
      }
      expect(ksFromHistograms(pos, neg).ks).toBeCloseTo(best, 12)
    }
  })

  it('cumulative gains select from the top bucket down', () => {
    expect(cumulativeGains([0, 1, 3], [4, 2, 4])).toEqual([
      { bucket: 2, population: 0.4, captured: 0.75 },
      { bucket: 1, population: 0.6, captured: 1 },
      { bucket: 0, population: 1, captured: 1 }
    ])
  })
})

describe('population stability index', () => {
  it('sums (a - e) ln(a / e) over the bins', () => {
    const psi = populationStability([50, 50], [25, 75])
    expect(psi.total).toBeCloseTo(0.274653072167, 10)
    expect(psi.bins[0]).toBeCloseTo(0.25 * Math.log(2), 12)
    expect(populationStability([10, 20, 30], [1, 2, 3]).total).toBe(0)
  })

  it('floors empty bins at epsilon (0.0001) so the index stays finite', () => {
    expect(PSI_EPSILON).toBe(1e-4)
    const psi = populationStability([100, 0], [50, 50])
    expect(psi.bins[0]).toBeCloseTo(0.34657359028, 10)
    expect(psi.bins[1]).toBeCloseTo(4.257744876389, 10)
    expect(populationStability([0, 0], [1, 1]).total).toBeNaN()
  })
})

describe('ordering rows by value', () => {
  it('sorts ascending, keeps ties in row order and drops NaN', () => {
    const values = Float64Array.from([5, NaN, 1, 5, 3, 1])
    expect(Array.from(orderByValue(values, [0, 1, 2, 3, 4, 5]))).toEqual([2, 5, 4, 0, 3])
    expect(Array.from(orderByValue(values, [3, 4, 0]))).toEqual([4, 3, 0])
    expect(Array.from(orderByValue(values, []))).toEqual([])
  })
})
