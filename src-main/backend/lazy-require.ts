import { createRequire } from 'node:module'

const load = createRequire(__filename)

/**
 * A package loaded the first time it is used rather than when the app starts. SheetJS and
 * ExcelJS cost about 30 MB and 0.1–0.3 s each to load; a CSV import, or a CLI command that writes
 * no workbook, never needs them (issue 18: the import's time and peak are whole-process figures).
 */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined
  return () => (loaded ??= load(id) as T)
}
