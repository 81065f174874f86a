// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { editHistory } from '../../src-renderer/features/shell/app-commands'
import { useScorecardStore } from '../../src-renderer/stores/scorecard-store'
import { fakeBackend } from './fake-backend'

const version = (points: number) =>
  ({ name: 'Core ICP', categories: [], criteria: [], knockouts: [], tiers: [], points }) as unknown as Scorecard

describe('one undo path for the menu, the keyboard and the toolbar', () => {
  const execCommand = vi.fn()
  beforeEach(() => {
    fakeBackend({ 'scorecard-save': ({ id, scorecard }) => ({ id, scorecard }) })
    execCommand.mockReset()
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true })
    useScorecardStore.setState({ currentId: 1, scorecard: version(2), past: [version(1)], future: [] })
  })
  const points = () => (useScorecardStore.getState().scorecard as unknown as { points: number }).points

  it('outside text fields, in Scorecards, Undo and Redo step the editor history', () => {
    const slider = document.createElement('input')
    slider.type = 'range'
    editHistory('edit-undo', slider, 'scorecards')
    expect(points()).toBe(1)
    editHistory('edit-redo', null, 'scorecards')
    expect(points()).toBe(2)
    expect(execCommand).not.toHaveBeenCalled()
  })

  it('in a text field, or in another section, the native undo answers and the editor stays', () => {
    const name = document.createElement('input')
    name.type = 'text'
    editHistory('edit-undo', name, 'scorecards')
    editHistory('edit-undo', null, 'data')
    expect(points()).toBe(2)
    expect(execCommand).toHaveBeenCalledTimes(2)
    expect(execCommand).toHaveBeenCalledWith('undo')
  })
})
