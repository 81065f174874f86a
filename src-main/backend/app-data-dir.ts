import { homedir } from 'node:os'
import { join } from 'node:path'
import { APP_NAME } from '@shared/app-info'

/** The per-user folder for app data when no host gives one (browser mode, CLI). */
export function defaultAppDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME)
  if (process.platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME)
  return join(env['XDG_DATA_HOME'] ?? join(homedir(), '.local', 'share'), 'icp-workbench')
}
