import { useId, useState } from 'react'
import { Dialog } from '../../components/Dialog'
import { useApiQuery } from '../../queries/api-queries'
import { useDataStore } from '../../stores/data-store'

const NO_CATEGORIES: string[] = []
const NEW = '\u0000new'

interface CategorySelectProps {
  column: string
  value: string | null
  disabled?: boolean
  onChange(category: string | null): void
}

/** The scorecard category an attribute belongs to, with a way to add one without leaving the row. */
export function CategorySelect({ column, value, disabled, onChange }: CategorySelectProps) {
  const categories = useApiQuery('category-list', {}).data ?? NO_CATEGORIES
  const [adding, setAdding] = useState(false)
  const options = value !== null && !categories.includes(value) ? [...categories, value] : categories

  return (
    <>
      <select
        className="select"
        aria-label={`Category of ${column}`}
        value={value ?? ''}
        disabled={disabled}
        onChange={(event) => {
          if (event.target.value === NEW) setAdding(true)
          else onChange(event.target.value || null)
        }}
      >
        <option value="">No category</option>
        {options.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
        <option value={NEW}>New category…</option>
      </select>
      {adding ? (
        <NewCategoryDialog
          onClose={() => setAdding(false)}
          onAdded={(name) => {
            setAdding(false)
            onChange(name)
          }}
        />
      ) : null}
    </>
  )
}

function NewCategoryDialog({ onClose, onAdded }: { onClose(): void; onAdded(name: string): void }) {
  const [name, setName] = useState('')
  const id = useId()
  const addCategory = useDataStore((s) => s.addCategory)
  const submit = async (): Promise<void> => {
    const added = await addCategory(name)
    if (added) onAdded(added)
  }
  return (
    <Dialog
      title="New category"
      description="Categories group attributes in the scorecard, e.g. Firmographic or Technographic."
      onClose={onClose}
    >
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor={`${id}-name`}>
            Category name
          </label>
          <input id={`${id}-name`} className="input" value={name} maxLength={60} data-autofocus onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="form__actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={name.trim().length === 0}>
            Add category
          </button>
        </div>
      </form>
    </Dialog>
  )
}
