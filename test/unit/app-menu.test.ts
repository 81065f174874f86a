import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { appMenuTemplate } from '../../src-main/platform/app-menu'

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label || item.role === label)
  expect(menu, `menu ${label}`).toBeDefined()
  return menu!.submenu as MenuItemConstructorOptions[]
}

const labels = (items: MenuItemConstructorOptions[]): string[] => items.map((item) => item.label ?? item.role ?? item.type ?? '')

describe('the native menu', () => {
  const sent: Array<[string, string | undefined]> = []
  const template = appMenuTemplate({
    isMac: false,
    isDev: false,
    hasWorkspace: true,
    recents: [
      { path: '/w/acme.icpw', name: 'Acme', lastOpenedAt: '2026-01-01T00:00:00Z', missing: false },
      { path: '/w/gone.icpw', name: 'Gone', lastOpenedAt: '2026-01-01T00:00:00Z', missing: true }
    ],
    send: (command, path) => sent.push([command, path])
  })

  it('has File, Edit, View and Help with the required commands', () => {
    expect(labels(submenu(template, 'File'))).toEqual(
      expect.arrayContaining(['New Workspace…', 'Open Workspace…', 'Open Recent', 'Close Workspace'])
    )
    expect(labels(submenu(template, 'Edit'))).toEqual(expect.arrayContaining(['Undo', 'Redo', 'cut', 'copy', 'paste']))
    expect(labels(submenu(template, 'View'))).toEqual(expect.arrayContaining(['Data', 'Export', 'togglefullscreen']))
    expect(labels(submenu(template, 'help'))).toContain('About ICP Workbench')
  })

  it('lists recent workspaces, disabling missing ones, and opens them by path', () => {
    const recent = submenu(submenu(template, 'File'), 'Open Recent')
    expect(recent.map((r) => [r.label, r.enabled])).toEqual([
      ['Acme', true],
      ['Gone (missing)', false]
    ])
    recent[0]!.click!({} as never, undefined, {} as never)
    expect(sent).toContainEqual(['workspace-open-path', '/w/acme.icpw'])
  })

  it('leaves app shortcut keys to the renderer so keyboard and menu share one path', () => {
    const newItem = submenu(template, 'File').find((i) => i.label === 'New Workspace…')!
    expect(newItem.accelerator).toBe('CmdOrCtrl+N')
    expect(newItem.registerAccelerator).toBe(false)
  })

  it('offers the theme under View, each item running its app command', () => {
    const theme = submenu(submenu(template, 'View'), 'Theme')
    expect(labels(theme)).toEqual(['System', 'Light', 'Dark'])
    for (const item of theme) item.click!({} as never, undefined, {} as never)
    expect(sent).toEqual(
      expect.arrayContaining([
        ['theme-system', undefined],
        ['theme-light', undefined],
        ['theme-dark', undefined]
      ])
    )
    // The theme is not a workspace command: it is there with no workspace open.
    const closed = appMenuTemplate({ isMac: false, isDev: false, hasWorkspace: false, recents: [], send: () => undefined })
    expect(submenu(submenu(closed, 'View'), 'Theme').every((item) => item.enabled !== false)).toBe(true)
  })

  it('disables workspace commands when none is open', () => {
    const closed = appMenuTemplate({ isMac: true, isDev: false, hasWorkspace: false, recents: [], send: () => undefined })
    expect(submenu(closed, 'File').find((i) => i.label === 'Close Workspace')?.enabled).toBe(false)
    expect(closed[0]?.label).toBe('ICP Workbench')
  })
})
