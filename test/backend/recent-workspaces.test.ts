import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fileRecentWorkspaces } from '../../src-main/backend/workspace/recent-workspaces'
import { tempDir } from '../support/temp-dir'

describe('the recent workspaces list', () => {
  it('persists, puts the latest first, and does not repeat a path', () => {
    const dir = tempDir()
    const file = join(dir, 'app', 'recent.json')
    const recents = fileRecentWorkspaces(file)
    for (const name of ['a', 'b', 'a']) {
      writeFileSync(join(dir, `${name}.icpw`), '')
      recents.remember(join(dir, `${name}.icpw`), name.toUpperCase())
    }
    expect(
      fileRecentWorkspaces(file)
        .list()
        .map((r) => r.name)
    ).toEqual(['A', 'B'])
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveLength(2)
  })

  it('keeps at most twelve entries', () => {
    const recents = fileRecentWorkspaces(join(tempDir(), 'recent.json'))
    for (let i = 0; i < 20; i++) recents.remember(`/w/${i}.icpw`, `W${i}`)
    const list = recents.list()
    expect(list).toHaveLength(12)
    expect(list[0]?.name).toBe('W19')
    expect(list.every((r) => r.missing)).toBe(true)
  })

  it('treats an unreadable list as empty instead of failing', () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'x'))
    const file = join(dir, 'recent.json')
    writeFileSync(file, '{ this is not json')
    expect(fileRecentWorkspaces(file).list()).toEqual([])
    writeFileSync(file, JSON.stringify([{ path: 3 }]))
    expect(fileRecentWorkspaces(file).list()).toEqual([])
    fileRecentWorkspaces(file).remember('/w/a.icpw', 'A')
    expect(
      fileRecentWorkspaces(file)
        .list()
        .map((r) => r.name)
    ).toEqual(['A'])
  })
})
