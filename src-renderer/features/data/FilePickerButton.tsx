import { useRef, type ReactNode } from 'react'
import { filesFrom, IMPORT_ACCEPT } from './file-picking'

interface FilePickerButtonProps {
  /** Names the hidden file input for assistive technology and tests. */
  inputLabel: string
  multiple?: boolean
  className?: string
  disabled?: boolean
  onFiles(files: File[]): void
  children: ReactNode
}

/**
 * A real button in front of a hidden file input: the same File objects in the desktop app and
 * in browser mode, read with arrayBuffer() either way.
 */
export function FilePickerButton({
  inputLabel,
  multiple = true,
  className = 'button button--secondary',
  disabled,
  onFiles,
  children
}: FilePickerButtonProps) {
  const input = useRef<HTMLInputElement>(null)
  return (
    <>
      <button type="button" className={className} disabled={disabled} onClick={() => input.current?.click()}>
        {children}
      </button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={inputLabel}
        accept={IMPORT_ACCEPT}
        multiple={multiple}
        onChange={(event) => {
          const files = filesFrom(event.target.files)
          // Cleared so choosing the same file again (after fixing it in Excel) fires a change.
          event.target.value = ''
          if (files.length > 0) onFiles(files)
        }}
      />
    </>
  )
}
