/**
 * Independence of an attribute's cells and the outcome when deals come in clusters (an
 * account's deals share its buyer, its budget, its history): a chi-square over deals treats 40
 * deals of one account as 40 independent pieces of evidence and finds "significant" effects in
 * pure noise. This is the score test of logistic regression with a cluster-robust (sandwich)
 * variance: the same statistic as Pearson's chi-square when every cluster is one deal, and
 * honest about clustering otherwise.
 *
 *   U_j  = Σ_i (x_ij − x̄_j)(y_i − ȳ)                 one dummy per cell but the last
 *   s_cj = the same sum over the deals of cluster c
 *   V    = G/(G−1) · Σ_c s_c s_cᵀ                    G = number of clusters
 *   T    = Uᵀ V⁻¹ U  ~  χ²(cells − 1)
 */

import { chiSquarePValue } from './chi-square'
import type { IndependenceTest } from './significance'

/** A pivot this small (relative to the diagonal) means the cell carries no information: dropped. */
const SINGULAR = 1e-10

/**
 * `cells`: each row's cell (-1: not counted); `target`: 1 / 0 per row (-1: not counted);
 * `clusters`: each row's cluster (-1: a cluster of its own); `order` (optional, from
 * clusterOrder): the rows grouped by cluster, shared by every test on the same target.
 */
export function clusteredIndependence(
  cells: Int32Array,
  target: Int8Array,
  clusters: Int32Array,
  clusterCount: number,
  order: Int32Array = clusterOrder(target, clusters, clusterCount)
): IndependenceTest {
  let k = 0
  let n = 0
  let positives = 0
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!
    if (cell < 0 || target[i]! < 0) continue
    if (cell + 1 > k) k = cell + 1
    n++
    positives += target[i]!
  }
  if (n === 0 || positives === 0 || positives === n) return { statistic: 0, df: 0, pValue: 1 }
  const cellN = new Float64Array(k)
  for (let i = 0; i < cells.length; i++) if (cells[i]! >= 0 && target[i]! >= 0) cellN[cells[i]!]!++
  const used: number[] = []
  for (let j = 0; j < k; j++) if (cellN[j]! > 0) used.push(j)
  if (used.length < 2) return { statistic: 0, df: 0, pValue: 1 }
  // Dummies for every used cell but the last; position in the score vector per cell.
  const dims = used.length - 1
  const dimOf = new Int32Array(k).fill(-1)
  used.slice(0, dims).forEach((cell, d) => (dimOf[cell] = d))
  const mean = used.slice(0, dims).map((cell) => cellN[cell]! / n)
  const ybar = positives / n

  // s_c = a_c − x̄·R_c, with a_c the cluster's residual sum per cell (sparse: a cluster touches
  // few cells) and R_c its total residual, so V = Σ a aᵀ − x̄ bᵀ − b x̄ᵀ + q x̄ x̄ᵀ with
  // b = Σ R_c a_c and q = Σ R_c²: per cluster, work only for the cells it touches.
  const score = new Float64Array(dims)
  const outer = new Float64Array(dims * dims)
  const b = new Float64Array(dims)
  let q = 0
  const acc = new Float64Array(k)
  // Which cluster last touched each cell (a sum can return to exactly 0 mid-cluster).
  const stamp = new Int32Array(k).fill(-1)
  const touchedCells = new Int32Array(k)
  let clustersSeen = 0
  const rows = order.length
  // The cells read once in cluster order, so the walk below streams through memory instead of
  // jumping to each deal's row (the deals of an account are scattered through the file).
  const { target: orderedTarget, clusters: orderedClusters } = inClusterOrder(order, target, clusters)
  const orderedCells = gather(cells, order)
  let at = 0
  while (at < rows) {
    const cluster = orderedClusters[at]!
    let total = 0
    let touched = 0
    // A row with no cluster (-1) is a cluster of its own.
    do {
      const cell = orderedCells[at]!
      const t = orderedTarget[at]!
      at++
      if (cell >= 0) {
        const residual = t - ybar
        if (stamp[cell] !== clustersSeen) {
          stamp[cell] = clustersSeen
          touchedCells[touched++] = cell
          acc[cell] = residual
        } else acc[cell] = acc[cell]! + residual
        total += residual
      }
    } while (cluster >= 0 && at < rows && orderedClusters[at] === cluster)
    if (touched === 0) continue
    clustersSeen++
    q += total * total
    for (let x = 0; x < touched; x++) {
      const da = dimOf[touchedCells[x]!]!
      if (da < 0) continue
      const va = acc[touchedCells[x]!]!
      score[da] = score[da]! + va
      b[da] = b[da]! + total * va
      const row = da * dims
      for (let y = 0; y < touched; y++) {
        const db = dimOf[touchedCells[y]!]!
        if (db >= 0) outer[row + db] = outer[row + db]! + va * acc[touchedCells[y]!]!
      }
    }
  }
  // The centred score: Σ (x − x̄) r = Σ x r − x̄ Σ r, and Σ r = 0 by the choice of ȳ.
  const variance = new Float64Array(dims * dims)
  for (let a = 0; a < dims; a++) {
    for (let c = 0; c < dims; c++) {
      variance[a * dims + c] = outer[a * dims + c]! - mean[a]! * b[c]! - b[a]! * mean[c]! + q * mean[a]! * mean[c]!
    }
  }
  if (clustersSeen < 2) return { statistic: 0, df: 0, pValue: 1 }
  const scale = clustersSeen / (clustersSeen - 1)
  for (let a = 0; a < variance.length; a++) variance[a]! *= scale
  const { statistic, rank } = quadraticForm(variance, score, dims)
  if (rank === 0) return { statistic: 0, df: 0, pValue: 1 }
  return { statistic, df: rank, pValue: chiSquarePValue(statistic, rank) }
}

/** `values` read in `order`. */
export function gather(values: Int32Array, order: Int32Array): Int32Array {
  const out = new Int32Array(order.length)
  for (let j = 0; j < order.length; j++) out[j] = values[order[j]!]!
  return out
}

const orderedCache = new WeakMap<Int32Array, { target: Int8Array; clusters: Int32Array }>()

/**
 * The target and clusters read in `order`, once per order (an order is built from one target and
 * one clustering, and every attribute's test walks it).
 */
export function inClusterOrder(order: Int32Array, target: Int8Array, clusters: Int32Array): { target: Int8Array; clusters: Int32Array } {
  let cached = orderedCache.get(order)
  if (!cached) {
    const t = new Int8Array(order.length)
    for (let j = 0; j < order.length; j++) t[j] = target[order[j]!]!
    cached = { target: t, clusters: gather(clusters, order) }
    orderedCache.set(order, cached)
  }
  return cached
}

/** The counted rows, those of one cluster next to each other (a counting sort; rows with no cluster last). */
export function clusterOrder(target: Int8Array, clusters: Int32Array, clusterCount: number): Int32Array {
  const start = new Int32Array(clusterCount + 2)
  let counted = 0
  for (let i = 0; i < target.length; i++) {
    if (target[i]! < 0) continue
    counted++
    const c = clusters[i]!
    start[(c < 0 ? clusterCount : c) + 1]!++
  }
  for (let c = 1; c < start.length; c++) start[c]! += start[c - 1]!
  const order = new Int32Array(counted)
  for (let i = 0; i < target.length; i++) {
    if (target[i]! < 0) continue
    const c = clusters[i]!
    order[start[c < 0 ? clusterCount : c]!++] = i
  }
  return order
}

/** uᵀ V⁻¹ u by Gaussian elimination with pivoting, skipping directions V does not span. */
function quadraticForm(matrix: Float64Array, vector: Float64Array, size: number): { statistic: number; rank: number } {
  const m = Float64Array.from(matrix)
  const rhs = Float64Array.from(vector)
  let largest = 0
  for (let a = 0; a < size; a++) largest = Math.max(largest, Math.abs(m[a * size + a]!))
  const tolerance = Math.max(largest * SINGULAR, Number.MIN_VALUE)
  const active: number[] = []
  const used = new Uint8Array(size)
  for (let step = 0; step < size; step++) {
    let pivot = -1
    let best = tolerance
    for (let r = 0; r < size; r++) {
      if (used[r]) continue
      const value = Math.abs(m[r * size + r]!)
      if (value > best) {
        best = value
        pivot = r
      }
    }
    if (pivot < 0) break
    used[pivot] = 1
    active.push(pivot)
    const p = m[pivot * size + pivot]!
    for (let r = 0; r < size; r++) {
      if (r === pivot || used[r]) continue
      const factor = m[r * size + pivot]! / p
      if (factor === 0) continue
      for (let c = 0; c < size; c++) m[r * size + c]! -= factor * m[pivot * size + c]!
      rhs[r]! -= factor * rhs[pivot]!
    }
  }
  // Symmetric elimination: uᵀ V⁻¹ u = Σ over pivots of (reduced rhs)² / pivot, in pivot order.
  let statistic = 0
  for (const r of active) statistic += (rhs[r]! * rhs[r]!) / m[r * size + r]!
  return { statistic, rank: active.length }
}
