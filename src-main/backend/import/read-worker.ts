import { AppError } from '../app-error'
import { packDictionary } from './dictionary-wire'
import { loadReaderRequest, type ReaderRequest } from './import-source'
import { stageFile } from './stage-file'

/**
 * Child-process entry: reading and profiling a file runs in its own process, not a thread, so
 * that a file which makes V8 abort ("invalid table size", an out-of-memory that no heap limit
 * catches) ends only this process; the parent reports its death as an error about the file.
 * Its stdout and stderr are not the user's terminal (libraries' warnings stay here).
 */
const send = process.send?.bind(process)
if (!send) throw new Error('read-worker must run as a child process with an IPC channel')

// The parent went away (closed, crashed): there is no one left to read for.
process.on('disconnect', () => process.exit(0))

process.once('message', (message: ReaderRequest) => {
  let lastSent = 0
  try {
    const staged = stageFile(loadReaderRequest(message), {
      onProgress(phase, done, total, rows) {
        const now = Date.now()
        if (now - lastSent < 100 && done < total) return
        lastSent = now
        send({ type: 'progress', phase, done, total, rows })
      },
      isCancelled: () => false,
      // Reading leaves hundreds of MB of garbage V8 has not collected yet (measured on the
      // 1M-row CSV: 440 MB of heap in use, 320 MB of it live). Collecting it here, once, lets
      // profiling reuse that space instead of growing the heap past it (peak 750 -> 660 MB).
      onRead: () => (globalThis as { gc?: () => void }).gc?.()
    })
    // One message per column, each packed just before it is sent: packing and serialising all
    // columns into one message held a second copy of every dictionary at the reader's peak.
    // Dictionaries cross as a few long strings (see dictionary-wire.ts), codes as typed arrays.
    const { columns, ...rest } = staged
    columns.forEach((c, index) => {
      send({ type: 'column', index, column: { dictionary: packDictionary(c.dictionary), codes: c.codes, unique: c.unique ?? false } })
    })
    send({ type: 'done', staged: { ...rest, columnCount: columns.length } }, undefined, {}, () => process.disconnect())
  } catch (error) {
    send(
      {
        type: 'error',
        error:
          error instanceof AppError
            ? error.toShape()
            : { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) }
      },
      undefined,
      {},
      () => process.disconnect()
    )
  }
})
