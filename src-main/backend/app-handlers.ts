import { APP_NAME, APP_VERSION } from '@shared/app-info'
import type { AppInfo } from '@shared/domain/workspace'
import type { Handlers } from './dispatch'

function platformName(): AppInfo['platform'] {
  if (process.platform === 'darwin') return 'mac'
  if (process.platform === 'win32') return 'windows'
  return 'linux'
}

export const appHandlers: Pick<Handlers, 'app-info'> = {
  'app-info': (_input, ctx) => ({
    name: APP_NAME,
    version: APP_VERSION,
    host: ctx.host,
    locations: ctx.locations.kind,
    dataDir: ctx.locations.dataDir,
    platform: platformName()
  })
}
