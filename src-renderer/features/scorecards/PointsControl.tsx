import { Minus, Plus } from 'lucide-react'

interface PointsControlProps {
  label: string
  points: number
  onChange(points: number): void
}

const MIN = -50
const MAX = 50

/** Points by a −/+ stepper for exact values and a slider for quick what-ifs in front of the client. */
export function PointsControl({ label, points, onChange }: PointsControlProps) {
  const clamp = (value: number): number => Math.max(MIN, Math.min(MAX, Math.round(value)))
  return (
    <div className="sc-points">
      <div className="sc-points__stepper" role="group" aria-label={`Points for ${label}`}>
        <button
          type="button"
          className="sc-points__step"
          aria-label="Fewer points"
          disabled={points <= MIN}
          onClick={() => onChange(clamp(points - 1))}
        >
          <Minus size={13} aria-hidden />
        </button>
        <output className={`sc-points__value${points < 0 ? ' sc-points__value--negative' : ''}`} aria-label="Points">
          {points > 0 ? `+${points}` : points}
        </output>
        <button
          type="button"
          className="sc-points__step"
          aria-label="More points"
          disabled={points >= MAX}
          onClick={() => onChange(clamp(points + 1))}
        >
          <Plus size={13} aria-hidden />
        </button>
      </div>
      <input
        className="sc-points__slider"
        type="range"
        min={MIN}
        max={MAX}
        step={1}
        value={points}
        aria-label={`Points slider for ${label}`}
        onChange={(e) => onChange(clamp(Number(e.target.value)))}
      />
    </div>
  )
}
