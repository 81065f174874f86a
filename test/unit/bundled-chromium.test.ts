import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tarFiles } from '../../src-main/backend/export/bundled-chromium'
import { tempDir } from '../support/temp-dir'

describe("the tar reader that unpacks the npm Chromium's libraries and fonts", () => {
  it('yields every regular file with its bytes, and nothing else', () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'src', 'lib', 'nested'), { recursive: true })
    const big = Buffer.alloc(1500, 7)
    writeFileSync(join(dir, 'src', 'lib', 'libnss3.so'), big)
    writeFileSync(join(dir, 'src', 'lib', 'empty.chk'), '')
    writeFileSync(join(dir, 'src', 'lib', 'nested', 'a.txt'), 'exactly these bytes')
    // ustar keeps a path over 100 bytes in two fields (prefix and name), joined on reading.
    const long = `${'d'.repeat(70)}/${'f'.repeat(60)}.ttf`
    mkdirSync(join(dir, 'src', 'lib', 'd'.repeat(70)))
    writeFileSync(join(dir, 'src', 'lib', long), 'long name')
    execFileSync('tar', ['--format=ustar', '-cf', join(dir, 'x.tar'), '-C', join(dir, 'src'), 'lib'])
    const files = [...tarFiles(readFileSync(join(dir, 'x.tar')))].map((f) => ({ name: f.name, bytes: Buffer.from(f.data) }))
    expect(files.map((f) => f.name).sort()).toEqual(['lib/empty.chk', 'lib/libnss3.so', `lib/${long}`, 'lib/nested/a.txt'].sort())
    expect(files.find((f) => f.name === 'lib/libnss3.so')!.bytes.equals(big)).toBe(true)
    expect(files.find((f) => f.name === 'lib/empty.chk')!.bytes.length).toBe(0)
    expect(files.find((f) => f.name === 'lib/nested/a.txt')!.bytes.toString()).toBe('exactly these bytes')
  })

  it('stops at the end-of-archive blocks and reads nothing from an empty archive', () => {
    expect([...tarFiles(new Uint8Array(1024))]).toEqual([])
    expect([...tarFiles(new Uint8Array(0))]).toEqual([])
  })
})
