/**
 * Where an Office Open XML package keeps its workbook. Excel names it xl/workbook.xml, but the
 * standard lets a writer choose any part name: the package says which part is the workbook
 * through its content types (what openpyxl reads) and its root relationship. Only when neither
 * names a workbook is the zip not a spreadsheet.
 */

export interface WorkbookPart {
  /** Zip entry name, without a leading slash. */
  name: string
  binary: boolean
  macroEnabled: boolean
}

const MAIN_TYPE =
  /spreadsheetml\.(?:sheet|template)\.main\+xml|ms-excel\.(?:sheet|template|addin)\.macroEnabled\.main\+xml|ms-excel\.sheet\.binary\.macroEnabled\.main/i
const OFFICE_DOCUMENT = /\/relationships\/officeDocument$/i

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag)
  return m === null ? null : (m[1] ?? m[2] ?? null)
}

function stripSlash(name: string): string {
  const bare = name.replace(/^\/+/, '')
  try {
    return decodeURIComponent(bare)
  } catch {
    return bare
  }
}

function fromContentTypes(contentTypes: string): WorkbookPart | null {
  for (const tag of contentTypes.match(/<Override\b[^>]*>/gi) ?? []) {
    const type = attribute(tag, 'ContentType') ?? ''
    const part = attribute(tag, 'PartName')
    if (part === null || !MAIN_TYPE.test(type)) continue
    return { name: stripSlash(part), binary: /binary/i.test(type), macroEnabled: /macroEnabled/i.test(type) }
  }
  return null
}

function fromRootRelationships(rels: string): string | null {
  for (const tag of rels.match(/<Relationship\b[^>]*>/gi) ?? []) {
    if (!OFFICE_DOCUMENT.test(attribute(tag, 'Type') ?? '')) continue
    const target = attribute(tag, 'Target')
    if (target !== null) return stripSlash(target.replace(/^\.\//, ''))
  }
  return null
}

/**
 * The workbook part, if the package names one that is in the zip. `read` gives an entry's text
 * ('' when absent); `has` says whether an entry exists (case-insensitively, as Office does).
 */
export function findWorkbookPart(read: (name: string) => string, has: (name: string) => boolean): WorkbookPart | null {
  const typed = fromContentTypes(read('[content_types].xml'))
  if (typed !== null && has(typed.name)) return typed
  const related = fromRootRelationships(read('_rels/.rels'))
  if (related !== null && has(related) && /\.(xml|bin)$/i.test(related)) {
    return { name: related, binary: /\.bin$/i.test(related), macroEnabled: false }
  }
  for (const [name, binary] of [
    ['xl/workbook.bin', true],
    ['xl/workbook.xml', false]
  ] as const) {
    if (has(name)) return { name, binary, macroEnabled: false }
  }
  return null
}
