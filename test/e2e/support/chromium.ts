import { chromiumArgs, findChromium } from '../../../src-main/backend/export/chromium-path'

/**
 * The browser the end-to-end tests drive: the one the app prints with (system Chromium first,
 * else the one npm installed), allowed to reach only the browser-mode host on 127.0.0.1.
 */
export function chromiumLaunchOptions(): { executablePath: string; args: string[]; env?: Record<string, string> } {
  const { executablePath, env } = findChromium()
  return { executablePath, args: chromiumArgs('loopback'), ...(env ? { env } : {}) }
}
