import { parentPort, workerData } from 'node:worker_threads'
import { AppError } from '../app-error'
import { stageFile, type StageRequest } from './stage-file'

/**
 * Worker-thread entry: reading and profiling a large file takes seconds, and doing it here
 * keeps the main process free to answer the window and to send progress.
 */
const port = parentPort
if (!port) throw new Error('read-worker must run in a worker thread')

let lastSent = 0
try {
  const staged = stageFile(workerData as StageRequest, {
    onProgress(phase, done, total, rows) {
      const now = Date.now()
      if (now - lastSent < 100 && done < total) return
      lastSent = now
      port.postMessage({ type: 'progress', phase, done, total, rows })
    },
    isCancelled: () => false
  })
  // One JSON string per dictionary crosses the thread boundary far faster than structured
  // cloning a million separate strings.
  const columns = staged.columns.map((c) => ({ dictionaryJson: JSON.stringify(c.dictionary), codes: c.codes, unique: c.unique ?? false }))
  port.postMessage(
    { type: 'done', staged: { ...staged, columns } },
    columns.map((c) => c.codes.buffer as ArrayBuffer)
  )
} catch (error) {
  port.postMessage({
    type: 'error',
    error:
      error instanceof AppError
        ? error.toShape()
        : { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) }
  })
}
