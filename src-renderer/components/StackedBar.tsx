export interface BarSegment {
  label: string
  value: number
  /** Modifier naming the segment's colour (stacked-bar__segment--<tone>). */
  tone: string
}

/** One compact bar of parts of a whole; the legend beside it carries the numbers. */
export function StackedBar({ segments, label }: { segments: readonly BarSegment[]; label: string }) {
  const total = segments.reduce((sum, s) => sum + s.value, 0)
  return (
    <div className="stacked-bar" role="img" aria-label={label}>
      {total > 0
        ? segments.map((s) =>
            s.value > 0 ? (
              <span
                key={s.label}
                className={`stacked-bar__segment stacked-bar__segment--${s.tone}`}
                style={{ flexGrow: s.value }}
                title={`${s.label}: ${s.value.toLocaleString()}`}
              />
            ) : null
          )
        : null}
    </div>
  )
}
