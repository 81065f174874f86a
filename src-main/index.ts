import { app, dialog, Menu, session, type BrowserWindow } from 'electron'
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
import { PendingOpen, planSecondLaunch, workspaceArgument } from './platform/launch-requests'
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
  if (event === 'workspace-changed') {
    // The menu's Open Recent and Close items follow the open workspace; the OS's recent
    // documents (Dock and taskbar jump lists) do too.
    refreshMenu()
    const opened = payload as Events['workspace-changed']
    if (opened) app.addRecentDocument(opened.path)
  }
}

/**
 * Opens a workspace the OS handed over (double-click, `icp-workbench file.icpw`, a second
 * launch). Opened by the backend itself, not through the renderer: before the window exists the
 * renderer then finds it open when it starts; afterwards it hears 'workspace-changed' like any
 * other open.
 */
const pendingOpen = new PendingOpen()
function openFromOs(path: string): void {
  const now = pendingOpen.request(path)
  if (!now || !backend) return
  void backend.dispatch('workspace-open', { path: now }).then((result) => {
    if (!result.ok) dialog.showErrorBox(`${APP_NAME} could not open ${now}`, result.error.message)
  })
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  const launched = workspaceArgument(process.argv, process.cwd())
  if (launched) openFromOs(launched)
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const plan = planSecondLaunch(argv, workingDirectory, { exists: window !== null, minimized: window?.isMinimized() ?? false })
    if (plan.restore) window?.restore()
    if (plan.focus) window?.focus()
    if (plan.open) openFromOs(plan.open)
  })
  // macOS hands files over by event, also at launch (before 'ready'), never on the command line.
  app.on('open-file', (event, path) => {
    event.preventDefault()
    openFromOs(path)
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
      sqliteNativeBinding: electronSqliteBinding(
        app.getAppPath(),
        process.versions.electron,
        app.isPackaged ? process.resourcesPath : null
      ),
      printPdf: electronPrinter(origin),
      desktopFiles: nativeDesktopFiles(() => window)
    })
    registerIpcBridge(backend.dispatch, origin)
    const waiting = pendingOpen.takeWhenReady()
    if (waiting) openFromOs(waiting)
    window = createMainWindow(origin, join(__dirname, '..', 'preload', 'preload.js'), join(app.getAppPath(), 'resources', 'icon.png'))
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
