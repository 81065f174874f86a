/**
 * The sales-process history of a deal: how long it sat in each stage, how often it moved, the
 * last call. Real opportunity tables carry such columns, and they separate won from lost almost
 * perfectly because they record how the deal went, not what the account is: lost deals stall
 * and die in an early stage, won deals walk through every stage, and calls with a buyer who is
 * about to sign run long. A scorecard built on them looks brilliant on history and is useless
 * for new accounts, which is exactly what the app's leakage check must catch.
 *
 * Drawn (option `leakage: true`) from a stream of its own per account, after the deal itself,
 * so switching leakage on changes no other value.
 */
import type { Rng } from './random.js'

/** The open stages a deal walks through before closing; stage 1 = Prospecting, 2 = Qualification. */
export const PROCESS_STAGES = 5

export interface SalesProcess {
  /** Open stages reached (1-5). */
  stagesReached: number
  daysInStage1: number
  /** 0 when the deal never reached stage 2. */
  daysInStage2: number
  /** From qualification (entering stage 2) to the close; null while open, 0 when never qualified. */
  daysIdentifiedThroughClosing: number | null
  stageChangeCount: number
  /** Share of the deal's days spent in stage 2 (Qualification), 2 decimals. */
  ratioDaysQualifiedToTotal: number
  /** Days in the stage the deal was last in before it closed (open deals: so far). */
  elapsedDaysInCurrentStage: number
  /** null when no call was logged. */
  lastCallSeconds: number | null
}

/** Recorded in the truth when `leakage` is on: what each column is and which way it leaks. */
export const LEAKAGE_SIGNAL = {
  description:
    'Sales-process columns on deals: they describe how the deal went, so they separate won from lost ' +
    'almost perfectly whatever the signal strength, and must never become scorecard criteria.',
  columns: [
    { column: 'Days in Stage 1', field: 'daysInStage1', leak: 'lost deals stall in Prospecting: many more days there' },
    { column: 'Days in Stage 2', field: 'daysInStage2', leak: '0 for deals that died before Qualification (most lost deals)' },
    {
      column: 'Total Days Identified Through Closing',
      field: 'daysIdentifiedThroughClosing',
      leak: 'blank while open; 0 for deals lost before Qualification; long for won deals'
    },
    { column: 'Sales Stage Change Count', field: 'stageChangeCount', leak: 'won deals pass every stage (5+ changes), lost ones few' },
    { column: 'Ratio Days Qualified to Total Days', field: 'ratioDaysQualifiedToTotal', leak: '0 for deals lost before Qualification' },
    { column: 'Elapsed Days in Current Stage', field: 'elapsedDaysInCurrentStage', leak: 'lost deals sit long in the stage they die in' },
    { column: 'Last Call Duration (s)', field: 'lastCallSeconds', leak: 'calls run ~4x longer on deals about to be won' }
  ]
} as const

export type LeakageSignal = typeof LEAKAGE_SIGNAL

/** Where lost deals die: most never get past Prospecting or Qualification. */
const LOST_REACH: readonly (readonly [number, number])[] = [
  [1, 38],
  [2, 28],
  [3, 18],
  [4, 11],
  [5, 5]
]

/**
 * One deal's process. `days` is the closed deal's sales cycle, or for an open deal the days since
 * it was created; `progress` (0-1) is how far an open deal is through its expected cycle.
 */
export function drawProcess(rng: Rng, outcome: 'won' | 'lost' | 'open', days: number, progress: number): SalesProcess {
  const total = Math.max(1, days)
  const reached =
    outcome === 'won'
      ? rng.chance(0.8)
        ? PROCESS_STAGES
        : PROCESS_STAGES - 1
      : outcome === 'lost'
        ? rng.weighted(LOST_REACH)
        : Math.min(PROCESS_STAGES, 1 + Math.floor(progress * PROCESS_STAGES))
  // Time splits over the stages reached: a deal that will be won qualifies fast (an engaged buyer),
  // a lost one stalls in its last stage until someone cleans up the pipeline.
  const weights: number[] = []
  for (let k = 0; k < reached; k++) {
    const pace = outcome === 'won' && k === 0 ? 0.5 : outcome === 'lost' && k === reached - 1 ? 6 : 1
    weights.push(rng.logNormal(pace, 0.5))
  }
  const sum = weights.reduce((s, w) => s + w, 0)
  const stageDays = weights.map((w) => Math.floor((total * w) / sum))
  const spare = total - stageDays.reduce((s, d) => s + d, 0)
  stageDays[reached - 1] = (stageDays[reached - 1] ?? 0) + spare
  const d1 = stageDays[0] ?? total
  const d2 = reached >= 2 ? (stageDays[1] ?? 0) : 0
  // Won deals slip back a stage now and then (a new stakeholder, a re-scoped proposal); each slip is two changes.
  const slips = outcome === 'won' ? (rng.chance(0.35) ? (rng.chance(0.3) ? 2 : 1) : 0) : rng.chance(0.08) ? 1 : 0
  const call = rng.chance(0.08)
    ? null
    : Math.max(15, Math.round(rng.logNormal(outcome === 'won' ? 1500 : outcome === 'lost' ? 380 : 700, 0.6)))
  return {
    stagesReached: reached,
    daysInStage1: d1,
    daysInStage2: d2,
    daysIdentifiedThroughClosing: outcome === 'open' ? null : reached >= 2 ? total - d1 : 0,
    stageChangeCount: reached - 1 + (outcome === 'open' ? 0 : 1) + 2 * slips,
    ratioDaysQualifiedToTotal: Math.round((100 * d2) / total) / 100,
    elapsedDaysInCurrentStage: stageDays[reached - 1] ?? total,
    lastCallSeconds: call
  }
}
