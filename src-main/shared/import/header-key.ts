/**
 * How column headers are compared wherever a header names a column (hygiene rules, caches,
 * refreshes): case, surrounding space and runs of inner space do not matter, because next
 * quarter's export may differ in exactly those.
 */
export function headerKey(header: string): string {
  return header.trim().toLowerCase().replace(/\s+/g, ' ')
}
