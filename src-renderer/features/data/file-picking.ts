import { useCallback, useRef, useState, type DragEvent } from 'react'

/** Every format the importer reads; .txt because CRMs save tab-separated exports under that name. */
export const IMPORT_ACCEPT = '.xlsx,.xlsm,.xlsb,.xls,.ods,.csv,.tsv,.txt'

export function filesFrom(list: FileList | null | undefined): File[] {
  return list ? Array.from(list) : []
}

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files')
}

/**
 * Drag-and-drop of files onto an element. A counter, not a flag, tracks the drag because
 * dragenter/dragleave also fire for every child the pointer crosses.
 */
export function useFileDrop(onFiles: (files: File[]) => void, enabled = true) {
  const depth = useRef(0)
  const [dragging, setDragging] = useState(false)

  const onDragEnter = useCallback(
    (event: DragEvent) => {
      if (!enabled || !carriesFiles(event)) return
      event.preventDefault()
      depth.current += 1
      setDragging(true)
    },
    [enabled]
  )
  const onDragOver = useCallback(
    (event: DragEvent) => {
      if (!enabled || !carriesFiles(event)) return
      event.preventDefault()
      event.dataTransfer.dropEffect = 'copy'
    },
    [enabled]
  )
  const onDragLeave = useCallback(() => {
    depth.current = Math.max(0, depth.current - 1)
    if (depth.current === 0) setDragging(false)
  }, [])
  const onDrop = useCallback(
    (event: DragEvent) => {
      if (!enabled) return
      event.preventDefault()
      depth.current = 0
      setDragging(false)
      const files = filesFrom(event.dataTransfer.files)
      if (files.length > 0) onFiles(files)
    },
    [enabled, onFiles]
  )

  return { dragging, dropProps: { onDragEnter, onDragOver, onDragLeave, onDrop } }
}
