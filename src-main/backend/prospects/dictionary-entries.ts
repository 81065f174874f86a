/**
 * A few entries of a stored dictionary (a JSON array of strings) without parsing the rest: the
 * call list's page needs 100 names from a column of a million unique ones, and parsing them all
 * (in JavaScript or with SQLite's json_each) takes seconds. The walk jumps from quote to quote with
 * indexOf and parses only the entries asked for.
 */
export function dictionaryEntries(json: string, wanted: ReadonlySet<number>): Map<number, string> {
  const found = new Map<number, string>()
  if (wanted.size === 0) return found
  const last = Math.max(...wanted)
  let index = 0
  let at = json.indexOf('"')
  while (at >= 0 && index <= last) {
    // The closing quote: the next one not escaped (preceded by an even number of backslashes).
    let end = json.indexOf('"', at + 1)
    while (end > 0) {
      let slashes = 0
      for (let k = end - 1; json.charCodeAt(k) === 92; k--) slashes++
      if (slashes % 2 === 0) break
      end = json.indexOf('"', end + 1)
    }
    if (end < 0) throw new Error('stored dictionary is not a list of strings')
    if (wanted.has(index)) found.set(index, JSON.parse(json.slice(at, end + 1)) as string)
    index++
    at = json.indexOf('"', end + 1)
  }
  return found
}
