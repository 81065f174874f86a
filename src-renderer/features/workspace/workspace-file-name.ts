import { WORKSPACE_EXTENSION } from '@shared/app-info'

/** A safe file name from a workspace name: "Acme / Q3" -> "Acme - Q3.icpw". */
export function workspaceFileName(name: string): string {
  const base = name
    .trim()
    // eslint-disable-next-line no-control-regex -- control characters are exactly what file names must not contain
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s-]+/, '')
    .slice(0, 100)
    .trim()
  return `${base || 'Workspace'}${WORKSPACE_EXTENSION}`
}
