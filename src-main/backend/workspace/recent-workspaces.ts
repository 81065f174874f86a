import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'
import type { RecentWorkspace } from '@shared/domain/workspace'
import { writeFileAtomic } from '../fs/write-file-atomic'

/** The start screen's "recent workspaces" list, kept outside any workspace (per user). */
export interface RecentWorkspaces {
  list(): RecentWorkspace[]
  remember(path: string, name: string): void
  forget(path: string): void
}

const storedList = z.array(z.object({ path: z.string().min(1), name: z.string(), lastOpenedAt: z.string() }))
type Stored = z.infer<typeof storedList>

const MAX_RECENTS = 12

function withPresence(entries: Stored): RecentWorkspace[] {
  return entries.map((entry) => ({ ...entry, missing: !existsSync(entry.path) }))
}

function remembered(entries: Stored, path: string, name: string, now: string): Stored {
  return [{ path, name, lastOpenedAt: now }, ...entries.filter((e) => e.path !== path)].slice(0, MAX_RECENTS)
}

/** Recents stored as JSON in the app's data folder; an unreadable file counts as empty. */
export function fileRecentWorkspaces(file: string): RecentWorkspaces {
  const read = (): Stored => {
    try {
      const parsed = storedList.safeParse(JSON.parse(readFileSync(file, 'utf8')))
      return parsed.success ? parsed.data : []
    } catch {
      return []
    }
  }
  const write = (entries: Stored): void => {
    mkdirSync(dirname(file), { recursive: true })
    writeFileAtomic(file, `${JSON.stringify(entries, null, 2)}\n`)
  }
  return {
    list: () => withPresence(read()),
    remember: (path, name) => write(remembered(read(), path, name, new Date().toISOString())),
    forget: (path) => write(read().filter((e) => e.path !== path))
  }
}

/** For hosts that should not touch the user's list (the CLI, tests). */
export function memoryRecentWorkspaces(): RecentWorkspaces {
  let entries: Stored = []
  return {
    list: () => withPresence(entries),
    remember: (path, name) => {
      entries = remembered(entries, path, name, new Date().toISOString())
    },
    forget: (path) => {
      entries = entries.filter((e) => e.path !== path)
    }
  }
}
