/** Aligned "label  value" lines for human-readable CLI output. */
export function keyValueLines(rows: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(...rows.map(([label]) => label.length))
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n')
}

export function formatTimestamp(iso: string): string {
  return iso
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC')
    .replace(/Z$/, ' UTC')
}

/** Width `icp --help` wraps to: an 80-column terminal would cut no word. */
export const HELP_WIDTH = 80

/**
 * `text` in lines of at most `width` characters, each starting with `indent` (words longer than
 * a line stay whole); the first line starts with `first` instead when given.
 */
export function wrapWords(text: string, width: number, indent: string, first = indent): string {
  return wrapUnits(text.split(/\s+/).filter(Boolean), width, indent, first)
}

/** A command's usage wrapped like wrapWords, never inside an option's brackets ("[--as accounts|deals|flat]"). */
export function wrapUsage(usage: string, width: number, indent: string, first = indent): string {
  const units: string[] = []
  let depth = 0
  let unit = ''
  for (const char of usage) {
    if (char === '[') depth++
    else if (char === ']') depth = Math.max(0, depth - 1)
    if (char === ' ' && depth === 0) {
      if (unit !== '') units.push(unit)
      unit = ''
    } else unit += char
  }
  if (unit !== '') units.push(unit)
  return wrapUnits(units, width, indent, first)
}

function wrapUnits(units: readonly string[], width: number, indent: string, first: string): string {
  const lines: string[] = []
  let line = first
  let empty = true
  for (const unit of units) {
    if (!empty && line.length + 1 + unit.length > width) {
      lines.push(line)
      line = indent
      empty = true
    }
    line += empty ? unit : ` ${unit}`
    empty = false
  }
  lines.push(line)
  return lines.join('\n')
}
