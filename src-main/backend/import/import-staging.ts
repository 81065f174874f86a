import { AppError } from '../app-error'
import type { ReadJob } from './run-read-worker'
import type { StagedFile } from './staged-file'

const KEEP_FOR_MS = 60 * 60 * 1000
const MAX_STAGED = 8

/**
 * Files read but not yet committed, and reads still running (so they can be cancelled). Nothing
 * here touches the workspace: discarding a preview or cancelling a read leaves it as it was.
 */
export class ImportStaging {
  private readonly staged = new Map<string, { file: StagedFile; at: number }>()
  private readonly running = new Map<string, ReadJob>()

  isBusy(id: string): boolean {
    return this.running.has(id) || this.staged.has(id)
  }

  track(id: string, job: ReadJob): void {
    this.running.set(id, job)
  }

  untrack(id: string): void {
    this.running.delete(id)
  }

  keep(id: string, file: StagedFile): void {
    this.expire()
    this.staged.set(id, { file, at: Date.now() })
  }

  get(id: string): StagedFile {
    const entry = this.staged.get(id)
    if (!entry) {
      throw new AppError('NOT_FOUND', 'That import preview is no longer available; choose the file again.', { stagingId: id })
    }
    entry.at = Date.now()
    return entry.file
  }

  /** Cancels a running read or forgets a staged file. */
  discard(id: string): void {
    this.running.get(id)?.cancel()
    this.running.delete(id)
    this.staged.delete(id)
  }

  clear(): void {
    for (const job of this.running.values()) job.cancel()
    this.running.clear()
    this.staged.clear()
  }

  private expire(): void {
    const now = Date.now()
    for (const [id, entry] of this.staged) if (now - entry.at > KEEP_FOR_MS) this.staged.delete(id)
    // Staged files hold whole columns in memory: keep only the most recent few.
    const byAge = [...this.staged].sort((a, b) => a[1].at - b[1].at)
    while (byAge.length >= MAX_STAGED) this.staged.delete(byAge.shift()![0])
  }
}
