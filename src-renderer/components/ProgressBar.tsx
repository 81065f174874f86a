/**
 * A determinate bar when the share done is known, an animated indeterminate one until then
 * (a bar frozen at 0% reads as "stuck").
 */
export function ProgressBar({ value, label }: { value: number | null; label: string }) {
  const percent = value === null ? null : Math.max(0, Math.min(100, Math.round(value * 100)))
  return (
    <div
      className={`progress${percent === null ? ' progress--indeterminate' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
    >
      <div className="progress__fill" style={percent === null ? undefined : { width: `${percent}%` }} />
    </div>
  )
}
