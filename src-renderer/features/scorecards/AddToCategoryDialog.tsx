import { useState } from 'react'
import { Dialog } from '../../components/Dialog'

const KNOCKOUTS = '\u0000knockouts'

interface AddToCategoryDialogProps {
  attribute: string
  categories: readonly string[]
  /** `null`: add it as a knockout. */
  onAdd(category: string | null): void
  onClose(): void
}

/**
 * The keyboard's (and anyone's) alternative to dragging a palette attribute: choose where it goes.
 * dnd-kit's keyboard sensor steps between drop zones by geometry, which from the palette does not
 * reliably reach every category.
 */
export function AddToCategoryDialog({ attribute, categories, onAdd, onClose }: AddToCategoryDialogProps) {
  const [where, setWhere] = useState(categories[0] ?? KNOCKOUTS)
  return (
    <Dialog
      title={`Add ${attribute}`}
      description="It starts with the condition and points a drop would give; change them on its card."
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="sc-add-form" className="button button--primary">
            Add
          </button>
        </>
      }
    >
      <form
        id="sc-add-form"
        className="form"
        onSubmit={(event) => {
          event.preventDefault()
          onAdd(where === KNOCKOUTS ? null : where)
          onClose()
        }}
      >
        <label className="field">
          <span className="field__label">Add to</span>
          <select className="select" value={where} onChange={(e) => setWhere(e.target.value)} data-autofocus>
            {categories.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
            <option value={KNOCKOUTS}>Knockouts (disqualify)</option>
          </select>
        </label>
      </form>
    </Dialog>
  )
}
