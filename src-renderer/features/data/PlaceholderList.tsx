import type { PlaceholderDecision } from '@shared/domain/dataset'
import { formatCount } from './data-format'

interface PlaceholderListProps {
  column: string
  placeholders: readonly PlaceholderDecision[]
  /** Stored columns can change a decision; the import review shows them. */
  onChange?: ((token: string, missing: boolean) => void) | undefined
  disabled?: boolean
}

/**
 * The placeholder spellings found in a column ("unknown", "None", 999) and whether each counts
 * as missing here, with the reason: the same spelling can be a gap in one column and a real
 * answer in another (a competitor called "None").
 */
export function PlaceholderList({ column, placeholders, onChange, disabled }: PlaceholderListProps) {
  if (placeholders.length === 0) return null
  return (
    <ul className="placeholders" aria-label={`Placeholder values in ${column}`}>
      {placeholders.map((p) => (
        <li key={p.token} className={`placeholders__item placeholders__item--${p.missing ? 'missing' : 'value'}`}>
          <span className="placeholders__verdict">{p.missing ? 'Missing:' : 'Kept as a value:'}</span>{' '}
          <bdi className="placeholders__token">“{p.token}”</bdi> <span className="muted">({formatCount(p.count)} rows)</span>
          <span className="placeholders__reason">{p.reason}</span>
          {onChange ? (
            <button
              type="button"
              className="button button--ghost button--small placeholders__change"
              disabled={disabled}
              aria-label={`${p.missing ? 'Keep' : 'Treat'} “${p.token}” ${p.missing ? 'as a value' : 'as missing'} in ${column}`}
              onClick={() => onChange(p.token, !p.missing)}
            >
              {p.missing ? 'Keep as a value' : 'Treat as missing'}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
