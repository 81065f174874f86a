import { useEffect, useState } from 'react'

interface LabelFieldProps {
  column: string
  label: string
  disabled?: boolean
  /** The new label; '' returns to the one proposed from the column's name. */
  onSave(label: string): void
}

/**
 * The name clients read for a column on every screen and deliverable. Saved when the field is
 * left or Enter is pressed; Escape puts back what was saved.
 */
export function LabelField({ column, label, disabled, onSave }: LabelFieldProps) {
  const [draft, setDraft] = useState(label)
  useEffect(() => setDraft(label), [label])
  const save = () => {
    const next = draft.trim()
    if (next !== label) onSave(next)
    if (next === '') setDraft(label)
  }
  return (
    <label className="coltable__label">
      <span className="coltable__label-caption">Shown as</span>
      <input
        className="input input--small"
        value={draft}
        maxLength={120}
        disabled={disabled}
        aria-label={`Label of ${column} on screens and deliverables`}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur()
          if (e.key === 'Escape') setDraft(label)
        }}
      />
    </label>
  )
}
