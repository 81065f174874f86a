import { describe, expect, it } from 'vitest'
import { workspaceFileName } from '../../src-renderer/features/workspace/workspace-file-name'
import { relativeTime } from '../../src-renderer/components/format'

describe('workspace file names', () => {
  it('turns a workspace name into a safe file name', () => {
    expect(workspaceFileName('Acme Corp — Q3 ICP')).toBe('Acme Corp — Q3 ICP.icpw')
    expect(workspaceFileName('Acme / Q3: "final"')).toBe('Acme - Q3- -final-.icpw')
    expect(workspaceFileName('../../etc/passwd')).toBe('etc-passwd.icpw')
    expect(workspaceFileName('   ')).toBe('Workspace.icpw')
  })
})

describe('relative times', () => {
  const now = new Date('2026-11-23T12:00:00Z')
  it('reads like a person would say it', () => {
    expect(relativeTime('2026-11-23T11:59:50Z', now)).toBe('just now')
    expect(relativeTime('2026-11-23T11:57:00Z', now)).toBe('3 minutes ago')
    expect(relativeTime('2026-11-23T10:00:00Z', now)).toBe('2 hours ago')
    expect(relativeTime('2026-11-22T10:00:00Z', now)).toBe('yesterday')
  })
})
