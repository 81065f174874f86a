/**
 * The scorecard last open in each workspace, so a reload or a reopened workspace comes back to
 * the one the consultant was editing (not simply the first). A preference of this machine's
 * window, kept beside the theme; a failure to read or write it only loses the convenience.
 */
const KEY = 'icp-workbench:last-scorecard'

function readAll(): Record<string, number> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}')
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, number>) : {}
  } catch {
    return {}
  }
}

export function readLastScorecard(workspacePath: string): number | null {
  const id = readAll()[workspacePath]
  return typeof id === 'number' && Number.isInteger(id) ? id : null
}

export function writeLastScorecard(workspacePath: string, id: number): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...readAll(), [workspacePath]: id }))
  } catch {
    // Storage full or disabled: the section opens the first scorecard instead.
  }
}
