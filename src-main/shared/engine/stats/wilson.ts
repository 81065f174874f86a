/**
 * Wilson score interval for a win rate. Unlike the normal approximation it stays inside 0-1
 * and is honest for the small samples consultants have (30-200 closed deals, 0 or 100% rates).
 */

/** The 97.5th percentile of the standard normal: a two-sided 95% interval. */
export const Z95 = 1.959964

/** The interval for `successes` out of `trials`; with no trials, all of [0, 1] (nothing is known). */
export function wilsonInterval(successes: number, trials: number, z: number = Z95): [number, number] {
  if (trials <= 0) return [0, 1]
  const p = successes / trials
  const z2 = z * z
  const denominator = 1 + z2 / trials
  const center = (p + z2 / (2 * trials)) / denominator
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator
  return [Math.max(0, center - half), Math.min(1, center + half)]
}
