import type { CompareDelta, CompareReport, CompareSide } from '@shared/domain/simulation'
import { count, DASH, fixed, lift, pct } from '../simulate-format'

export type Figure = Exclude<keyof CompareDelta, 'threshold' | 'gini' | 'ks'>

/** Which way is better. Passing more deals or having more top-tier accounts is a capacity choice, not an improvement. */
export type Direction = 'higher' | 'neutral'

export interface FigureSpec {
  key: Figure
  name: string
  /** What the figure is, shown under it. */
  hint: string
  direction: Direction
  value(side: CompareSide): string
  change(delta: number): string
}

const signed = (text: string, delta: number): string => (delta > 0 ? `+${text}` : delta < 0 ? `−${text.replace(/^-/, '')}` : text)
/** Differences of rates are percentage points, not percentages of percentages. */
const points = (delta: number): string => signed(`${Math.abs(delta * 100).toFixed(1)} pts`, delta)

export function figureSpecs(outcome: CompareReport['outcome']): FigureSpec[] {
  const rate = outcome === 'won' ? 'Win rate' : outcome === 'best' ? 'Best rate' : 'Retention'
  const wins = outcome === 'won' ? 'Wins' : outcome === 'best' ? 'Best customers' : 'Retained'
  return [
    {
      key: 'auc',
      name: 'AUC',
      hint: 'how well the score ranks',
      direction: 'higher',
      value: (s) => fixed(s.auc, 3),
      change: (d) => signed(Math.abs(d).toFixed(3), d)
    },
    {
      key: 'passRate',
      name: 'Deals passing',
      hint: 'share at or above the threshold',
      direction: 'neutral',
      value: (s) => pct(s.passRate),
      change: points
    },
    {
      key: 'winRateAbove',
      name: `${rate} above threshold`,
      hint: 'among the deals passing',
      direction: 'higher',
      value: (s) => pct(s.winRateAbove),
      change: points
    },
    {
      key: 'lift',
      name: 'Lift',
      hint: 'rate above ÷ overall',
      direction: 'higher',
      value: (s) => lift(s.lift),
      change: (d) => signed(`${Math.abs(d).toFixed(2)}×`, d)
    },
    {
      key: 'recall',
      name: `${wins} kept`,
      hint: 'share scoring above the threshold',
      direction: 'higher',
      value: (s) => pct(s.recall),
      change: points
    },
    {
      key: 'revenueKept',
      name: 'Won revenue kept',
      hint: 'share of won amount above',
      direction: 'higher',
      value: (s) => pct(s.revenueKept),
      change: points
    },
    {
      key: 'topTierAccounts',
      name: 'Top-tier accounts',
      hint: 'accounts with a deal in the top tier',
      direction: 'neutral',
      value: (s) => count(s.topTierAccounts),
      change: (d) => signed(count(Math.abs(d)), d)
    }
  ]
}

export type Tone = 'better' | 'worse' | 'neutral' | 'same' | 'none'

/** Rounded as shown: a change too small to display is no change. */
export function toneOf(delta: number | null, direction: Direction, shown: string): Tone {
  if (delta === null || !Number.isFinite(delta)) return 'none'
  if (delta === 0 || /^[+−]?0(\.0+)?( pts|×)?$/.test(shown)) return 'same'
  if (direction === 'neutral') return 'neutral'
  return delta > 0 ? 'better' : 'worse'
}

export const TONE_WORDS: Record<Tone, string> = {
  better: 'better',
  worse: 'worse',
  neutral: 'a capacity change, neither better nor worse',
  same: 'no change',
  none: 'not comparable'
}

export const sideName = (side: CompareSide): string => `${side.scorecard} · ${side.revision}`

export { DASH }
