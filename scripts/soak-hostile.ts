/**
 * Soak: a fresh browser-mode process (the built `out/main/web.js`, as `npm run web` starts it)
 * is sent hostile files one after another as uploads to import-inspect, and must answer every
 * one with a result or a coded error, keep answering other calls, and keep its memory (RSS)
 * under 1.5 GB throughout. Prints the peak RSS of the host, and of the reading processes it
 * starts, sampled every 50 ms.
 *
 *   npx tsx scripts/soak-hostile.ts            # 500 files
 *   SOAK_FILES=2000 npx tsx scripts/soak-hostile.ts
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fromWire, toWire } from '../src-main/shared/contract/wire'
import * as hostile from '../test/support/hostile-files'
import { buildRendererIfStale, startHost } from './web-host-process'

const FILES = Number(process.env['SOAK_FILES'] ?? 500)
const RSS_LIMIT = 1.5 * 1024 ** 3
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
const TEXT = 'Account,City,Employees\r\nSociété Générale,Zürich,120\r\nÅngström AB,Malmö,45\r\n'

/** The i-th hostile file: every kind in turn, each with its own numbers. */
function hostileFile(i: number): { name: string; bytes: Uint8Array } {
  const far = 2 ** 20 + 1 + i * 7919
  const kinds: Array<() => { name: string; bytes: Uint8Array }> = [
    () => ({ name: `far-column-${i}.xlsx`, bytes: hostile.xlsxWithFarCell(`${'ZZZZZZ'.slice(0, 3 + (i % 4))}1`) }),
    () => ({ name: `far-row-${i}.xlsx`, bytes: hostile.xlsxWithFarCell(`A${far * 1000}`) }),
    () => ({ name: `repeats-${i}.ods`, bytes: hostile.odsWithRepeatedEmptyCells(300_000_000 + i) }),
    () => ({ name: `rows-${i}.ods`, bytes: hostile.odsWithRepeatedEmptyRows(2_000_000_000 - i) }),
    () => ({ name: `secret-${i}.ods`, bytes: hostile.passwordProtectedOds() }),
    () => ({ name: `utf32-${i}.csv`, bytes: hostile.utf32(TEXT, i % 2 === 0 ? 'le' : 'be', i % 3 === 0) }),
    () => ({ name: `latin1-${i}.csv`, bytes: hostile.latin1WithUtf8Bom(TEXT) }),
    () => ({ name: `unusual-${i}.xlsx`, bytes: hostile.minimalXlsx({ workbookPart: `wb${i}/book.xml`, sheetPart: `wb${i}/data.xml` }) }),
    () => ({
      name: `merge-${i}.xlsx`,
      bytes: hostile.minimalXlsx({ afterData: `<mergeCells count="1"><mergeCell ref="A2:A${far * 10}"/></mergeCells>` })
    }),
    () => ({ name: `noise-${i}.xlsx`, bytes: new Uint8Array(4096).map((_, k) => (k * 2654435761 + i) >>> 24) }),
    () => ({ name: `cut-${i}.xlsx`, bytes: hostile.minimalXlsx().slice(0, 200 + i) }),
    () => ({ name: `quote-${i}.csv`, bytes: utf8(`Account,Notes\r\nAcme,"${'x'.repeat(1000)}\r\n`) })
  ]
  return kinds[i % kinds.length]!()
}

function rssOf(pid: number): number {
  try {
    const line = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return line ? Number(line[1]) * 1024 : 0
  } catch {
    return 0
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
    )
  } catch {
    return []
  }
}

const mb = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(0)} MB`

async function main(): Promise<void> {
  buildRendererIfStale()
  const dataDir = mkdtempSync(join(tmpdir(), 'icp-soak-'))
  const host = await startHost(dataDir)
  const url = new URL(host.url)
  const token = url.searchParams.get('token')!
  const call = async (
    method: string,
    input: unknown
  ): Promise<{ ok: boolean; error?: { code: string; message: string }; value?: unknown }> => {
    const response = await fetch(`${url.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-ICP-Token': token },
      body: toWire(input)
    })
    return fromWire(await response.text()) as never
  }
  let peakHost = rssOf(host.pid)
  let peakReader = 0
  const sampler = setInterval(() => {
    peakHost = Math.max(peakHost, rssOf(host.pid))
    for (const child of childrenOf(host.pid)) peakReader = Math.max(peakReader, rssOf(child))
  }, 50)
  const outcomes = new Map<string, number>()
  const failures: string[] = []
  let done = 0
  const started = performance.now()
  try {
    const created = await call('workspace-create', { name: 'Soak', path: 'soak.icpw' })
    if (!created.ok) throw new Error(`workspace-create failed: ${created.error?.message}`)
    for (let i = 0; i < FILES; i++) {
      const file = hostileFile(i)
      const stagingId = `soak-file-${String(i).padStart(6, '0')}`
      const result = await call('import-inspect', { source: { kind: 'upload', fileName: file.name, bytes: file.bytes }, stagingId })
      done++
      const outcome = result.ok ? 'read' : result.error!.code
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)
      if (!result.ok && (result.error!.code === 'INTERNAL' || !result.error!.message.includes(file.name)))
        failures.push(`${file.name}: ${result.error!.code} ${result.error!.message}`)
      if (result.ok) await call('import-discard', { stagingId })
      // Still answering other calls after each file.
      const info = await call('workspace-current', {})
      if (!info.ok) failures.push(`after ${file.name}: workspace-current failed: ${info.error?.message}`)
      if (peakHost > RSS_LIMIT) failures.push(`after ${file.name}: host RSS ${mb(peakHost)} over 1.5 GB`)
      if ((i + 1) % 100 === 0)
        console.log(
          `${i + 1} files, ${((performance.now() - started) / 1000).toFixed(0)} s, host RSS now ${mb(rssOf(host.pid))}, peak ${mb(peakHost)}`
        )
      if (failures.length > 0) break
    }
  } finally {
    clearInterval(sampler)
    await host.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
  const seconds = (performance.now() - started) / 1000
  console.log(
    `soak: ${done} of ${FILES} hostile files in ${seconds.toFixed(0)} s; outcomes ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}`
  )
  console.log(`soak: peak RSS of the browser-mode host ${mb(peakHost)}; of one reading process ${mb(peakReader)} (limit 1.5 GB)`)
  if (failures.length > 0) {
    console.error(`soak FAILED:\n${failures.slice(0, 10).join('\n')}`)
    process.exitCode = 1
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
