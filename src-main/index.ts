import { app, Menu, session, type BrowserWindow } from 'electron'
import { join } from 'node:path'
import { APP_NAME } from '@shared/app-info'
import type { AppCommand, EventName, Events } from '@shared/contract'
import { createBackend, type Backend } from './backend/create-backend'
import { fileRecentWorkspaces } from './backend/workspace/recent-workspaces'
import { nativeLocations } from './backend/workspace/workspace-locations'
import { appMenuTemplate } from './platform/app-menu'
import { hardenApp } from './platform/harden'
import { registerIpcBridge, sendEvent } from './platform/ipc-bridge'
import { nativeDesktopFiles } from './platform/desktop-files'
import { electronPrinter } from './platform/electron-printer'
import { createMainWindow } from './platform/main-window'
import { nativeFileChooser } from './platform/native-dialogs'
import type { AppOrigin } from './platform/request-policy'
import { electronSqliteBinding } from './platform/sqlite-binding'

// Electron entry: lifecycle, the window, the menu and the IPC transport. Everything else is
// the backend, which knows nothing of Electron.
app.setName(APP_NAME)
app.enableSandbox()

let window: BrowserWindow | null = null
let backend: Backend | null = null

const log = (line: string): void => console.log(`[icp] ${line}`)

function send(command: AppCommand, path?: string): void {
  sendEvent(window, 'app-command', path === undefined ? { command } : { command, path })
}

function refreshMenu(): void {
  if (!backend) return
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate({
        isMac: process.platform === 'darwin',
        isDev: !app.isPackaged,
        hasWorkspace: backend.context.session.isOpen,
        recents: backend.context.recents.list(),
        send
      })
    )
  )
}

function emit<E extends EventName>(event: E, payload: Events[E]): void {
  sendEvent(window, event, payload)
  // The menu's Open Recent and Close items follow the open workspace.
  if (event === 'workspace-changed') refreshMenu()
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore()
    window?.focus()
  })

  void app.whenReady().then(() => {
    const origin: AppOrigin = {
      rendererDir: join(__dirname, '..', 'renderer'),
      devServerUrl: app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']
    }
    hardenApp(session.defaultSession, origin, log)
    backend = createBackend({
      host: 'desktop',
      locations: nativeLocations({ chooser: nativeFileChooser(() => window) }),
      recents: fileRecentWorkspaces(join(app.getPath('userData'), 'recent-workspaces.json')),
      sampleDir: app.getPath('userData'),
      emit,
      sqliteNativeBinding: electronSqliteBinding(app.getAppPath(), process.versions.electron),
      printPdf: electronPrinter(origin),
      desktopFiles: nativeDesktopFiles(() => window)
    })
    registerIpcBridge(backend.dispatch, origin)
    window = createMainWindow(
      origin,
      join(__dirname, '..', 'preload', 'preload.js'),
      join(app.getAppPath(), 'resources', 'icon.png')
    )
    window.on('closed', () => {
      window = null
    })
    refreshMenu()
  })

  app.on('window-all-closed', () => {
    backend?.close()
    app.quit()
  })
}
