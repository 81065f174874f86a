import { useState } from 'react'
import { Dialog } from '../../components/Dialog'

interface NameDialogProps {
  title: string
  label: string
  initial: string
  confirm: string
  onSubmit(name: string): void
  onClose(): void
}

/** One text field and a confirm button: naming a new, duplicated or renamed scorecard, or a version's note. */
export function NameDialog({ title, label, initial, confirm, onSubmit, onClose }: NameDialogProps) {
  const [value, setValue] = useState(initial)
  const trimmed = value.trim()
  const submit = (): void => {
    if (!trimmed) return
    onSubmit(trimmed)
    onClose()
  }
  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="sc-name-form" className="button button--primary" disabled={!trimmed}>
            {confirm}
          </button>
        </>
      }
    >
      <form
        id="sc-name-form"
        className="form"
        onSubmit={(event) => {
          event.preventDefault()
          submit()
        }}
      >
        <label className="field">
          <span className="field__label">{label}</span>
          <input className="input" value={value} maxLength={120} onChange={(e) => setValue(e.target.value)} data-autofocus />
        </label>
      </form>
    </Dialog>
  )
}
