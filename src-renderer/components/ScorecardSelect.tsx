import type { ScorecardSummary } from '@shared/domain/scorecards'

interface ScorecardSelectProps {
  scorecards: readonly ScorecardSummary[]
  value: number | null
  onChange(id: number): void
  /** Extra text after each name, e.g. how many knockouts it has. */
  detail?(scorecard: ScorecardSummary): string
  className?: string
  autoFocus?: boolean
}

/** The labelled "Scorecard" picker used wherever a screen works on one of the workspace's scorecards. */
export function ScorecardSelect({ scorecards, value, onChange, detail, className = 'field', autoFocus = false }: ScorecardSelectProps) {
  return (
    <label className={className}>
      <span className="field__label">Scorecard</span>
      <select
        className="input"
        value={value ?? ''}
        onChange={(e) => onChange(Number(e.target.value))}
        {...(autoFocus ? { 'data-autofocus': true } : {})}
      >
        {scorecards.map((s) => (
          <option key={s.id} value={s.id}>
            {detail ? `${s.name} ${detail(s)}` : s.name}
          </option>
        ))}
      </select>
    </label>
  )
}
