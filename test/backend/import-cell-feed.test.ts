/**
 * The feed of a large CSV's cells from the reading thread to the other (read/cell-feed.ts): the
 * other thread's builders get every cell in the order it was fed, across chunks, whether a place
 * in the file, a decoded string or an empty one; and a feed given up stops the other side.
 * Both ends run on this thread here, within the ring's room; two threads are in
 * import-csv-columns-threads.test.ts.
 */
import { MessageChannel } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { CellFeed, feedMemory, takeCells, type CellSink } from '../../src-main/backend/import/read/cell-feed'

type Cell = ['bytes', number, number, number, boolean] | ['string', string]

function recorder(): CellSink & { cells: Cell[] } {
  const cells: Cell[] = []
  return {
    cells,
    pushBytes: (start, end, hash, ascii) => cells.push(['bytes', start, end, hash, ascii]),
    pushString: (value) => cells.push(['string', value])
  }
}

describe('the cells fed to the other thread', () => {
  it('reach each column in the order they were fed, across chunks, bytes and strings alike', () => {
    const columns = 3
    const memory = feedMemory(columns)
    const { port1, port2 } = new MessageChannel()
    const feed = new CellFeed({ ...memory, port: port1 })
    const expected: Cell[][] = [[], [], []]
    // Two and a half chunks of 8,192 rows: the ring holds four, so nothing waits on this thread.
    const rows = 8192 * 2 + 4096
    for (let row = 0; row < rows; row++) {
      for (let c = 0; c < columns; c++) {
        const kind = (row + c) % 7
        if (kind === 0) {
          const value = `"${row}"`
          feed.pushString(value)
          expected[c]!.push(['string', value])
        } else if (kind === 1) {
          feed.pushString('')
          expected[c]!.push(['string', ''])
        } else {
          const start = row * 100 + c * 10
          const hash = (row * 2654435761) ^ c
          feed.pushBytes(start, start + kind, hash | 0, kind % 2 === 0)
          expected[c]!.push(['bytes', start, start + kind, hash | 0, kind % 2 === 0])
        }
      }
    }
    expect(feed.end()).toBe(true)
    const sinks = [recorder(), recorder(), recorder()]
    takeCells({ ...memory, port: port2 }, sinks)
    sinks.forEach((sink, c) => {
      expect(sink.cells).toHaveLength(rows)
      expect(sink.cells).toEqual(expected[c])
    })
    port1.close()
  })

  it('gives up at once, without waiting out its patience, an other thread that has stopped taking cells', () => {
    const memory = feedMemory(1)
    const { port1 } = new MessageChannel()
    let stopped = false
    let asked = 0
    const feed = new CellFeed({ ...memory, port: port1 }, () => {
      asked++
      return stopped
    })
    // Three chunks fill three of the ring's four slots; nobody takes them, and nobody is asked.
    for (let i = 0; i < 3 * 8192; i++) feed.pushBytes(i, i + 1, i, true)
    expect(feed.live).toBe(true)
    expect(asked).toBe(0)
    // The other thread failed (it answered with its error): the fourth chunk finds the ring full,
    // asks once, and gives up, where waiting out its patience would have asked every 100 ms for 5 s.
    stopped = true
    for (let i = 0; i < 8192; i++) feed.pushBytes(i, i + 1, i, true)
    expect(feed.live).toBe(false)
    expect(asked).toBe(1)
    expect(feed.end()).toBe(false)
    port1.close()
  })

  it('stops the other thread with an error once given up, and then takes no more cells', () => {
    const memory = feedMemory(1)
    const { port1, port2 } = new MessageChannel()
    const feed = new CellFeed({ ...memory, port: port1 })
    for (let i = 0; i < 10; i++) feed.pushBytes(i, i + 1, i, true)
    feed.giveUp()
    expect(feed.live).toBe(false)
    // Cells after giving up go nowhere, and the end says the feed did not finish.
    for (let i = 0; i < 9000; i++) feed.pushString('late')
    expect(feed.end()).toBe(false)
    expect(() => takeCells({ ...memory, port: port2 }, [recorder()])).toThrow(/gave the columns up/)
    port1.close()
  })
})
