import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { tempDir } from './temp-dir'

/** Real full disks and read-only folders for tests: tmpfs mounts, unmounted after each test. */

export const isRoot = process.getuid?.() === 0
const mounts: string[] = []

afterEach(() => {
  while (mounts.length > 0) {
    const dir = mounts.pop()!
    try {
      execFileSync('umount', [dir], { stdio: 'ignore' })
    } catch {
      // Already unmounted.
    }
  }
})

/** A small tmpfs of its own (needs root and mount rights; null when this machine has neither). */
export function smallDisk(sizeKb: number): string | null {
  if (!isRoot || process.platform !== 'linux') return null
  const dir = join(tempDir(), 'disk')
  mkdirSync(dir)
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'ignore' })
  } catch {
    return null
  }
  mounts.push(dir)
  return dir
}

export function remountReadOnly(dir: string): void {
  execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'ignore' })
}
