import type { CSSProperties } from 'react'

/** The 0-100 threshold as a slider, named "Threshold" for screen readers and tests alike. */
export function ThresholdSlider({ value, onChange, id }: { value: number | null; onChange(threshold: number): void; id?: string }) {
  const shown = value ?? 0
  return (
    <input
      id={id}
      className="sim-range"
      type="range"
      min={0}
      max={100}
      step={1}
      value={shown}
      aria-label="Threshold"
      aria-valuetext={`${shown} points`}
      disabled={value === null}
      style={{ '--fill': `${shown}%` } as CSSProperties}
      onChange={(e) => onChange(Number(e.target.value))}
    />
  )
}
