import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { PendingOpen, planSecondLaunch, workspaceArgument } from '../../src-main/platform/launch-requests'

describe('files the OS hands the desktop app', () => {
  it('finds the workspace a command line names, relative to the launching folder', () => {
    expect(workspaceArgument(['/opt/ICP Workbench/icp-workbench', 'acme.icpw'], '/home/dana')).toBe('/home/dana/acme.icpw')
    expect(workspaceArgument(['icp-workbench', '../clients/Acme Q3.ICPW'], '/home/dana/work')).toBe('/home/dana/clients/Acme Q3.ICPW')
    expect(workspaceArgument(['icp-workbench', '/srv/acme.icpw'], '/home/dana')).toBe('/srv/acme.icpw')
  })

  it('takes file:// URLs (Linux file managers), and skips switches, the app folder and other files', () => {
    const url = pathToFileURL('/home/dana/Acme Corp.icpw').href
    expect(url).toContain('%20')
    expect(workspaceArgument(['icp-workbench', url], '/')).toBe('/home/dana/Acme Corp.icpw')
    expect(workspaceArgument(['electron', '.', '--allow-file-access-from-files', '--no-sandbox', 'notes.txt', 'b.icpw'], '/w')).toBe(
      '/w/b.icpw'
    )
    expect(workspaceArgument(['icp-workbench', '--open=x.icpw'], '/w')).toBeNull()
    expect(workspaceArgument(['icp-workbench'], '/w')).toBeNull()
    // A file URL on another host is not a local file.
    expect(workspaceArgument(['icp-workbench', 'file://fileserver/share/x.icpw'], '/w')).toBeNull()
    // argv[0] is the executable, never a file to open, whatever it is called.
    expect(workspaceArgument(['/tmp/odd.icpw'], '/w')).toBeNull()
  })

  it('a second launch focuses the window (restoring it first) and opens the file it names', () => {
    expect(planSecondLaunch(['icp-workbench', 'acme.icpw'], '/home/dana', { exists: true, minimized: true })).toEqual({
      restore: true,
      focus: true,
      open: '/home/dana/acme.icpw'
    })
    expect(planSecondLaunch(['icp-workbench'], '/home/dana', { exists: true, minimized: false })).toEqual({
      restore: false,
      focus: true,
      open: null
    })
    // Before the first window exists there is nothing to focus; the file still opens.
    expect(planSecondLaunch(['icp-workbench', 'a.icpw'], '/w', { exists: false, minimized: false })).toEqual({
      restore: false,
      focus: false,
      open: '/w/a.icpw'
    })
  })

  it('holds a file asked for before the app is ready, the newest one, and then opens at once', () => {
    const pending = new PendingOpen()
    expect(pending.request('/w/a.icpw')).toBeNull()
    expect(pending.request('/w/b.icpw')).toBeNull()
    expect(pending.takeWhenReady()).toBe('/w/b.icpw')
    expect(pending.request('/w/c.icpw')).toBe('/w/c.icpw')
    expect(pending.takeWhenReady()).toBeNull()
    expect(new PendingOpen().takeWhenReady()).toBeNull()
  })
})
