import { BrowserWindow, nativeTheme } from 'electron'
import { join } from 'node:path'
import { APP_NAME } from '@shared/app-info'
import type { AppOrigin } from './request-policy'

const LIGHT_CANVAS = '#f5f6f8'
const DARK_CANVAS = '#0f131c'

/** The one app window, with every web preference on its safe setting. */
export function createMainWindow(origin: AppOrigin, preloadPath: string, iconPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1320,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: APP_NAME,
    icon: iconPath,
    // The canvas colour of the theme the renderer will pick on System (the default), so a dark desktop never flashes light.
    backgroundColor: nativeTheme.shouldUseDarkColors ? DARK_CANVAS : LIGHT_CANVAS,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // A second layer under the window-open and navigation guards: middle-click opens nothing.
      disableBlinkFeatures: 'Auxclick'
    }
  })
  window.once('ready-to-show', () => window.show())
  if (origin.devServerUrl) void window.loadURL(origin.devServerUrl)
  else void window.loadFile(join(origin.rendererDir, 'index.html'))
  return window
}
