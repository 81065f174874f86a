import type { SimulationReport } from '@shared/domain/simulation'
import { DASH } from '../discover/discover-format'

export { count, DASH, fixed, interval, lift, pct, revenue } from '../discover/discover-format'

/** Median cycles are whole days; anything finer would look more precise than the data is. */
export function days(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? DASH : `${Math.round(value)} d`
}

/** The words for what counts as a success under each outcome, so labels never say "win" for retention. */
export const OUTCOME_WORDS: Record<SimulationReport['outcome'], { rate: string; wins: string }> = {
  won: { rate: 'Win rate', wins: 'wins' },
  best: { rate: 'Best rate', wins: 'best customers' },
  retained: { rate: 'Retention', wins: 'retained' }
}

/** Plain-language reading of a population stability index, the usual rule-of-thumb cut-offs. */
export function psiReading(psi: number | null): { label: string; tone: 'ok' | 'warn' | 'bad' | 'none' } {
  if (psi === null || !Number.isFinite(psi)) return { label: 'Not enough deals in one period to compare', tone: 'none' }
  if (psi < 0.1) return { label: 'Stable: scores are distributed alike in both periods', tone: 'ok' }
  if (psi <= 0.25) return { label: 'Some drift: re-check the scorecard on recent deals', tone: 'warn' }
  return { label: 'Major drift: recent deals score very differently', tone: 'bad' }
}

/**
 * Whether any deal has a sales cycle (close and created dates): the fixed bands cover every
 * deal whatever the threshold. A churn study, or deals without dates, has none, and a column or
 * card of dashes would only say so at length.
 */
export function hasSalesCycle(report: Pick<SimulationReport, 'bands'>): boolean {
  return report.bands.some((b) => b.medianCycleDays !== null)
}
