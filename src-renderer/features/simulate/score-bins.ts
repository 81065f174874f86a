/** Scores per bin in the distribution chart: 101 one-point bars are hairlines a client cannot read. */
export const SCORE_BIN = 5

export interface ScoreBin {
  /** The bin's middle, where its bar stands on the 0–100 axis. */
  score: number
  /** "60–64" (the last bin is "100"). */
  label: string
  won: number
  lost: number
}

/** Won and lost deals per score, summed into bins of `width` points (0–4, 5–9, …, 95–99, 100). */
export function scoreBins(distribution: ReadonlyArray<{ score: number; won: number; lost: number }>, width = SCORE_BIN): ScoreBin[] {
  const bins = new Map<number, ScoreBin>()
  for (const { score, won, lost } of distribution) {
    const start = Math.floor(score / width) * width
    const end = Math.min(100, start + width - 1)
    const bin = bins.get(start) ?? {
      score: (start + end) / 2,
      label: start === end ? String(start) : `${start}–${end}`,
      won: 0,
      lost: 0
    }
    bin.won += won
    bin.lost += lost
    bins.set(start, bin)
  }
  return [...bins.entries()].sort((a, b) => a[0] - b[0]).map(([, bin]) => bin)
}
