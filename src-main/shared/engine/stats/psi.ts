/**
 * Population stability index: how far a later score distribution drifted from an earlier one.
 * Per bin (a - e) * ln(a / e) over the shares of deals, summed. Rule of thumb: under 0.1 stable,
 * 0.1-0.25 some drift, over 0.25 a real shift.
 *
 * An empty bin would make ln(a / e) infinite, so each share is floored at PSI_EPSILON (0.0001,
 * one deal in ten thousand): an empty bin then adds a large but finite amount.
 */

export const PSI_EPSILON = 1e-4

export interface PopulationStability {
  total: number
  /** Each bin's contribution, in the bins' order. */
  bins: number[]
}

export function populationStability(
  expected: ArrayLike<number>,
  actual: ArrayLike<number>,
  epsilon: number = PSI_EPSILON
): PopulationStability {
  let expectedTotal = 0
  let actualTotal = 0
  for (let i = 0; i < expected.length; i++) expectedTotal += expected[i]!
  for (let i = 0; i < actual.length; i++) actualTotal += actual[i]!
  if (expectedTotal === 0 || actualTotal === 0) return { total: NaN, bins: Array.from(expected, () => NaN) }
  const bins: number[] = []
  let sum = 0
  for (let i = 0; i < expected.length; i++) {
    const e = Math.max(expected[i]! / expectedTotal, epsilon)
    const a = Math.max((actual[i] ?? 0) / actualTotal, epsilon)
    const contribution = (a - e) * Math.log(a / e)
    bins.push(contribution)
    sum += contribution
  }
  return { total: sum, bins }
}
