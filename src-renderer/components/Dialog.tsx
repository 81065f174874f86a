import { useEffect, useId, useRef, type ReactNode } from 'react'
import { X } from 'lucide-react'

interface DialogProps {
  title: string
  description?: ReactNode
  onClose(): void
  children: ReactNode
  footer?: ReactNode
  /** full: tables with many columns (a band's deals with every criterion's points). */
  width?: 'narrow' | 'wide' | 'full'
}

/**
 * A modal on the native <dialog> element: the browser supplies the focus trap, Escape and the
 * inert background; focus goes back to the control that opened it when it closes.
 */
export function Dialog({ title, description, onClose, children, footer, width = 'narrow' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const descriptionId = useId()

  useEffect(() => {
    const dialog = ref.current
    // The browser gives focus back on close(), but React removes the element before this
    // effect's cleanup runs, so focus would fall to <body>: return it to the opener by hand.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (dialog && !dialog.open) {
      dialog.showModal()
      // showModal() focuses the first control (the close button); React does not render the
      // autofocus attribute, so the field meant to take the first keystroke is focused here.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    }
    return () => {
      dialog?.close()
      const lost = document.activeElement === null || document.activeElement === document.body || dialog?.contains(document.activeElement)
      if (lost && opener?.isConnected) opener.focus({ preventScroll: true })
    }
  }, [])

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${width}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      onMouseDown={(event) => {
        // A press on the backdrop (the dialog element itself, outside its content) closes it.
        if (event.target === ref.current) onClose()
      }}
    >
      <div className="dialog__panel">
        <header className="dialog__header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
            <X size={18} aria-hidden />
          </button>
        </header>
        {description ? (
          <p id={descriptionId} className="dialog__description">
            {description}
          </p>
        ) : null}
        <div className="dialog__body">{children}</div>
        {footer ? <footer className="dialog__footer">{footer}</footer> : null}
      </div>
    </dialog>
  )
}
