import { WORKSPACE_EXTENSION } from '@shared/app-info'
import { safeFileName } from '@shared/format'

/** A safe file name from a workspace name: "Acme / Q3" -> "Acme - Q3.icpw". */
export function workspaceFileName(name: string): string {
  return `${safeFileName(name, 'Workspace')}${WORKSPACE_EXTENSION}`
}
