import type { MenuItemConstructorOptions } from 'electron'
import { APP_NAME } from '@shared/app-info'
import type { AppCommand } from '@shared/contract'
import type { RecentWorkspace } from '@shared/domain/workspace'

export interface AppMenuOptions {
  isMac: boolean
  isDev: boolean
  hasWorkspace: boolean
  recents: RecentWorkspace[]
  /** Runs a command in the renderer, the same path its keyboard shortcut takes. */
  send(command: AppCommand, path?: string): void
}

/**
 * The native menu. App commands are shown with their shortcut but the key itself is left to
 * the renderer (registerAccelerator: false), so keyboard, menu and browser mode share one path.
 */
export function appMenuTemplate(o: AppMenuOptions): MenuItemConstructorOptions[] {
  const command = (label: string, cmd: AppCommand, accelerator?: string, enabled = true): MenuItemConstructorOptions => ({
    label,
    enabled,
    click: () => o.send(cmd),
    ...(accelerator ? { accelerator, registerAccelerator: false } : {})
  })
  const recentItems: MenuItemConstructorOptions[] =
    o.recents.length === 0
      ? [{ label: 'No recent workspaces', enabled: false }]
      : o.recents.map((recent) => ({
          label: recent.missing ? `${recent.name} (missing)` : recent.name,
          sublabel: recent.path,
          enabled: !recent.missing,
          click: () => o.send('workspace-open-path', recent.path)
        }))

  const macApp: MenuItemConstructorOptions[] = o.isMac
    ? [
        {
          label: APP_NAME,
          submenu: [
            command(`About ${APP_NAME}`, 'show-about'),
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' }
          ]
        }
      ]
    : []

  return [
    ...macApp,
    {
      label: 'File',
      submenu: [
        command('New Workspace…', 'workspace-new', 'CmdOrCtrl+N'),
        command('Open Workspace…', 'workspace-open', 'CmdOrCtrl+O'),
        { label: 'Open Recent', submenu: recentItems },
        { type: 'separator' },
        command('Close Workspace', 'workspace-close', 'CmdOrCtrl+W', o.hasWorkspace),
        ...(o.isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const])
      ]
    },
    {
      label: 'Edit',
      submenu: [
        command('Undo', 'edit-undo', 'CmdOrCtrl+Z'),
        command('Redo', 'edit-redo', o.isMac ? 'Shift+Cmd+Z' : 'Ctrl+Shift+Z'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' }
      ]
    },
    {
      label: 'View',
      submenu: [
        command('Data', 'section-data', 'CmdOrCtrl+1', o.hasWorkspace),
        command('Discover', 'section-discover', 'CmdOrCtrl+2', o.hasWorkspace),
        command('Scorecards', 'section-scorecards', 'CmdOrCtrl+3', o.hasWorkspace),
        command('Simulate', 'section-simulate', 'CmdOrCtrl+4', o.hasWorkspace),
        command('Export', 'section-export', 'CmdOrCtrl+5', o.hasWorkspace),
        { type: 'separator' },
        {
          label: 'Theme',
          submenu: [command('System', 'theme-system'), command('Light', 'theme-light'), command('Dark', 'theme-dark')]
        },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(o.isDev ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : [])
      ]
    },
    {
      role: 'help',
      submenu: [
        command('Keyboard Shortcuts', 'show-shortcuts', 'CmdOrCtrl+/'),
        ...(o.isMac ? [] : [command(`About ${APP_NAME}`, 'show-about')])
      ]
    }
  ]
}
