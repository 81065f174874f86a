import { describe, expect, it } from 'vitest'
import { COALESCE_MS, HISTORY_LIMIT, recordEdit, redoEdit, startHistory, undoEdit } from '../../src-renderer/stores/editor-history'

describe('editor history: plain functions shared by keyboard, menu and buttons', () => {
  it('records, undoes and redoes edits; a new edit drops what could be redone', () => {
    let h = startHistory('a')
    h = recordEdit(h, 'b', 1000)
    h = recordEdit(h, 'c', 5000)
    expect(h).toMatchObject({ present: 'c', past: ['a', 'b'], future: [] })
    h = undoEdit(h)
    expect(h).toMatchObject({ present: 'b', past: ['a'], future: ['c'] })
    h = redoEdit(h)
    expect(h).toMatchObject({ present: 'c', past: ['a', 'b'], future: [] })
    h = undoEdit(undoEdit(h))
    h = recordEdit(h, 'd', 9000)
    expect(h).toMatchObject({ present: 'd', past: ['a'], future: [] })
  })

  it('a slider run with one key inside the window is one undo step; another key or a pause is a new one', () => {
    let h = startHistory(0)
    h = recordEdit(h, 1, 1000, 'points:c1')
    h = recordEdit(h, 2, 1000 + COALESCE_MS - 1, 'points:c1')
    h = recordEdit(h, 3, 1000 + 2 * COALESCE_MS - 2, 'points:c1')
    expect(h.past).toEqual([0])
    h = recordEdit(h, 4, 1000 + 2 * COALESCE_MS, 'points:c2')
    expect(h.past).toEqual([0, 3])
    h = recordEdit(h, 5, 1000 + 4 * COALESCE_MS, 'points:c2')
    expect(h.past).toEqual([0, 3, 4])
    // Undo ends a run: the next step of the same slider is its own step.
    h = recordEdit(undoEdit(h), 6, 1000 + 4 * COALESCE_MS + 1, 'points:c2')
    expect(h.past).toEqual([0, 3, 4])
  })

  it('nothing to undo or redo, or an edit that changes nothing, leaves the history as it was', () => {
    const h = startHistory({ n: 1 })
    expect(undoEdit(h)).toBe(h)
    expect(redoEdit(h)).toBe(h)
    expect(recordEdit(h, h.present, 1)).toBe(h)
  })

  it('keeps at most HISTORY_LIMIT steps, dropping the oldest', () => {
    let h = startHistory(0)
    for (let i = 1; i <= HISTORY_LIMIT + 5; i++) h = recordEdit(h, i, i * 10_000)
    expect(h.past).toHaveLength(HISTORY_LIMIT)
    expect(h.past[0]).toBe(5)
  })
})
