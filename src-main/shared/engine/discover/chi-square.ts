/**
 * The chi-square distribution's upper tail, for the p-values Discover reports. Written here
 * because the engine has no statistics library: the upper regularized gamma function Q(a, x)
 * by its series below a + 1 and by a continued fraction above (Numerical Recipes, 6.2), each
 * used where it converges fast, so p-values stay accurate down to ~1e-300 instead of
 * cancelling to 0 (1 - P) long before a million-deal test stops being "just significant".
 */

const LANCZOS = [
  676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7
]
const EPSILON = 1e-15
const TINY = 1e-300
const MAX_ITERATIONS = 1000

/** ln Γ(x) for x > 0 (Lanczos, g = 7: ~15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x)
  const z = x - 1
  let sum = 0.99999999999980993
  for (let i = 0; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i + 1)
  const t = z + LANCZOS.length - 0.5
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum)
}

/** P(a, x) by its power series; converges quickly for x < a + 1. */
function lowerSeries(a: number, x: number): number {
  let term = 1 / a
  let sum = term
  for (let n = 1; n < MAX_ITERATIONS; n++) {
    term *= x / (a + n)
    sum += term
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a))
}

/** Q(a, x) by its continued fraction (modified Lentz); converges quickly for x >= a + 1. */
function upperFraction(a: number, x: number): number {
  let b = x + 1 - a
  let c = 1 / TINY
  let d = 1 / b
  let h = d
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a)
    b += 2
    d = an * d + b
    if (Math.abs(d) < TINY) d = TINY
    c = b + an / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < EPSILON) break
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h
}

/** The upper regularized gamma function Q(a, x) = Γ(a, x) / Γ(a), for a > 0. */
export function upperRegularizedGamma(a: number, x: number): number {
  if (!(a > 0) || Number.isNaN(x)) return NaN
  if (x <= 0) return 1
  if (x === Infinity) return 0
  return x < a + 1 ? 1 - lowerSeries(a, x) : upperFraction(a, x)
}

/** P(X >= statistic) for X ~ chi-square with `df` degrees of freedom; 1 when df < 1 (nothing was tested). */
export function chiSquarePValue(statistic: number, df: number): number {
  if (df < 1) return 1
  return Math.min(1, Math.max(0, upperRegularizedGamma(df / 2, statistic / 2)))
}
