/** Statistics the engine reports: intervals, medians, ranking quality and drift. */
export { mean, median } from './median'
export { populationStability, PSI_EPSILON, type PopulationStability } from './psi'
export { aucFromHistograms, cumulativeGains, giniFromAuc, ksFromHistograms, type GainsPoint } from './ranking'
export { orderByValue } from './sort-order'
export { wilsonInterval, Z95 } from './wilson'
